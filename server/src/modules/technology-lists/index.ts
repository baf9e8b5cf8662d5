import type { Tx } from '../../core/db/database.js';
import type { ListItemFields } from '../../../../common/src/api/technology-lists.js';
import { listVersions, selectItemsInForce, selectStamp } from './technology-lists.queries.js';
import { addDays } from '../../../../common/src/dates.js';

export interface ListItemInForce extends Omit<ListItemFields, 'section'> {
  id: string;
  versionCode: string;
  sourceInstrument: string;
  sourceInstrumentEn: string;
}

/** Every item of every national list version in force on `onDate` (YYYY-MM-DD, valid_to inclusive). */
export async function listItemsInForce(db: Tx, onDate: string): Promise<ListItemInForce[]> {
  return selectItemsInForce(db, onDate);
}

/**
 * Items of the versions that ended before `onDate` (predecessor instruments, e.g. Decree 120/2014 before Decree 76/2018),
 * with their version's validity; the classifier shows them as "from a predecessor list" while the current lists are
 * incomplete. Added by the classification module.
 */
export async function listPredecessorItems(db: Tx, onDate: string): Promise<(ListItemInForce & { validFrom: string; validTo: string })[]> {
  const ended = (await listVersions(db)).filter((v) => v.validTo !== null && v.validTo < onDate);
  const out: (ListItemInForce & { validFrom: string; validTo: string })[] = [];
  for (const version of ended) {
    const items = await selectItemsInForce(db, version.validTo!);
    out.push(...items.filter((i) => i.versionCode === version.code).map((i) => ({ ...i, validFrom: version.validFrom, validTo: version.validTo! })));
  }
  return out;
}

/** The days (YYYY-MM-DD) on which the lists in force change: each version's first day and the day after its last. */
export async function listChangeDays(db: Tx): Promise<string[]> {
  return (await listVersions(db)).flatMap((v) => (v.validTo ? [v.validFrom, addDays(v.validTo, 1)] : [v.validFrom]));
}

/** Cheap value that changes whenever list data changes (for cache invalidation; combine it with the date). */
export async function listsVersionStamp(db: Tx): Promise<string> {
  return selectStamp(db);
}

export { seedTechnologyLists } from './technology-lists.seed.js';
export { technologyListsRoutes } from './technology-lists.routes.js';
