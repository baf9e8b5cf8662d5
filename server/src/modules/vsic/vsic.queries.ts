import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { vsicCodes, vsicVersions } from './vsic.tables.js';

export type VsicVersionRow = typeof vsicVersions.$inferSelect;
export type VsicCodeRow = typeof vsicCodes.$inferSelect;

export async function listVersions(db: Tx) {
  const counts = db.select({ versionId: vsicCodes.versionId, n: count().as('n') }).from(vsicCodes).groupBy(vsicCodes.versionId).as('counts');
  return db
    .select({ version: vsicVersions, codeCount: counts.n })
    .from(vsicVersions)
    .leftJoin(counts, eq(counts.versionId, vsicVersions.id))
    .orderBy(asc(vsicVersions.validFrom));
}

export async function findVersionByCode(db: Tx, code: string): Promise<VsicVersionRow | undefined> {
  const [row] = await db.select().from(vsicVersions).where(eq(vsicVersions.code, code));
  return row;
}

export async function insertVersion(db: Tx, values: Omit<typeof vsicVersions.$inferInsert, 'id' | 'createdAt'>): Promise<VsicVersionRow> {
  const [row] = await db.insert(vsicVersions).values(values).returning();
  return row!;
}

export async function insertCodes(db: Tx, rows: (typeof vsicCodes.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(vsicCodes).values(rows.slice(i, i + 500));
}

/** Codes of a version whose code or name (either language, accents ignored) contains `q`; all codes without `q`. */
export async function searchCodes(db: Tx, versionId: string, q: string | undefined): Promise<VsicCodeRow[]> {
  const where = [eq(vsicCodes.versionId, versionId)];
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`search_text LIKE lower(f_unaccent(${like}))`);
  }
  return db.select().from(vsicCodes).where(and(...where)).orderBy(asc(vsicCodes.sortOrder));
}

export async function findCodes(db: Tx, versionId: string, codes: string[]): Promise<VsicCodeRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(vsicCodes).where(and(eq(vsicCodes.versionId, versionId), inArray(vsicCodes.code, codes))).orderBy(asc(vsicCodes.sortOrder));
}

export async function listChildren(db: Tx, versionId: string, parentCode: string): Promise<VsicCodeRow[]> {
  return db.select().from(vsicCodes).where(and(eq(vsicCodes.versionId, versionId), eq(vsicCodes.parentCode, parentCode))).orderBy(asc(vsicCodes.sortOrder));
}
