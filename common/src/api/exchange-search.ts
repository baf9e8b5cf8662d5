import { z } from 'zod';
import { CatalogItemCode, ContentLanguage, IpType, ListingKind, ListingTeaser, TransferForm } from './exchange-listings.js';

/**
 * Public search of the technology exchange (issue 4 §4): published, unexpired listings, teaser only. The same query
 * object is saved by saved searches (saved_searches.query) and sent in the web page's URL.
 */

export const SEARCH_SORTS = ['relevance', 'date'] as const;
export const SearchSort = z.enum(SEARCH_SORTS);
export type SearchSort = z.infer<typeof SearchSort>;

export const SEARCH_PAGE_SIZE_MAX = 50;
/** Ranking, facets and paging look at no more than this many matching listings (the newest when browsing). */
export const SEARCH_MATCH_CAP = 500;

const SectorCode = z.string().regex(/^[0-9]+(\.[0-9]+)?$/).max(10);
const trlNumber = z.coerce.number().int().min(1).max(9);

const SearchFields = z.object({
    q: z.string().trim().max(200).optional(),
    kind: ListingKind.optional(),
    sector: SectorCode.optional(),
    catalogItem: CatalogItemCode.optional(),
    trlMin: trlNumber.optional(),
    trlMax: trlNumber.optional(),
    country: z.string().trim().regex(/^[A-Z]{2}$/).optional(),
    transferForm: TransferForm.optional(),
    ipType: IpType.optional(),
    language: ContentLanguage.optional(),
    sort: SearchSort.default('relevance'),
    page: z.coerce.number().int().min(1).max(SEARCH_MATCH_CAP).default(1),
    pageSize: z.coerce.number().int().min(1).max(SEARCH_PAGE_SIZE_MAX).default(20),
});
const trlRangeInOrder = (q: { trlMin?: number | undefined; trlMax?: number | undefined }) => q.trlMin === undefined || q.trlMax === undefined || q.trlMin <= q.trlMax;

export const ExchangeSearchQuery = SearchFields.refine(trlRangeInOrder, { message: 'trl_range_inverted', path: ['trlMax'] });
export type ExchangeSearchQuery = z.infer<typeof ExchangeSearchQuery>;
/** What a caller may pass (defaults filled in by the schema). */
export type ExchangeSearchInput = z.input<typeof ExchangeSearchQuery>;

/** A piece of a teaser text; `match` pieces are the query words (the web page marks them). No markup is ever sent. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  listing: ListingTeaser,
  /** The language shown: the reader's when the listing has it, else its original language. */
  language: ContentLanguage,
  title: z.array(SnippetPart),
  snippet: z.array(SnippetPart),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

export const SEARCH_FACETS = ['kind', 'sector', 'catalogItem', 'trl', 'country', 'transferForm', 'ipType', 'language'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export const SearchFacets = z.object({
  kind: z.array(FacetCount),
  sector: z.array(FacetCount),
  catalogItem: z.array(FacetCount),
  trl: z.array(FacetCount),
  country: z.array(FacetCount),
  transferForm: z.array(FacetCount),
  ipType: z.array(FacetCount),
  language: z.array(FacetCount),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

export const ExchangeSearchResult = z.object({
  items: z.array(SearchHit),
  /** Matching listings counted, at most SEARCH_MATCH_CAP; `totalCapped` says there are more. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: SearchFacets,
  /** How the query was read: corrected words (typos) and glossary translations added (cross-language). */
  interpretation: z.object({
    corrections: z.array(z.object({ from: z.string(), to: z.string() })),
    expansions: z.array(z.object({ from: z.string(), to: z.array(z.string()) })),
    /** false when no listing held every word: the results hold some of them (ranked by how many). */
    allWords: z.boolean(),
  }),
});
export type ExchangeSearchResult = z.infer<typeof ExchangeSearchResult>;

export const SuggestQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const SuggestResult = z.object({
  suggestions: z.array(z.object({ text: z.string(), kind: z.enum(['title', 'word']), listingId: z.uuid().nullable() })),
});
export type SuggestResult = z.infer<typeof SuggestResult>;

/** Export of the current result page's teasers (CSV or XLSX). */
export const SearchExportQuery = SearchFields.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }).refine(trlRangeInOrder, {
  message: 'trl_range_inverted',
  path: ['trlMax'],
});
