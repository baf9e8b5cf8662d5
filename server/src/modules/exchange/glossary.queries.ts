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
