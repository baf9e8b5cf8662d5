import { z } from 'zod';
import { ListingTeaser } from './exchange-listings.js';
import { pageOf, Uuid } from './shared.js';

/**
 * Matching (issue 4 §5): for a demand, ranked offers; for an offer, ranked demands. Each match has a score 0–100 and
 * the reasons that make it up, as codes with parameters: the web words them in the reader's language, the server
 * never sends a sentence. Only published, unexpired listings take part, and only their teaser is shown.
 */

export const MATCH_REASON_CODES = [
  /** Same priority-catalog items (params.codes). */
  'catalog_items',
  /** Same sector, different items (params.codes: the sectors). */
  'same_sector',
  /** The same keywords or title words (params.words). */
  'keywords',
  /** A term in one language matches its glossary equivalent in the other (params.words: "term → equivalent"). */
  'glossary',
  /** The offer's TRL reaches the demand's minimum (params.trl, params.minimumTrl). */
  'trl_fit',
  /** The offer's TRL is below the demand's minimum (params.trl, params.minimumTrl): no points. */
  'trl_below',
  /** The demand sets no minimum TRL (params.trl). */
  'trl_any',
  /** Transfer forms both sides name (params.forms). */
  'transfer_forms',
  /** The demand states no preferred transfer form. */
  'transfer_forms_any',
  /** The offer's price range starts within the demand's budget, same currency. */
  'price_within_budget',
  /** The offer's lowest price is above the demand's budget, same currency: no points. */
  'price_over_budget',
  /** Different currencies, or one side negotiable: prices are not compared. */
  'price_not_comparable',
  /** The reader may not see one side's price (on-request listing): prices are not shown compared. */
  'price_not_disclosed',
  /** The offer comes from a country the demand prefers (params.country). */
  'country_preferred',
] as const;
export const MatchReasonCode = z.enum(MATCH_REASON_CODES);
export type MatchReasonCode = z.infer<typeof MatchReasonCode>;

export const MatchReason = z.object({
  code: MatchReasonCode,
  /** Points this reason adds to the score (0 for a reason that explains a missing fit). */
  points: z.number(),
  params: z.object({
    codes: z.array(z.string()).optional(),
    words: z.array(z.string()).optional(),
    forms: z.array(z.string()).optional(),
    trl: z.number().int().nullable().optional(),
    minimumTrl: z.number().int().nullable().optional(),
    country: z.string().optional(),
  }),
});
export type MatchReason = z.infer<typeof MatchReason>;

export const MatchItem = z.object({
  listing: ListingTeaser,
  score: z.number().int().min(0).max(100),
  reasons: z.array(MatchReason),
  /** The DOST suggestion already made for this pair, if any. */
  suggestionId: Uuid.nullable(),
});
export type MatchItem = z.infer<typeof MatchItem>;

export const MatchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type MatchQuery = z.infer<typeof MatchQuery>;

/** Matches of one listing: the listing itself (teaser) and the ranked other side. */
export const MatchList = z.object({
  listing: ListingTeaser,
  items: z.array(MatchItem),
});
export type MatchList = z.infer<typeof MatchList>;

/** Age filter of the DOST board: demands published within this many days. */
export const BOARD_AGES = [7, 30, 90, 365] as const;

export const MatchingBoardQuery = z.object({
  sector: z
    .string()
    .regex(/^[0-9]+(\.[0-9]+)*$/)
    .max(20)
    .optional(),
  maxAgeDays: z.coerce
    .number()
    .int()
    .refine((value) => (BOARD_AGES as readonly number[]).includes(value), { message: 'invalid_value' })
    .optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(20).default(10),
});
export type MatchingBoardQuery = z.infer<typeof MatchingBoardQuery>;

export const MatchingBoardExportQuery = MatchingBoardQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type MatchingBoardExportQuery = z.infer<typeof MatchingBoardExportQuery>;

/** One recent demand and its best offers. */
export const MatchingBoardRow = z.object({
  demand: ListingTeaser,
  offers: z.array(MatchItem),
});
export type MatchingBoardRow = z.infer<typeof MatchingBoardRow>;

export const MatchingBoardPage = pageOf(MatchingBoardRow);
export type MatchingBoardPage = z.infer<typeof MatchingBoardPage>;

export const SuggestMatchInput = z.object({
  offerListingId: Uuid,
  demandListingId: Uuid,
  note: z.string().trim().max(2000).optional(),
});
export type SuggestMatchInput = z.infer<typeof SuggestMatchInput>;

/** A suggestion as an owner receives it: their own listing, the other one (teaser), score, reasons and DOST's note. */
export const MatchSuggestionView = z.object({
  id: Uuid,
  createdAt: z.string(),
  score: z.number().int().nullable(),
  reasons: z.array(MatchReason),
  note: z.string().nullable(),
  ownListing: ListingTeaser,
  otherListing: ListingTeaser,
});
export type MatchSuggestionView = z.infer<typeof MatchSuggestionView>;

export const SuggestionListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SuggestionListQuery = z.infer<typeof SuggestionListQuery>;

export const MatchSuggestionPage = pageOf(MatchSuggestionView);
export type MatchSuggestionPage = z.infer<typeof MatchSuggestionPage>;

/** What DOST gets back after suggesting: the stored suggestion and how many people were told. */
export const SuggestMatchResult = z.object({
  id: Uuid,
  score: z.number().int(),
  notified: z.number().int(),
});
export type SuggestMatchResult = z.infer<typeof SuggestMatchResult>;
