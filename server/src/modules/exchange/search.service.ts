import {
  ExchangeSearchQuery,
  SEARCH_FACETS,
  SEARCH_MATCH_CAP,
  type ExchangeSearchInput,
  type ExchangeSearchResult,
  type SearchFacets,
  type SearchHit,
  type SuggestResult,
} from '../../../../common/src/api/exchange-search.js';
import type { ContentLanguage, ListingTeaser } from '../../../../common/src/api/exchange-listings.js';
import type { Ctx } from '../../core/context.js';
import { validationError } from '../../core/errors.js';
import { fieldErrorOf } from '../../core/http/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { foldedWords } from './glossary.normalize.js';
import { expandQuery, type QueryExpansion } from './glossary.service.js';
import { MAX_QUERY_WORDS, conceptsOf, highlightOf, markText, matchFor, nearestWord, snippetOf, textMatchOf, type Concept, type Highlight } from './search-text.js';
import * as q from './search.queries.js';

/** Fewer listings than this holding every word: listings holding some of them are added below (ranked by how many). */
const STRICT_ENOUGH = 10;
/** Words shorter than this are not corrected (too many near neighbours). */
const MIN_CORRECTED_LENGTH = 3;

export interface SearchOptions {
  /** Saved-search digests: only listings published after this instant. */
  publishedSince?: Date;
}

interface ReadQuery {
  concepts: Concept[];
  corrections: { from: string; to: string }[];
  expansions: { from: string; to: string[] }[];
}

/**
 * Reads the query text: glossary phrases (both directions) stay as written; other words missing from the published
 * vocabulary become a prefix (a word being typed) or are corrected to the nearest published word (typos), and the
 * corrected text is expanded through the glossary again.
 */
async function readQuery(ctx: Ctx, text: string): Promise<ReadQuery> {
  let expansion: QueryExpansion = await expandQuery(ctx.db, text);
  const covered = new Set<number>();
  for (const phrase of expansion.phrases) for (let i = phrase.start; i < phrase.end; i++) covered.add(i);
  const loose = expansion.words.slice(0, MAX_QUERY_WORDS).filter((_, i) => !covered.has(i));
  const known = await q.knownWords(ctx.db, loose);
  const corrections = new Map<string, string>();
  const prefixes = new Set<string>();
  const unknown = [...new Set(loose)].filter((word) => !known.has(word) && word.length >= MIN_CORRECTED_LENGTH && !/^\d+$/.test(word));
  const similar = await q.similarWordsOf(ctx.db, unknown);
  for (const word of unknown) {
    const nearest = nearestWord(word, similar.get(word) ?? []);
    if (nearest) corrections.set(word, nearest);
    else if (await q.hasPrefix(ctx.db, word)) prefixes.add(word);
  }
  if (corrections.size > 0) expansion = await expandQuery(ctx.db, expansion.words.slice(0, MAX_QUERY_WORDS).map((w) => corrections.get(w) ?? w).join(' '));
  const concepts = conceptsOf(expansion, prefixes);
  return {
    concepts,
    corrections: [...corrections].map(([from, to]) => ({ from, to })),
    expansions: concepts.filter((c) => c.alternatives.length > 1).map((c) => ({ from: c.text, to: c.alternatives.slice(1).map((a) => a.map((t) => t.word).join(' ')) })),
  };
}

function parseQuery(ctx: Ctx, input: ExchangeSearchInput): ExchangeSearchQuery {
  const parsed = ExchangeSearchQuery.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map((issue) =>
      fieldErrorOf({ keyword: issue.code, instancePath: `/${issue.path.join('/')}`, message: issue.message, params: issue as unknown as Record<string, unknown> }, ctx.locale),
    ),
  );
}

const isoOf = (value: string | Date | null) => (value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString());
const dayOf = (value: string | Date | null) => (value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10));

function toTeaser(row: q.TeaserRow): ListingTeaser {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as ListingTeaser['kind'],
    visibility: row.visibility as ListingTeaser['visibility'],
    originalLanguage: (row.originalLanguage ?? 'vi') as ContentLanguage,
    languages: row.languages as ContentLanguage[],
    title: { ...(row.titleVi ? { vi: row.titleVi } : {}), ...(row.titleEn ? { en: row.titleEn } : {}) },
    teaser: { ...(row.teaserVi ? { vi: row.teaserVi } : {}), ...(row.teaserEn ? { en: row.teaserEn } : {}) },
    keywords: row.keywords,
    sectorCodes: row.sectorCodes,
    catalogItemCodes: row.catalogItemCodes,
    technologyObject: row.technologyObject as ListingTeaser['technologyObject'],
    trl: row.trl,
    transferForms: row.transferForms as ListingTeaser['transferForms'],
    ipTypes: row.ipTypes as ListingTeaser['ipTypes'],
    country: row.country,
    publishedAt: isoOf(row.publishedAt),
    validUntil: dayOf(row.validUntil),
  };
}

/** The reader's language when the listing has its title in it, else the listing's original language. */
function shownLanguage(teaser: ListingTeaser, locale: ContentLanguage): ContentLanguage {
  if (teaser.title[locale]) return locale;
  return teaser.title[teaser.originalLanguage] ? teaser.originalLanguage : locale === 'vi' ? 'en' : 'vi';
}

function hitOf(teaser: ListingTeaser, score: number, locale: ContentLanguage, highlight: Highlight): SearchHit {
  const language = shownLanguage(teaser, locale);
  const other: ContentLanguage = language === 'vi' ? 'en' : 'vi';
  const title = teaser.title[language] ?? teaser.title[other] ?? '';
  const text = teaser.teaser[language] ?? teaser.teaser[other] ?? '';
  return { listing: teaser, language, title: markText(title, highlight), snippet: snippetOf(text, highlight), score: Math.round(score * 1000) / 1000 };
}

function facetsOf(rows: { facet: string; value: string; n: number }[]): SearchFacets {
  const facets = Object.fromEntries(SEARCH_FACETS.map((f) => [f, [] as { value: string; count: number }[]])) as SearchFacets;
  for (const row of rows) {
    const list = facets[row.facet as keyof SearchFacets];
    if (list && row.value !== null) list.push({ value: String(row.value), count: Number(row.n) });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

/**
 * Public search of the technology exchange (issue 4 §4): published listings valid today, teaser columns only (titles,
 * teasers, keywords and facets; never the detail), so every reader gets the same answer and no permission is needed;
 * the digest of a saved search calls it as its user with `publishedSince`. Diacritics and case are ignored
 * (lower(f_unaccent()) on both sides), typos corrected against the published vocabulary, Vietnamese and English
 * crossed through the glossary. Facet counts, total and pages cover at most SEARCH_MATCH_CAP matching listings.
 * Read-only; no audit.
 */
export async function searchListings(ctx: Ctx, input: ExchangeSearchInput, options: SearchOptions = {}): Promise<ExchangeSearchResult> {
  const query = parseQuery(ctx, input);
  const filter: q.SearchFilter = {
    today: vietnamToday(),
    kind: query.kind,
    sector: query.sector,
    catalogItem: query.catalogItem,
    trlMin: query.trlMin,
    trlMax: query.trlMax,
    country: query.country,
    transferForm: query.transferForm,
    ipType: query.ipType,
    language: query.language,
    publishedSince: options.publishedSince,
  };
  const read = query.q ? await readQuery(ctx, query.q) : { concepts: [], corrections: [], expansions: [] };
  const text = textMatchOf(read.concepts);
  const offset = (query.page - 1) * query.pageSize;
  const limit = Math.max(0, Math.min(query.pageSize, SEARCH_MATCH_CAP - offset));
  const pageOf = (match: q.TextMatch | null) => q.searchPage(ctx.db, { filter, text: match, sort: query.sort, limit, offset, cap: SEARCH_MATCH_CAP });
  // Every concept first; when few listings hold them all, listings holding some of them follow (ranked by how many),
  // decided in the same statement so the strict set is read once.
  const page = await pageOf(text ? { ...matchFor(text, true), looseBelow: STRICT_ENOUGH } : null);
  const allWords = !text || page.strictTotal > 0;
  const teasers = new Map((await q.selectTeasers(ctx.db, page.rows.map((r) => r.id))).map((row) => [row.id, toTeaser(row)]));
  const highlight = highlightOf(read.concepts);
  const locale = ctx.locale as ContentLanguage;
  const items = page.rows.flatMap((r) => {
    const teaser = teasers.get(r.id);
    return teaser ? [hitOf(teaser, r.score, locale, highlight)] : [];
  });
  return {
    items,
    total: page.total,
    totalCapped: page.total >= SEARCH_MATCH_CAP,
    page: query.page,
    pageSize: query.pageSize,
    facets: facetsOf(page.facets),
    interpretation: { corrections: read.corrections, expansions: read.expansions, allWords },
  };
}

const SUGGESTIONS = 8;
const TITLE_SUGGESTIONS = 5;

/**
 * Suggestions as you type (issue 4 §4): titles of published listings containing the typed text, then published words
 * completing the last word; at most 8. Public; teaser titles only. Read-only.
 */
export async function suggestSearches(ctx: Ctx, input: { q: string }): Promise<SuggestResult> {
  const words = foldedWords(input.q).slice(0, 8);
  if (words.length === 0) return { suggestions: [] };
  const folded = words.join(' ');
  const locale = ctx.locale as ContentLanguage;
  const suggestions: SuggestResult['suggestions'] = [];
  if (folded.length >= 3) {
    const titles = await q.titlesContaining(ctx.db, vietnamToday(), folded, 40);
    const shown = titles
      .map((t) => {
        const title = (locale === 'en' ? (t.titleEn ?? t.titleVi) : (t.titleVi ?? t.titleEn)) ?? '';
        return { id: t.id, title };
      })
      .sort((a, b) => a.title.length - b.title.length)
      .slice(0, TITLE_SUGGESTIONS);
    for (const t of shown) suggestions.push({ text: t.title, kind: 'title', listingId: t.id });
  }
  const last = words[words.length - 1]!;
  const head = words.slice(0, -1).join(' ');
  if (last.length >= 2) {
    for (const word of await q.wordsStartingWith(ctx.db, last, SUGGESTIONS)) {
      if (suggestions.length >= SUGGESTIONS) break;
      if (word === last && words.length === 1) continue;
      suggestions.push({ text: head ? `${head} ${word}` : word, kind: 'word', listingId: null });
    }
  }
  return { suggestions: suggestions.slice(0, SUGGESTIONS) };
}

/** The teasers of one result page for a CSV/XLSX export (the same search, the same page). */
export async function exportSearchPage(ctx: Ctx, input: ExchangeSearchInput): Promise<SearchHit[]> {
  return (await searchListings(ctx, input)).items;
}
