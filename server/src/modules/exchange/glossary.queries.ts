import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';

export interface ActiveGlossaryTermRow {
  id: string;
  termVi: string;
  termEn: string;
}

/** A fingerprint that changes whenever a term is added, edited, activated or deactivated. */
export async function glossaryFingerprint(db: Tx): Promise<string> {
  const [row] = await rowsOf<{ n: number | string; latest: string | Date | null }>(
    db,
    sql`SELECT count(*) AS n, max(updated_at) AS latest FROM glossary_terms`,
  );
  const latest = row?.latest instanceof Date ? row.latest.toISOString() : String(row?.latest ?? '');
  return `${String(row?.n ?? 0)}|${latest}`;
}

/** Every active term, for the in-process phrase index. */
export async function listActiveTerms(db: Tx): Promise<ActiveGlossaryTermRow[]> {
  return rowsOf<ActiveGlossaryTermRow>(
    db,
    sql`SELECT id, term_vi AS "termVi", term_en AS "termEn" FROM glossary_terms WHERE is_active ORDER BY norm_vi, norm_en`,
  );
}

/** Inserts seed pairs, skipping any pair already present (by folded vi and en); returns how many were added. */
export async function insertSeedTerms(db: Tx, rows: { termVi: string; termEn: string; sectorCode: string | null }[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const values = sql.join(
      chunk.map((r) => sql`(${r.termVi}, ${r.termEn}, ${r.sectorCode}, 'seed')`),
      sql`, `,
    );
    const inserted = await rowsOf<{ id: string }>(
      db,
      sql`INSERT INTO glossary_terms (term_vi, term_en, sector_code, source) VALUES ${values} ON CONFLICT (norm_vi, norm_en) DO NOTHING RETURNING id`,
    );
    added += inserted.length;
  }
  return added;
}

export interface GlossaryTermRow {
  id: string;
  termVi: string;
  termEn: string;
  sectorCode: string | null;
  source: 'seed' | 'admin';
  isActive: boolean;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface GlossaryFilter {
  q?: string | undefined;
  sector?: string | undefined;
  source?: 'seed' | 'admin' | undefined;
  status: 'active' | 'inactive' | 'all';
}

const SORT_COLUMNS = {
  termVi: sql`norm_vi`,
  termEn: sql`norm_en`,
  sector: sql`sector_code`,
  updatedAt: sql`updated_at`,
} as const;

const COLUMNS = sql`id, term_vi AS "termVi", term_en AS "termEn", sector_code AS "sectorCode", source, is_active AS "isActive", created_at AS "createdAt", updated_at AS "updatedAt"`;

function whereOf(filter: GlossaryFilter) {
  const parts = [sql`true`];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(norm_vi LIKE lower(f_unaccent(${like})) OR norm_en LIKE lower(f_unaccent(${like})))`);
  }
  if (filter.sector) parts.push(sql`(sector_code = ${filter.sector} OR sector_code LIKE ${`${filter.sector}.%`})`);
  if (filter.source) parts.push(sql`source = ${filter.source}`);
  if (filter.status !== 'all') parts.push(sql`is_active = ${filter.status === 'active'}`);
  return sql.join(parts, sql` AND `);
}

/** One page of terms (filters, sort) and the total. */
export async function listTerms(
  db: Tx,
  filter: GlossaryFilter,
  sort: keyof typeof SORT_COLUMNS,
  order: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: GlossaryTermRow[]; total: number }> {
  const where = whereOf(filter);
  const direction = order === 'asc' ? sql`ASC` : sql`DESC`;
  const rows = await rowsOf<GlossaryTermRow>(
    db,
    sql`SELECT ${COLUMNS} FROM glossary_terms WHERE ${where} ORDER BY ${SORT_COLUMNS[sort]} ${direction} NULLS LAST, norm_vi, id LIMIT ${limit} OFFSET ${offset}`,
  );
  const [count] = await rowsOf<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM glossary_terms WHERE ${where}`);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findTerm(db: Tx, id: string): Promise<GlossaryTermRow | undefined> {
  const [row] = await rowsOf<GlossaryTermRow>(db, sql`SELECT ${COLUMNS} FROM glossary_terms WHERE id = ${id}`);
  return row;
}

/** The term (other than `exceptId`) with the same pair once folded, if any. */
export async function findSamePair(db: Tx, termVi: string, termEn: string, exceptId: string | null): Promise<{ id: string } | undefined> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`SELECT id FROM glossary_terms WHERE norm_vi = lower(f_unaccent(${termVi})) AND norm_en = lower(f_unaccent(${termEn}))
        AND (${exceptId}::uuid IS NULL OR id <> ${exceptId}::uuid)`,
  );
  return row;
}

export async function insertTerm(db: Tx, values: { termVi: string; termEn: string; sectorCode: string | null; createdBy: string | null }): Promise<GlossaryTermRow> {
  const [row] = await rowsOf<GlossaryTermRow>(
    db,
    sql`INSERT INTO glossary_terms (term_vi, term_en, sector_code, source, created_by)
        VALUES (${values.termVi}, ${values.termEn}, ${values.sectorCode}, 'admin', ${values.createdBy})
        ON CONFLICT (norm_vi, norm_en) DO NOTHING RETURNING ${COLUMNS}`,
  );
  return row!;
}

export async function updateTerm(
  db: Tx,
  id: string,
  values: { termVi: string; termEn: string; sectorCode: string | null; isActive: boolean },
): Promise<GlossaryTermRow | undefined> {
  const [row] = await rowsOf<GlossaryTermRow>(
    db,
    sql`UPDATE glossary_terms SET term_vi = ${values.termVi}, term_en = ${values.termEn}, sector_code = ${values.sectorCode},
        is_active = ${values.isActive}, updated_at = clock_timestamp() WHERE id = ${id} RETURNING ${COLUMNS}`,
  );
  return row;
}
