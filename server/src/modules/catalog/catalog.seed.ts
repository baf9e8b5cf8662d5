import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Tx } from '../../core/db/database.js';
import * as q from './catalog.queries.js';

export const CATALOG_SEED = path.resolve(import.meta.dirname, '../../../seeds/reference/priority-catalog.json');

interface SeedEntry {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  keywordsVi: string[];
  keywordsEn: string[];
  vsic: string[];
  planTextVi?: string;
}
interface CatalogSeed {
  source: { instrument: string; instrumentEn: string; section: string };
  sectors: (SeedEntry & { items: SeedEntry[] })[];
}

const LABEL = '872/QĐ-UBND (2019)';

/** Loads the plan's priority catalog (section II.1) as the first catalog version, once. */
export async function seedCatalog(db: Tx): Promise<boolean> {
  if (await q.findVersionByLabel(db, LABEL)) return false;
  const seed = JSON.parse(await readFile(CATALOG_SEED, 'utf8')) as CatalogSeed;
  const version = await q.insertVersion(db, {
    label: LABEL,
    sourceInstrument: seed.source.instrument,
    sourceInstrumentEn: seed.source.instrumentEn,
    sourceSection: seed.source.section,
    effectiveFrom: '2019-04-10',
    status: 'approved',
    decisionNumber: '872/QĐ-UBND',
    decisionDate: '2019-04-10',
  });
  const base = (e: SeedEntry, i: number) => ({
    versionId: version.id,
    code: e.code,
    nameVi: e.nameVi,
    nameEn: e.nameEn,
    descriptionVi: e.descriptionVi,
    descriptionEn: e.descriptionEn,
    keywordsVi: e.keywordsVi,
    keywordsEn: e.keywordsEn,
    vsic: e.vsic,
    sortOrder: i,
  });
  await q.insertSectors(db, seed.sectors.map(base));
  await q.insertItems(
    db,
    seed.sectors.flatMap((s) => s.items.map((item, i) => ({ ...base(item, i), sectorCode: s.code, planTextVi: item.planTextVi ?? null }))),
  );
  return true;
}
