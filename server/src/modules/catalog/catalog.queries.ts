import { and, asc, count, desc, eq, gt, inArray, isNull, lte, max, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { storedFiles } from '../../core/files/files.tables.js';
import { catalogItemListLinks, catalogItems, catalogSectors, catalogVersionEvents, catalogVersions } from './catalog.tables.js';

// ---- Versions -------------------------------------------------------------------------------------------------

/** The approved version in force on a date (Vietnam calendar date, YYYY-MM-DD; effective_to is exclusive). */
/** effective_from / effective_to (exclusive) of every approved version: the days on which the catalog in force changes. */
export async function listApprovedVersionDates(db: Tx) {
  return db
    .select({ effectiveFrom: catalogVersions.effectiveFrom, effectiveTo: catalogVersions.effectiveTo })
    .from(catalogVersions)
    .where(eq(catalogVersions.status, 'approved'));
}

export async function findVersionOn(db: Tx, day: string) {
  const [row] = await db
    .select()
    .from(catalogVersions)
    .where(
      and(
        eq(catalogVersions.status, 'approved'),
        lte(catalogVersions.effectiveFrom, day),
        or(isNull(catalogVersions.effectiveTo), gt(catalogVersions.effectiveTo, day)),
      ),
    )
    .orderBy(desc(catalogVersions.effectiveFrom))
    .limit(1);
  return row ? { ...row, effectiveFrom: row.effectiveFrom! } : undefined;
}

export type VersionRow = typeof catalogVersions.$inferSelect;

export async function findVersion(db: Tx, id: string) {
  const [row] = await db.select().from(catalogVersions).where(eq(catalogVersions.id, id));
  return row;
}

/** Locks the version row until the end of the transaction: writers of one draft go one after the other. */
export async function lockVersion(db: Tx, id: string) {
  const [row] = await db.select().from(catalogVersions).where(eq(catalogVersions.id, id)).for('update');
  return row;
}

const itemCount = sql<number>`(SELECT count(*)::int FROM catalog_items i WHERE i.version_id = ${catalogVersions.id})`;

/** Versions with their item count and signed decision (name, size, hash), newest first. */
export async function listVersions(db: Tx, options: { approvedOnly: boolean; ids?: string[] }) {
  const where = [];
  if (options.approvedOnly) where.push(eq(catalogVersions.status, 'approved'));
  if (options.ids) where.push(inArray(catalogVersions.id, options.ids.length ? options.ids : ['00000000-0000-0000-0000-000000000000']));
  return db
    .select({
      version: catalogVersions,
      itemCount,
      fileName: storedFiles.originalName,
      fileSize: storedFiles.sizeBytes,
      fileSha256: storedFiles.sha256,
    })
    .from(catalogVersions)
    .leftJoin(storedFiles, eq(storedFiles.id, catalogVersions.decisionFileId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`${catalogVersions.effectiveFrom} DESC NULLS FIRST`, desc(catalogVersions.createdAt));
}

/** The approved version with the latest start day (in force now, or approved for a later day). */
export async function findLatestApproved(db: Tx) {
  const [row] = await db.select().from(catalogVersions).where(eq(catalogVersions.status, 'approved')).orderBy(desc(catalogVersions.effectiveFrom)).limit(1);
  return row;
}

/** The version in preparation (draft or submitted), if any; there is at most one. */
const CATALOG_DRAFT_LOCK = 872_0005;
/** Serialises the opening of drafts until the end of the transaction (one version in preparation at a time). */
export async function lockDraftCreation(db: Tx) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${CATALOG_DRAFT_LOCK})`);
}

export async function findOpenVersion(db: Tx) {
  const [row] = await db.select().from(catalogVersions).where(inArray(catalogVersions.status, ['draft', 'submitted']));
  return row;
}

export async function findVersionByLabel(db: Tx, label: string) {
  const [row] = await db.select().from(catalogVersions).where(eq(catalogVersions.label, label));
  return row;
}

export async function countVersions(db: Tx) {
  const [row] = await db.select({ n: count() }).from(catalogVersions);
  return Number(row?.n ?? 0);
}

export async function insertVersion(db: Tx, values: typeof catalogVersions.$inferInsert) {
  const [row] = await db.insert(catalogVersions).values(values).returning();
  return row!;
}

/** Sets fields of a version and bumps its revision (every change of a version is a new revision). */
export async function updateVersion(db: Tx, id: string, values: Partial<typeof catalogVersions.$inferInsert>) {
  const [row] = await db
    .update(catalogVersions)
    .set({ ...values, revision: sql`${catalogVersions.revision} + 1`, updatedAt: new Date() })
    .where(eq(catalogVersions.id, id))
    .returning();
  return row!;
}

/** Ends the open-ended approved version (other than `exceptId`) on `effectiveTo` (exclusive). */
export async function closeOpenEndedVersion(db: Tx, exceptId: string, effectiveTo: string) {
  return db
    .update(catalogVersions)
    .set({ effectiveTo, updatedAt: new Date() })
    .where(and(eq(catalogVersions.status, 'approved'), isNull(catalogVersions.effectiveTo), ne(catalogVersions.id, exceptId)))
    .returning({ id: catalogVersions.id, label: catalogVersions.label });
}

/** Copies the sectors, directions and national-list links of one version into another (a new draft). */
export async function copyVersionContent(db: Tx, fromId: string, toId: string) {
  await db.execute(sql`
    INSERT INTO catalog_sectors (version_id, code, name_vi, name_en, description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order)
    SELECT ${toId}, code, name_vi, name_en, description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order
    FROM catalog_sectors WHERE version_id = ${fromId}`);
  await db.execute(sql`
    INSERT INTO catalog_items (version_id, code, sector_code, name_vi, name_en, plan_text_vi, description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order)
    SELECT ${toId}, code, sector_code, name_vi, name_en, plan_text_vi, description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order
    FROM catalog_items WHERE version_id = ${fromId}`);
  await db.execute(sql`
    INSERT INTO catalog_item_list_links (version_id, item_code, list_item_id, sort_order)
    SELECT ${toId}, item_code, list_item_id, sort_order FROM catalog_item_list_links WHERE version_id = ${fromId}`);
}

// ---- Sectors and directions -----------------------------------------------------------------------------------

export async function listSectors(db: Tx, versionId: string) {
  const counts = db
    .select({ sectorCode: catalogItems.sectorCode, n: count().as('n') })
    .from(catalogItems)
    .where(eq(catalogItems.versionId, versionId))
    .groupBy(catalogItems.sectorCode)
    .as('counts');
  return db
    .select({
      code: catalogSectors.code,
      nameVi: catalogSectors.nameVi,
      nameEn: catalogSectors.nameEn,
      descriptionVi: catalogSectors.descriptionVi,
      descriptionEn: catalogSectors.descriptionEn,
      itemCount: counts.n,
    })
    .from(catalogSectors)
    .leftJoin(counts, eq(counts.sectorCode, catalogSectors.code))
    .where(eq(catalogSectors.versionId, versionId))
    .orderBy(asc(catalogSectors.sortOrder));
}

export async function findSector(db: Tx, versionId: string, code: string) {
  const [row] = await db.select().from(catalogSectors).where(and(eq(catalogSectors.versionId, versionId), eq(catalogSectors.code, code)));
  return row;
}

export type ItemRow = typeof catalogItems.$inferSelect;

export async function listItems(db: Tx, versionId: string, sectorCode: string) {
  return db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.sectorCode, sectorCode)))
    .orderBy(asc(catalogItems.sortOrder));
}

/** Every item of a version in sector and plan order (read by other modules through index.ts, e.g. the classifier). */
export async function listVersionItems(db: Tx, versionId: string) {
  return db.select().from(catalogItems).where(eq(catalogItems.versionId, versionId)).orderBy(asc(catalogItems.sectorCode), asc(catalogItems.sortOrder));
}

export async function findItem(db: Tx, versionId: string, code: string) {
  const [row] = await db.select().from(catalogItems).where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.code, code)));
  return row;
}

/** Every direction code of a sector that any version (approved or not) has ever had: these are never given again. */
export async function listUsedCodes(db: Tx, sectorCode: string): Promise<string[]> {
  const rows = await db.selectDistinct({ code: catalogItems.code }).from(catalogItems).where(eq(catalogItems.sectorCode, sectorCode));
  return rows.map((r) => r.code);
}

export async function nextSortOrder(db: Tx, versionId: string, sectorCode: string): Promise<number> {
  const [row] = await db
    .select({ value: max(catalogItems.sortOrder) })
    .from(catalogItems)
    .where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.sectorCode, sectorCode)));
  return (row?.value ?? -1) + 1;
}

export async function insertSectors(db: Tx, values: (typeof catalogSectors.$inferInsert)[]) {
  if (values.length) await db.insert(catalogSectors).values(values);
}

export async function insertItems(db: Tx, values: (typeof catalogItems.$inferInsert)[]) {
  if (values.length) await db.insert(catalogItems).values(values);
}

export async function updateItem(db: Tx, versionId: string, code: string, values: Partial<typeof catalogItems.$inferInsert>) {
  if (Object.keys(values).length === 0) return;
  await db
    .update(catalogItems)
    .set(values)
    .where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.code, code)));
}

/** Removes a direction from a version (its links go with it). */
export async function deleteItem(db: Tx, versionId: string, code: string) {
  await db.delete(catalogItems).where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.code, code)));
}

// ---- Links to national-list items -----------------------------------------------------------------------------

/** The national-list items each direction of a version links to (optionally only some directions). */
export async function listLinks(db: Tx, versionId: string, itemCodes?: string[]) {
  const where = [eq(catalogItemListLinks.versionId, versionId)];
  if (itemCodes) where.push(inArray(catalogItemListLinks.itemCode, itemCodes.length ? itemCodes : ['']));
  return db
    .select({ itemCode: catalogItemListLinks.itemCode, listItemId: catalogItemListLinks.listItemId })
    .from(catalogItemListLinks)
    .where(and(...where))
    .orderBy(asc(catalogItemListLinks.itemCode), asc(catalogItemListLinks.sortOrder));
}

export async function replaceLinks(db: Tx, versionId: string, itemCode: string, listItemIds: readonly string[]) {
  await db.delete(catalogItemListLinks).where(and(eq(catalogItemListLinks.versionId, versionId), eq(catalogItemListLinks.itemCode, itemCode)));
  const unique = [...new Set(listItemIds)];
  if (unique.length) await db.insert(catalogItemListLinks).values(unique.map((listItemId, i) => ({ versionId, itemCode, listItemId, sortOrder: i })));
}

// ---- Version events -------------------------------------------------------------------------------------------

export async function insertEvent(db: Tx, values: typeof catalogVersionEvents.$inferInsert) {
  await db.insert(catalogVersionEvents).values(values);
}

export async function listEvents(db: Tx, versionId: string) {
  return db.select().from(catalogVersionEvents).where(eq(catalogVersionEvents.versionId, versionId)).orderBy(asc(catalogVersionEvents.id));
}
