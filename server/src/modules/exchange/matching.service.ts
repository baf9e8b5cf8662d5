import type {
  MatchingBoardExportQuery,
  MatchingBoardPage,
  MatchingBoardQuery,
  MatchingBoardRow,
  MatchList,
  MatchSuggestionPage,
  SuggestionListQuery,
  SuggestMatchInput,
  SuggestMatchResult,
} from '../../../../common/src/api/exchange-matching.js';
import { addDays } from '../../../../common/src/dates.js';
import { assertCan, can } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { memberIdsOf, notify } from '../notifications/index.js';
import { canSeeListing, isListingOwner, organisationsWith } from './exchange.policy.js';
import { factsOf, rankMatches, teaserOf, termsOf } from './matching.engine.js';
import * as q from './matching.queries.js';
import { scoreMatch } from './matching.scoring.js';

/** Offers shown per demand on the DOST board; demands per export. */
const BOARD_OFFERS = 3;
const EXPORT_DEMANDS = 100;

const accessFacts = (row: q.MatchListingRow) => ({ status: row.status, visibility: row.visibility, ownerOrganisationId: row.owner_organisation_id, ownerUserId: row.owner_user_id });
const isLive = (row: q.MatchListingRow, today: string) => row.status === 'published' && row.valid_until !== null && row.valid_until >= today;

/** A reader sees a candidate's price compared only when they may read its detail: DOST always, others not on request. */
function priceRevealer(ctx: Ctx) {
  const isDost = can(ctx.actor, 'exchange.matching');
  return (candidate: q.MatchListingRow) => isDost || candidate.visibility !== 'on_request';
}

/**
 * Ranked matches of one published, unexpired offer (→ demands) or demand (→ offers), each with its score and reasons
 * (issue 4 §5). Teasers of published, unexpired listings only. Permission: the listing's owner
 * (exchange.listings.write, isListingOwner) or DOST (exchange.matching); a listing the caller may not know exists is
 * NOT_FOUND. No audit (teasers only, nothing changes).
 */
export async function matchesFor(ctx: Ctx, input: { listingId: string; limit?: number }): Promise<MatchList> {
  const row = await q.findMatchListing(ctx.db, input.listingId);
  if (!row || (ctx.actor.kind === 'user' && !canSeeListing(ctx.actor, accessFacts(row)))) throw new AppError('NOT_FOUND');
  const isOwner = isListingOwner(ctx.actor, accessFacts(row));
  assertCan(ctx.actor, isOwner ? 'exchange.listings.write' : 'exchange.matching');
  const today = vietnamToday();
  if (!isLive(row, today)) throw new AppError('LISTING_NOT_PUBLISHED');
  const items = await rankMatches(ctx, row, { today, limit: input.limit ?? 20, revealsPrice: priceRevealer(ctx) });
  return { listing: teaserOf(row), items };
}

async function boardRows(ctx: Ctx, filter: q.BoardFilter, page: { limit: number; offset: number }) {
  const { rows, total } = await q.recentDemands(ctx.db, { ...filter, ...page });
  const revealsPrice = priceRevealer(ctx);
  const items: MatchingBoardRow[] = [];
  for (const demand of rows) items.push({ demand: teaserOf(demand), offers: await rankMatches(ctx, demand, { today: filter.today, limit: BOARD_OFFERS, revealsPrice }) });
  return { items, total };
}

function boardFilter(query: Pick<MatchingBoardQuery, 'sector' | 'maxAgeDays'>): q.BoardFilter {
  const today = vietnamToday();
  return { today, sector: query.sector, since: query.maxAgeDays ? addDays(today, -query.maxAgeDays) : undefined };
}

/**
 * DOST matching board: recent published demands (filter by sector and age, newest first, a page at a time) with
 * their best offers. Permission: exchange.matching. No audit (teasers only).
 */
export async function matchingBoard(ctx: Ctx, query: MatchingBoardQuery): Promise<MatchingBoardPage> {
  assertCan(ctx.actor, 'exchange.matching');
  const { items, total } = await boardRows(ctx, boardFilter(query), { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The board for export: the first 100 demands of the filter, each with its best offers. Permission: exchange.matching. */
export async function exportMatchingBoard(ctx: Ctx, query: MatchingBoardExportQuery): Promise<MatchingBoardRow[]> {
  assertCan(ctx.actor, 'exchange.matching');
  return (await boardRows(ctx, boardFilter(query), { limit: EXPORT_DEMANDS, offset: 0 })).items;
}

/** Who is told about a listing: its organisation's members who may write listings, or its owner when there is none. */
async function ownerRecipients(ctx: Ctx, row: q.MatchListingRow): Promise<string[]> {
  return row.owner_organisation_id ? memberIdsOf(ctx.db, row.owner_organisation_id, 'exchange.listings.write') : [row.owner_user_id];
}

const titleOf = (row: q.MatchListingRow) => (row.original_language === 'en' ? (row.title_en ?? row.title_vi) : (row.title_vi ?? row.title_en)) ?? row.reference;

/**
 * DOST suggests an offer–demand match to both owners (issue 4 §5): both published and unexpired; the pair once only
 * (MATCH_ALREADY_SUGGESTED). Stores the score and reasons (prices compared only when neither listing is on request, as
 * both owners read them), notifies both owners (exchange.match_suggested, teaser words only). Permission:
 * exchange.matching. Audit: exchange.match.suggest.
 */
export async function suggestMatch(ctx: Ctx, input: SuggestMatchInput): Promise<SuggestMatchResult> {
  assertCan(ctx.actor, 'exchange.matching');
  const today = vietnamToday();
  const rows = await q.findLiveListings(ctx.db, { ids: [input.offerListingId, input.demandListingId], today });
  const offer = rows.find((row) => row.id === input.offerListingId && row.kind === 'offer');
  const demand = rows.find((row) => row.id === input.demandListingId && row.kind === 'demand');
  if (!offer || !demand) throw new AppError('LISTING_NOT_PUBLISHED');
  const { score, reasons } = scoreMatch({
    subject: factsOf(demand),
    candidate: factsOf(offer),
    terms: await termsOf(ctx, demand),
    canComparePrices: offer.visibility !== 'on_request' && demand.visibility !== 'on_request',
  });
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  return inTransaction(ctx, async (tx) => {
    const note = input.note?.trim() || null;
    const stored = await q.insertSuggestion(tx.db, { offerListingId: offer.id, demandListingId: demand.id, score, reasons, note, suggestedBy: userId });
    if (!stored) throw new AppError('MATCH_ALREADY_SUGGESTED');
    let notified = 0;
    for (const [own, other] of [
      [offer, demand],
      [demand, offer],
    ] as const) {
      const params = { reference: own.reference, title: titleOf(own), otherReference: other.reference, otherTitle: titleOf(other) };
      notified += (await notify(tx, { userIds: await ownerRecipients(tx, own), kind: 'exchange.match_suggested', params, link: '/exchange/suggestions', email: true })).notified;
    }
    await recordAudit(tx, {
      action: 'exchange.match.suggest',
      objectType: 'match_suggestion',
      objectId: stored.id,
      summary: { offerReference: offer.reference, demandReference: demand.reference, score, hasNote: note !== null },
    });
    return { id: stored.id, score, notified };
  });
}

/**
 * Suggestions DOST made about the caller's listings (their organisations', or their own), with the other listing's
 * teaser while it is still published. Permission: exchange.listings.write. No audit.
 */
export async function listReceivedSuggestions(ctx: Ctx, query: SuggestionListQuery): Promise<MatchSuggestionPage> {
  assertCan(ctx.actor, 'exchange.listings.write');
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const organisationIds = organisationsWith(ctx.actor, 'exchange.listings.write');
  const { rows, total } = await q.suggestionsForOwner(ctx.db, {
    userId: ctx.actor.userId,
    organisationIds,
    today: vietnamToday(),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const listings = new Map((await q.findListingsByIds(ctx.db, [...new Set(rows.flatMap((row) => [row.own_id, row.other_id]))])).map((row) => [row.id, row]));
  const items = rows.flatMap((row) => {
    const own = listings.get(row.own_id);
    const other = listings.get(row.other_id);
    if (!own || !other) return [];
    const createdAt = row.created_at instanceof Date ? row.created_at.toISOString() : new Date(row.created_at).toISOString();
    return [{ id: row.id, createdAt, score: row.score === null ? null : Math.round(Number(row.score)), reasons: row.reasons, note: row.note, ownListing: teaserOf(own), otherListing: teaserOf(other) }];
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
