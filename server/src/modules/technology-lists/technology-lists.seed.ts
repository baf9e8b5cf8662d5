import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Tx } from '../../core/db/database.js';
import type { ListItemFields, ListType } from '../../../../common/src/api/technology-lists.js';
import * as q from './technology-lists.queries.js';

export const TECHNOLOGY_LISTS_SEED = path.resolve(import.meta.dirname, '../../../seeds/reference/technology-lists.json');

type SeedItem = ListItemFields;
interface SeedVersion {
  code: string;
  sourceInstrument: string;
  sourceInstrumentEn: string;
  listTypes: ListType[];
  validFrom: string;
  validTo: string | null;
  isComplete: boolean;
  verified: boolean;
  noteVi: string;
  noteEn: string;
  sourceUrl: string;
  items: SeedItem[];
}

/** Loads the sourced national-list versions (Decree 76/2018 partial, predecessor examples) once per version code. */
export async function seedTechnologyLists(db: Tx): Promise<number> {
  const seed = JSON.parse(await readFile(TECHNOLOGY_LISTS_SEED, 'utf8')) as { versions: SeedVersion[] };
  let loaded = 0;
  for (const { items, ...version } of seed.versions) {
    if (await q.findVersionByCode(db, version.code)) continue;
    const row = await q.insertVersion(db, { ...version, createdBy: null });
    await q.insertItems(db, items.map((item, i) => ({ ...item, versionId: row.id, nameEnOfficial: false, sortOrder: i + 1 })));
    loaded += 1;
  }
  return loaded;
}
