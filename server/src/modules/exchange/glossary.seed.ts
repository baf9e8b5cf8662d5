import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Tx } from '../../core/db/database.js';
import { insertSeedTerms } from './glossary.queries.js';
import { invalidateGlossaryCache } from './glossary.service.js';

export const GLOSSARY_SEED = path.resolve(import.meta.dirname, '../../../seeds/reference/technology-glossary.csv');

/**
 * Loads the bilingual technology glossary (term_vi, term_en, sector_code). Idempotent: a pair already present (same
 * folded vi and en) is left as it is, so an administrator's deactivation or edit of a seeded term survives a restart.
 */
export async function seedGlossary(db: Tx): Promise<number> {
  const rows = parse(await readFile(GLOSSARY_SEED, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const added = await insertSeedTerms(
    db,
    rows.map((r) => ({ termVi: r.term_vi!, termEn: r.term_en!, sectorCode: r.sector_code || null })),
  );
  if (added > 0) invalidateGlossaryCache();
  return added;
}
