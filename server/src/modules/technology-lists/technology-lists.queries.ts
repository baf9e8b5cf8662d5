import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';
import type { ListDirection, ListType } from '../../../../common/src/api/technology-lists.js';
import { technologyListImports, technologyListItems, technologyListVersions } from './technology-lists.tables.js';

export type VersionRow = typeof technologyListVersions.$inferSelect;
export type ItemRow = typeof technologyListItems.$inferSelect;
export type NewVersion = Omit<typeof technologyListVersions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type NewItem = Omit<typeof technologyListItems.$inferInsert, 'id'>;

/** Condition "the version is in force on day" (valid_to is the last day in force, inclusive). */
export function versionInForceOn(day: string) {
  return and(lte(technologyListVersions.validFrom, day), or(isNull(technologyListVersions.validTo), gte(technologyListVersions.validTo, day)));
}

/** Every item of every version in force on a date, with its version's citation fields. */
export async function selectItemsInForce(db: Tx, day: string) {
  return db
    .select({
      id: technologyListItems.id,
      versionCode: technologyListVersions.code,
      sourceInstrument: technologyListVersions.sourceInstrument,
      sourceInstrumentEn: technologyListVersions.sourceInstrumentEn,
      listType: technologyListItems.listType,
      appendix: technologyListItems.appendix,
      itemNo: technologyListItems.itemNo,
      vsicCode: technologyListItems.vsicCode,
      direction: technologyListItems.direction,
      nameVi: technologyListItems.nameVi,
      nameEn: technologyListItems.nameEn,
      conditionVi: technologyListItems.conditionVi,
      conditionEn: technologyListItems.conditionEn,
      keywordsVi: technologyListItems.keywordsVi,
      keywordsEn: technologyListItems.keywordsEn,
      verified: technologyListItems.verified,
      sourceUrl: technologyListItems.sourceUrl,
    })
    .from(technologyListItems)
    .innerJoin(technologyListVersions, eq(technologyListVersions.id, technologyListItems.versionId))
    .where(versionInForceOn(day))
    .orderBy(asc(technologyListVersions.validFrom), asc(technologyListItems.listType), asc(technologyListItems.sortOrder), asc(technologyListItems.id));
}

/** A value that changes whenever any list version or item is added, closed or removed. */
export async function selectStamp(db: Tx): Promise<string> {
  const [row] = await rowsOf<{ stamp: string }>(
    db,
    sql`SELECT (SELECT count(*) FROM technology_list_versions)::text || ':' ||
               (SELECT count(*) FROM technology_list_items)::text || ':' ||
               coalesce((SELECT max(updated_at) FROM technology_list_versions)::text, '-') AS stamp`,
  );
  return row?.stamp ?? '0:0:-';
}

export async function findVersionByCode(db: Tx, code: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(technologyListVersions).where(sql`lower(${technologyListVersions.code}) = lower(${code})`);
  return row;
}

export async function findVersion(db: Tx, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(technologyListVersions).where(eq(technologyListVersions.id, id));
  return row;
}

/** Every version, newest first (a handful of rows). */
export async function listVersions(db: Tx): Promise<VersionRow[]> {
  return db.select().from(technologyListVersions).orderBy(desc(technologyListVersions.validFrom), asc(technologyListVersions.code));
}

/** Item counts per version and list type. */
export async function countItems(db: Tx, versionIds?: string[]) {
  return db
    .select({ versionId: technologyListItems.versionId, listType: technologyListItems.listType, n: count() })
    .from(technologyListItems)
    .where(versionIds ? inArray(technologyListItems.versionId, versionIds) : undefined)
    .groupBy(technologyListItems.versionId, technologyListItems.listType);
}

export async function countAllItems(db: Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(technologyListItems);
  return Number(row?.n ?? 0);
}

export async function insertVersion(db: Tx, values: NewVersion): Promise<VersionRow> {
  const [row] = await db.insert(technologyListVersions).values(values).returning();
  return row!;
}

/** Inserts items in chunks (a few thousand rows stay under the bind-parameter limit). */
export async function insertItems(db: Tx, rows: NewItem[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(technologyListItems).values(rows.slice(i, i + 500));
}

/** Sets the last day in force of a version that is still open; undefined when it was not open. */
export async function closeVersion(db: Tx, id: string, validTo: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .update(technologyListVersions)
    .set({ validTo, updatedAt: new Date() })
    .where(and(eq(technologyListVersions.id, id), isNull(technologyListVersions.validTo)))
    .returning();
  return row;
}

export interface ItemFilter {
  at?: string | undefined;
  versionId?: string | undefined;
  listType?: ListType | undefined;
  direction?: Exclude<ListDirection, 'all'> | undefined;
  /** exact VSIC codes and code prefixes (division → its groups and classes) that match the sector filter */
  sectorCodes?: { exact: string[]; prefixes: string[] } | undefined;
  words?: string[] | undefined;
  sort: 'list' | 'name' | 'sector' | 'itemNo';
  order: 'asc' | 'desc';
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

function itemWhere(filter: ItemFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.versionId) where.push(eq(technologyListItems.versionId, filter.versionId));
  else if (filter.at) where.push(versionInForceOn(filter.at));
  if (filter.listType) where.push(eq(technologyListItems.listType, filter.listType));
  if (filter.direction) where.push(inArray(technologyListItems.direction, [filter.direction, 'all']));
  if (filter.sectorCodes) {
    const { exact, prefixes } = filter.sectorCodes;
    const parts: SQL[] = [];
    if (exact.length > 0) parts.push(inArray(technologyListItems.vsicCode, exact));
    for (const prefix of prefixes) parts.push(sql`${technologyListItems.vsicCode} LIKE ${`${escapeLike(prefix)}%`}`);
    where.push(parts.length > 0 ? or(...parts) : sql`false`);
  }
  for (const word of filter.words ?? []) {
    const like = `%${escapeLike(word)}%`;
    where.push(sql`(technology_list_items.search_text LIKE lower(f_unaccent(${like}))
      OR EXISTS (SELECT 1 FROM unnest(technology_list_items.keywords_vi || technology_list_items.keywords_en) AS k(word)
                 WHERE lower(f_unaccent(k.word)) LIKE lower(f_unaccent(${like}))))`);
  }
  return and(...where);
}

function itemOrder(filter: ItemFilter): SQL[] {
  const dir = filter.order === 'desc' ? sql`DESC` : sql`ASC`;
  const listRank = sql`CASE ${technologyListItems.listType} WHEN 'prohibited' THEN 1 WHEN 'restricted' THEN 2 ELSE 3 END`;
  const tail = [sql`${technologyListItems.sortOrder} ASC NULLS LAST`, sql`${technologyListItems.id} ASC`];
  switch (filter.sort) {
    case 'name':
      return [sql`lower(f_unaccent(${technologyListItems.nameVi})) ${dir}`, ...tail];
    case 'sector':
      return [sql`${technologyListItems.vsicCode} ${dir} NULLS LAST`, ...tail];
    case 'itemNo':
      return [sql`${technologyListItems.appendix} ${dir} NULLS LAST`, sql`length(${technologyListItems.itemNo}) ${dir} NULLS LAST`, sql`${technologyListItems.itemNo} ${dir}`, ...tail];
    default:
      return [sql`${technologyListVersions.validFrom} DESC`, sql`${listRank} ${dir}`, sql`${technologyListItems.appendix} ${dir} NULLS LAST`, ...tail];
  }
}

const itemColumns = {
  item: technologyListItems,
  versionCode: technologyListVersions.code,
  sourceInstrument: technologyListVersions.sourceInstrument,
  sourceInstrumentEn: technologyListVersions.sourceInstrumentEn,
  versionComplete: technologyListVersions.isComplete,
};

/** Items matching the filter, one page, with the total. */
export async function searchItems(db: Tx, filter: ItemFilter, page: { limit: number; offset: number }) {
  const where = itemWhere(filter);
  const join = eq(technologyListVersions.id, technologyListItems.versionId);
  const [rows, [total]] = await Promise.all([
    db
      .select(itemColumns)
      .from(technologyListItems)
      .innerJoin(technologyListVersions, join)
      .where(where)
      .orderBy(...itemOrder(filter))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(technologyListItems).innerJoin(technologyListVersions, join).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function insertImport(db: Tx, values: Omit<typeof technologyListImports.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await db.insert(technologyListImports).values(values).returning();
  return row!;
}

export async function listImports(db: Tx, limit: number) {
  return db
    .select({
      entry: technologyListImports,
      versionCode: technologyListVersions.code,
    })
    .from(technologyListImports)
    .innerJoin(technologyListVersions, eq(technologyListVersions.id, technologyListImports.versionId))
    .orderBy(desc(technologyListImports.createdAt))
    .limit(limit);
}

/** Serialises list writes (imports and closings) for the rest of the transaction. */
export async function lock(db: Tx, key: number): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${key})`);
}
