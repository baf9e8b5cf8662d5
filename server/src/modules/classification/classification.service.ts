import { LRUCache } from 'lru-cache';
import type { ClassificationResult } from '../../../../common/src/api/classification.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import type { Database, Tx } from '../../core/db/database.js';
import { catalogChangeDays, listCurrentItems, vietnamToday } from '../catalog/index.js';
import { listChangeDays, listItemsInForce, listPredecessorItems, type ListItemInForce } from '../technology-lists/index.js';
import { vsicNames } from '../vsic/index.js';
import { buildIndex, TUNING, type ClassifierIndex, type Corpus } from './classification.index.js';
import { scoreText } from './classification.score.js';
import { foldText } from './classification.text.js';

/** A national-list item as the classifier sees it: in force on the day, or from a predecessor list. */
export type ListDoc = ListItemInForce & { inForce: boolean; validTo: string | null };

interface LoadedIndex {
  index: ClassifierIndex<ListDoc>;
  catalogVersion: ClassificationResult['catalogVersion'];
}

/** Reads the corpus for a day: the catalog version in force, the national lists in force and their predecessors. */
export async function loadCorpus(db: Tx, at: string): Promise<{ corpus: Corpus<ListDoc>; catalogVersion: LoadedIndex['catalogVersion'] }> {
  const catalog = await listCurrentItems(db, at);
  const inForce = await listItemsInForce(db, at);
  // While the current lists are incomplete, predecessor items are the best evidence of what is restricted or
  // prohibited; an item whose name is also in a current list appears once, as the current one.
  const currentNames = new Set(inForce.map((item) => `${item.listType}:${foldText(item.nameVi)}`));
  const predecessors = (await listPredecessorItems(db, at)).filter((item) => !currentNames.has(`${item.listType}:${foldText(item.nameVi)}`));
  const divisions = Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0'));
  const vsic = await vsicNames(db, divisions);
  const sectorNames = new Map((catalog?.sectors ?? []).map((s) => [s.code, s]));
  return {
    catalogVersion: catalog ? { label: catalog.version.label, sourceInstrument: catalog.version.sourceInstrument, sourceInstrumentEn: catalog.version.sourceInstrumentEn } : null,
    corpus: {
      catalog: (catalog?.items ?? []).map((item) => ({
        ...item,
        sectorNameVi: sectorNames.get(item.sectorCode)?.nameVi ?? '',
        sectorNameEn: sectorNames.get(item.sectorCode)?.nameEn ?? '',
      })),
      lists: [
        ...inForce.map((item) => ({ ...item, inForce: true, validTo: null })),
        ...predecessors.map(({ validFrom: _validFrom, ...item }) => ({ ...item, inForce: false })),
      ],
      vsicSections: new Map([...vsic.values()].filter((v) => v.parentCode).map((v) => [v.code, v.parentCode!])),
    },
  };
}

/**
 * The corpus only changes on the days a catalog or list version starts or ends, so every day between two such days
 * shares one index: the index is keyed by the latest change day on or before `at` (an "era"), and asking for many
 * different dates costs a lookup, not a rebuild. Eras and indexes are kept for CATALOG_CACHE_SECONDS (default 60 s;
 * 0 = rebuilt on every call), the same as the public catalog answers, so a data change shows in the check page within
 * the same minute as in the catalog pages, at no cost per classification.
 */
interface ClassificationCache {
  changeDays: LRUCache<'days', Promise<string[]>>;
  indexes: LRUCache<string, Promise<LoadedIndex>>;
}
const caches = new WeakMap<Database, ClassificationCache>();

/** The era of `at`: the latest change day on or before it ('' before the first). Days are YYYY-MM-DD, compared as text. */
export function eraOf(changeDays: readonly string[], at: string): string {
  return changeDays.reduce((era, day) => (day <= at && day > era ? day : era), '');
}

function remember<K extends string, V extends object>(cache: LRUCache<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  let entry = cache.get(key);
  if (!entry) {
    entry = load();
    cache.set(key, entry);
    entry.catch(() => cache.delete(key)); // a failed load is retried by the next call
  }
  return entry;
}

async function indexFor(ctx: Ctx, at: string): Promise<LoadedIndex> {
  const build = async () => {
    const { corpus, catalogVersion } = await loadCorpus(ctx.db, at);
    return { index: buildIndex(corpus), catalogVersion };
  };
  const ttl = ctx.config.CATALOG_CACHE_SECONDS * 1000;
  if (ttl === 0) return build();
  let cache = caches.get(ctx.database);
  if (!cache) {
    cache = { changeDays: new LRUCache({ max: 1, ttl }), indexes: new LRUCache({ max: 32, ttl }) };
    caches.set(ctx.database, cache);
  }
  const days = await remember(cache.changeDays, 'days', async () => [...(await catalogChangeDays(ctx.db)), ...(await listChangeDays(ctx.db))]);
  return remember(cache.indexes, eraOf(days, at), build);
}

export interface ClassifyInput {
  text: string;
  /** Priority-catalog item ("1.3.2") or sector ("1.3") codes chosen by the author; they boost those items. */
  catalogCodes?: readonly string[];
  /** VSIC sections or divisions of the activity; they boost the catalog items linked to them. */
  vsicCodes?: readonly string[];
  /** Day whose catalog and lists apply (YYYY-MM-DD); default today in Vietnam. */
  at?: string;
  /** Most items returned per ranking (default 5). */
  limit?: number;
}

/** Longest text the service reads (callers such as contracts may pass long descriptions; the API allows 5,000). */
const SERVICE_TEXT_MAX = 20_000;

/**
 * Likely priority-catalog items (plan II.1) and national-list items (Law 07/2017 Art. 9–11; Decree 76/2018 App. I–III
 * and predecessors) for a description, each ranked with a score and the words that matched, and a warning when the best
 * restricted or prohibited match reaches the resemblance threshold. Advice only: an officer decides.
 * Permission: catalog.read (public). Reads only reference data and changes nothing, so it writes no audit record.
 */
export async function classify(ctx: Ctx, input: ClassifyInput): Promise<ClassificationResult> {
  assertCan(ctx.actor, 'catalog.read');
  const at = input.at ?? vietnamToday();
  const { index, catalogVersion } = await indexFor(ctx, at);
  const scored = scoreText(index, {
    text: input.text.slice(0, SERVICE_TEXT_MAX),
    catalogCodes: input.catalogCodes ?? [],
    vsicCodes: input.vsicCodes ?? [],
    limit: input.limit ?? 5,
  });
  const listItems = scored.lists.map(({ entry, score, matched }) => ({
    id: entry.id,
    listType: entry.listType,
    direction: entry.direction,
    appendix: entry.appendix,
    itemNo: entry.itemNo,
    vsicCode: entry.vsicCode,
    nameVi: entry.nameVi,
    nameEn: entry.nameEn,
    conditionVi: entry.conditionVi,
    conditionEn: entry.conditionEn,
    sourceInstrument: entry.sourceInstrument,
    sourceInstrumentEn: entry.sourceInstrumentEn,
    citationVi: citation('vi', entry.sourceInstrument, entry),
    citationEn: citation('en', entry.sourceInstrumentEn, entry),
    verified: entry.verified,
    sourceUrl: entry.sourceUrl,
    inForce: entry.inForce,
    validTo: entry.validTo,
    score,
    matchedTerms: matched,
  }));
  const flagged = listItems
    .filter((item) => item.listType !== 'encouraged' && item.score >= TUNING.resemblanceThreshold)
    .sort((a, b) => b.score - a.score || Number(b.inForce) - Number(a.inForce))[0];
  return {
    at,
    mode: scored.mode,
    catalogVersion,
    sectors: scored.sectors,
    catalogItems: scored.catalog.map(({ entry, score, matched, chosen }) => ({
      code: entry.code,
      sectorCode: entry.sectorCode,
      nameVi: entry.nameVi,
      nameEn: entry.nameEn,
      score,
      matchedTerms: matched,
      chosen,
    })),
    listItems,
    warning: flagged ? { listType: flagged.listType as 'restricted' | 'prohibited', itemId: flagged.id, score: flagged.score, inForce: flagged.inForce } : null,
    advisory: true,
    note: translate(ctx.locale, 'classification.advisoryNote'),
  };
}

/** "Nghị định 76/2018/NĐ-CP, Phụ lục II, mục 3" / "Decree 76/2018/ND-CP, Appendix II, item 3". */
function citation(locale: Locale, instrument: string, item: { appendix: string | null; itemNo: string | null }): string {
  const form = item.appendix ? (item.itemNo ? 'appendixItem' : 'appendix') : item.itemNo ? 'item' : 'instrument';
  return translate(locale, `classification.citation.${form}`, { instrument, appendix: item.appendix, item: item.itemNo });
}
