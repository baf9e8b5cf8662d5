import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';
import { technologyListItems, technologyListVersions } from './technology-lists.tables.js';

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

export type VersionRow = typeof technologyListVersions.$inferSelect;
export type NewVersion = Omit<typeof technologyListVersions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type NewItem = Omit<typeof technologyListItems.$inferInsert, 'id'>;

export async function findVersionByCode(db: Tx, code: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(technologyListVersions).where(eq(technologyListVersions.code, code));
  return row;
}

export async function insertVersion(db: Tx, values: NewVersion): Promise<VersionRow> {
  const [row] = await db.insert(technologyListVersions).values(values).returning();
  return row!;
}

/** Inserts items in chunks (a few thousand rows stay under the bind-parameter limit). */
export async function insertItems(db: Tx, rows: NewItem[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(technologyListItems).values(rows.slice(i, i + 500));
}
