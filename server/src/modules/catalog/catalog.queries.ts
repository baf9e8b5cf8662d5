import { and, asc, count, eq, isNull, lte, or, gt, desc } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { catalogItems, catalogSectors, catalogVersions } from './catalog.tables.js';

/** The version in force on a date (Vietnam calendar date, YYYY-MM-DD). */
export async function findVersionOn(db: Tx, day: string) {
  const [row] = await db
    .select()
    .from(catalogVersions)
    .where(and(lte(catalogVersions.effectiveFrom, day), or(isNull(catalogVersions.effectiveTo), gt(catalogVersions.effectiveTo, day))))
    .orderBy(desc(catalogVersions.effectiveFrom))
    .limit(1);
  return row;
}

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

export async function listItems(db: Tx, versionId: string, sectorCode: string) {
  return db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.sectorCode, sectorCode)))
    .orderBy(asc(catalogItems.sortOrder));
}

export async function findItem(db: Tx, versionId: string, code: string) {
  const [row] = await db.select().from(catalogItems).where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.code, code)));
  return row;
}

export async function findVersionByLabel(db: Tx, label: string) {
  const [row] = await db.select().from(catalogVersions).where(eq(catalogVersions.label, label));
  return row;
}

export async function insertVersion(db: Tx, values: typeof catalogVersions.$inferInsert) {
  const [row] = await db.insert(catalogVersions).values(values).returning();
  return row!;
}

export async function insertSectors(db: Tx, values: (typeof catalogSectors.$inferInsert)[]) {
  if (values.length) await db.insert(catalogSectors).values(values);
}

export async function insertItems(db: Tx, values: (typeof catalogItems.$inferInsert)[]) {
  if (values.length) await db.insert(catalogItems).values(values);
}

/** Every item of a version in sector and plan order (read by other modules through index.ts, e.g. the classifier). */
export async function listVersionItems(db: Tx, versionId: string) {
  return db
    .select()
    .from(catalogItems)
    .where(eq(catalogItems.versionId, versionId))
    .orderBy(asc(catalogItems.sectorCode), asc(catalogItems.sortOrder));
}
