import { ListingContent } from '../../../../common/src/api/exchange-listings.js';
import type { Database, Tx } from '../../core/db/database.js';
import { DOMESTIC_OFFERS, FOREIGN_OFFERS, type SeedListing } from './exchange.seed-data.js';
import { CONNECTIONS, EXPERTS, INTERMEDIARIES, MORE_OFFERS, type SeedConnection } from './exchange.seed-experts.js';
import { DEMANDS } from './exchange.seed-profiles.js';
import * as q from './exchange.seed.queries.js';
import { listingReference, publishedColumns } from './listings.projection.js';

/** A demo account the seed may name as owner or party: its user and organisation. */
export interface ExchangeSeedParty {
  userId: string;
  organisationId: string | null;
}

export interface ExchangeSeedInput {
  database: Database;
  /** Demo accounts by e-mail (the platform's and the exchange's). */
  parties: Map<string, ExchangeSeedParty>;
  /** The DOST officer who reviewed the published demo listings. */
  reviewerUserId: string;
  now?: Date;
}

/** Every demo listing: offers (English from abroad, Vietnamese from domestic institutes), demands, experts, intermediaries. */
export const DEMO_LISTINGS: SeedListing[] = [...FOREIGN_OFFERS, ...DOMESTIC_OFFERS, ...MORE_OFFERS, ...DEMANDS, ...EXPERTS, ...INTERMEDIARIES];

const DAY = 86400_000;
const VALIDITY_DAYS = 365; // exchange.listingValidity at the time of writing; demo data only
const CHECKLIST = { complete: true, notProhibited: true, notAdvertising: true, contactPolicy: true };
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Writes one demo listing as review leaves it: a submitted revision (in_review), or an approved revision published by
 * a DOST officer with its teaser and facet columns (publishedColumns), events submit → publish, valid for a year.
 */
async function seedListing(tx: Tx, input: ExchangeSeedInput, spec: SeedListing, owner: ExchangeSeedParty): Promise<void> {
  const content = ListingContent.parse(spec.content); // the demo data obeys the same schema as the forms
  const now = input.now ?? new Date();
  const publishedAt = new Date(now.getTime() - spec.daysAgo * DAY);
  const submittedAt = new Date(publishedAt.getTime() - 2 * DAY);
  const listing = await q.insertListingRow(tx, {
    kind: content.kind,
    reference: listingReference(content.kind, submittedAt.getUTCFullYear(), await q.nextReference(tx)),
    ownerOrganisationId: owner.organisationId,
    ownerUserId: owner.userId,
    status: 'draft',
    visibility: spec.visibility,
    createdAt: submittedAt,
  });
  const published = spec.status === 'published';
  const revision = await q.insertRevisionRow(tx, {
    listingId: listing.id,
    number: 1,
    status: published ? 'approved' : 'in_review',
    content,
    visibility: spec.visibility,
    createdBy: owner.userId,
    submittedBy: owner.userId,
    submittedAt,
    ...(published ? { reviewedBy: input.reviewerUserId, reviewedAt: publishedAt, reviewChecklist: CHECKLIST, confirmedCatalogItemCodes: content.catalogItemCodes, confirmedListStatus: 'not_listed' as const } : {}),
    createdAt: submittedAt,
  });
  await q.insertEventRow(tx, { listingId: listing.id, revisionId: revision.id, action: 'submit', from: 'draft', to: 'in_review', actorUserId: owner.userId, at: submittedAt });
  if (!published) {
    await q.updateListingRow(tx, listing.id, { status: 'in_review', workingRevisionId: revision.id, updatedAt: submittedAt });
    return;
  }
  await q.insertEventRow(tx, { listingId: listing.id, revisionId: revision.id, action: 'publish', from: 'in_review', to: 'published', actorUserId: input.reviewerUserId, at: publishedAt });
  await q.updateListingRow(tx, listing.id, {
    status: 'published',
    publishedRevisionId: revision.id,
    firstPublishedAt: publishedAt,
    publishedAt,
    validUntil: isoDay(new Date(publishedAt.getTime() + VALIDITY_DAYS * DAY)),
    nationalListStatus: 'not_listed',
    ...publishedColumns(content, { catalogItemCodes: content.catalogItemCodes }),
    updatedAt: publishedAt,
  });
}

/** One demo connection: interest in an offer from the demand's owner, the owner's answer, the thread and the outcomes. */
async function seedConnection(tx: Tx, input: ExchangeSeedInput, spec: SeedConnection): Promise<boolean> {
  const offer = await q.findListingByTitle(tx, spec.offerTitle);
  const initiator = input.parties.get(spec.initiator);
  if (!offer || !initiator || (await q.hasConnection(tx, offer.id, initiator.userId))) return false;
  const own = spec.demandTitle ? await q.findListingByTitle(tx, spec.demandTitle) : undefined;
  const now = input.now ?? new Date();
  const createdAt = new Date(now.getTime() - spec.daysAgo * DAY);
  const answered = spec.status !== 'pending';
  const connection = await q.insertConnectionRow(tx, {
    listingId: offer.id,
    ownerOrganisationId: offer.ownerOrganisationId,
    ownerUserId: offer.ownerUserId,
    initiatorOrganisationId: initiator.organisationId,
    initiatorUserId: initiator.userId,
    initiatorListingId: own?.id ?? null,
    status: spec.status,
    cooperationSought: spec.cooperation,
    missingInformation: spec.missing,
    aboutUs: spec.about,
    // 10 working days (exchange.replyTarget) are two calendar weeks when no holiday falls in them.
    replyDueOn: isoDay(new Date(createdAt.getTime() + 14 * DAY)),
    replyTargetDays: 10,
    firstReplyAt: answered ? new Date(createdAt.getTime() + 2 * DAY) : null,
    decidedBy: answered ? offer.ownerUserId : null,
    declineReason: spec.status === 'declined' ? 'Chúng tôi chưa có dữ liệu thử nghiệm tại ao nước lợ; sẽ liên hệ lại khi có kết quả.' : null,
    latestOutcome: spec.outcomes.at(-1)?.outcome ?? null,
    createdAt,
    updatedAt: createdAt,
  });
  for (const [i, message] of spec.messages.entries()) {
    const author = message.side === 'owner' ? offer.ownerUserId : initiator.userId;
    await q.insertMessageRow(tx, { connectionId: connection.id, authorUserId: author, authorSide: message.side, body: message.body, createdAt: new Date(createdAt.getTime() + (2 + i) * DAY) });
  }
  for (const [i, outcome] of spec.outcomes.entries()) {
    const side = i % 2 === 0 ? 'initiator' : 'owner';
    await q.insertOutcomeRow(tx, {
      connectionId: connection.id,
      outcome: outcome.outcome,
      occurredOn: isoDay(new Date(now.getTime() - outcome.daysAgo * DAY)),
      note: outcome.note,
      recordedBy: side === 'owner' ? offer.ownerUserId : initiator.userId,
      recordedSide: side,
      createdAt: new Date(now.getTime() - outcome.daysAgo * DAY),
    });
  }
  return true;
}

/**
 * The exchange demo data (after seedDemo): listings of every kind across the eight priority sectors, most published, a
 * few waiting for review, and connections with messages and outcomes. Rows written as the review and connection
 * services leave them (no notifications, no audit: nobody acted). Idempotent: a listing already there (same owner and
 * title) or a connection already there (same listing and initiator) is skipped. Returns how many rows were created.
 */
export async function seedExchangeDemo(input: ExchangeSeedInput): Promise<{ listings: number; connections: number }> {
  let listingsCreated = 0;
  let connectionsCreated = 0;
  for (const spec of DEMO_LISTINGS) {
    const owner = input.parties.get(spec.owner);
    if (!owner) continue;
    await input.database.db.transaction(async (raw) => {
      const tx = raw as unknown as Tx;
      if (await q.findSeededListing(tx, owner.userId, spec.content.title as Record<string, string>)) return;
      await seedListing(tx, input, spec, owner);
      listingsCreated++;
    });
  }
  for (const spec of CONNECTIONS) {
    await input.database.db.transaction(async (raw) => {
      if (await seedConnection(raw as unknown as Tx, input, spec)) connectionsCreated++;
    });
  }
  return { listings: listingsCreated, connections: connectionsCreated };
}
