import { randomUUID } from 'node:crypto';
import { addDays } from '../../../../common/src/dates.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Config } from '../../core/config.js';
import { ANONYMOUS, inTransaction, type Ctx } from '../../core/context.js';
import type { Database } from '../../core/db/database.js';
import { vietnamToday } from '../catalog/index.js';
import { nextStatus } from '../cases/index.js';
import { ruleNumber } from '../legal-rules/index.js';
import { LISTING_WORKFLOW } from './exchange.workflow.js';
import { notifyOwners, recordEvent } from './listings-write.common.js';
import * as q from './listings-write.queries.js';

export interface HousekeepingResult {
  expired: number;
  reminded: number;
}

/**
 * The daily exchange job: published listings past their last day (valid_until) expire and leave search; listings
 * ending within exchange.expiryReminder days get one reminder to renew (expiry_reminded_at, cleared on renewal).
 * Idempotent: a second run on the same day changes nothing. System actor; each listing in its own transaction with
 * its event, notification and audit (exchange.listing.expire, exchange.listing.expiry_reminder).
 */
export async function runListingHousekeeping(database: Database, config: Config, today: string = vietnamToday()): Promise<HousekeepingResult> {
  const ctx: Ctx = { db: database.db, database, actor: ANONYMOUS, locale: 'vi', requestId: randomUUID(), ip: null, config };
  let expired = 0;
  for (const candidate of await q.listingsPastValidity(ctx.db, today)) {
    const done = await inTransaction(ctx, async (tx) => {
      const listing = await q.lockListing(tx.db, candidate.id);
      if (!listing || listing.status !== 'published' || !listing.validUntil || listing.validUntil >= today) return false;
      const to = nextStatus(LISTING_WORKFLOW, listing.status, 'expire');
      const updated = await q.updateListing(tx.db, listing.id, { status: to });
      await recordEvent(tx, { listingId: listing.id, revisionId: listing.publishedRevisionId, action: 'expire', fromStatus: listing.status, toStatus: to, note: listing.validUntil });
      await recordAudit(tx, { action: 'exchange.listing.expire', objectType: 'listing', objectId: listing.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, validUntil: listing.validUntil } });
      await notifyOwners(tx, updated, 'exchange.listing_expired', null, { validUntil: listing.validUntil });
      return true;
    });
    if (done) expired++;
  }
  const until = addDays(today, await ruleNumber(ctx, 'exchange.expiryReminder', today));
  let reminded = 0;
  for (const candidate of await q.listingsToRemind(ctx.db, today, until)) {
    const done = await inTransaction(ctx, async (tx) => {
      const listing = await q.lockListing(tx.db, candidate.id);
      if (!listing || listing.status !== 'published' || listing.expiryRemindedAt) return false;
      // The reminder is not a change of the listing's content: lock_version stays, so an open edit form is not stale.
      await q.markReminded(tx.db, listing.id);
      await recordEvent(tx, { listingId: listing.id, revisionId: listing.publishedRevisionId, action: 'expiry_reminder', fromStatus: listing.status, toStatus: listing.status, note: listing.validUntil });
      await recordAudit(tx, { action: 'exchange.listing.expiry_reminder', objectType: 'listing', objectId: listing.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, validUntil: listing.validUntil } });
      await notifyOwners(tx, listing, 'exchange.listing_expiring', null, { validUntil: listing.validUntil ?? '' });
      return true;
    });
    if (done) reminded++;
  }
  return { expired, reminded };
}
