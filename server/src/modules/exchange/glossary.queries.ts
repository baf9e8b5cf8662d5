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
