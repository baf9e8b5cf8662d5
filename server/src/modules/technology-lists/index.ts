import type { Tx } from '../../core/db/database.js';
import type { ListDirection, ListType } from '../../../../common/src/api/technology-lists.js';
import { selectItemsInForce, selectStamp } from './technology-lists.queries.js';

export interface ListItemInForce {
  id: string;
  versionCode: string;
  sourceInstrument: string;
  sourceInstrumentEn: string;
  listType: ListType;
  appendix: string | null;
  itemNo: string | null;
  vsicCode: string | null;
  direction: ListDirection;
  nameVi: string;
  nameEn: string;
  conditionVi: string | null;
  conditionEn: string | null;
  keywordsVi: string[];
  keywordsEn: string[];
  verified: boolean;
  sourceUrl: string | null;
}

/** Every item of every national list version in force on `onDate` (YYYY-MM-DD, valid_to inclusive). */
export async function listItemsInForce(db: Tx, onDate: string): Promise<ListItemInForce[]> {
  return selectItemsInForce(db, onDate);
}

/** Cheap value that changes whenever list data changes (for cache invalidation; combine it with the date). */
export async function listsVersionStamp(db: Tx): Promise<string> {
  return selectStamp(db);
}

export { seedTechnologyLists } from './technology-lists.seed.js';
