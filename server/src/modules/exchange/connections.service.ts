import type { DecideConnectionInput, ExpressInterestInput, InterestState, WithdrawConnectionInput } from '../../../../common/src/api/exchange-connections.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { addWorkingDays } from '../calendar/index.js';
import { vietnamToday } from '../catalog/index.js';
import { ruleNumber } from '../legal-rules/index.js';
import { notify } from '../notifications/index.js';
import { REPLY_TARGET_RULE } from './connections-reply-target.js';
import { connectionParams, lockedConnection, sideUserIds } from './connections.common.js';
import { initiatorOrganisationOf, isOwnerSideOfListing, partyKeyOf } from './connections.policy.js';
import * as q from './connections.queries.js';
import { canSeeListing } from './exchange.policy.js';

function isLive(listing: q.ConnectionListing, today: string): boolean {
  return listing.status === 'published' && (listing.validUntil === null || listing.validUntil >= today);
}

/**
 * A listing the actor may see, or one that was published once (now expired or withdrawn: LISTING_NOT_PUBLISHED
 * follows); else NOT_FOUND, so a draft's existence is not revealed.
 */
async function visibleListing(ctx: Ctx, listingId: string): Promise<q.ConnectionListing> {
  const listing = await q.findListingForConnection(ctx.db, listingId);
  if (!listing || (!canSeeListing(ctx.actor, listing) && listing.firstPublishedAt === null)) throw new AppError('NOT_FOUND');
  return listing;
}

/**
 * Whether the reader may express interest in the listing now, and the open connection they already have. For the
 * "Express interest" button. Permission: exchange.connect. No audit (a read).
 */
export async function getInterestState(ctx: Ctx, input: { listingId: string }): Promise<InterestState> {
  assertCan(ctx.actor, 'exchange.connect');
  const user = requireUser(ctx.actor);
  const listing = await visibleListing(ctx, input.listingId);
  if (isOwnerSideOfListing(ctx.actor, listing)) return { canExpress: false, reason: 'own_listing', connectionId: null };
  const open = await q.findOpenConnection(ctx.db, listing.id, partyKeyOf(user));
  if (open) return { canExpress: false, reason: 'exists', connectionId: open.id };
  if (!isLive(listing, vietnamToday())) return { canExpress: false, reason: 'not_published', connectionId: null };
  return { canExpress: true, reason: 'ok', connectionId: null };
}

/**
 * A signed-in party expresses interest in a published, unexpired listing with the three standard questions (issue 4
 * §6). Not in one's own listing (OWN_LISTING); one open connection per party and listing (CONNECTION_EXISTS). The owner
 * is asked to answer within exchange.replyTarget working days (reply_due_on). Permission: exchange.connect.
 * Audit: exchange.connection.interest. Notifies the owner side (exchange.connection_interest).
 */
export async function expressInterest(ctx: Ctx, input: { listingId: string } & ExpressInterestInput): Promise<{ id: string }> {
  assertCan(ctx.actor, 'exchange.connect');
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const listing = await visibleListing(tx, input.listingId);
    const today = vietnamToday();
    if (isOwnerSideOfListing(tx.actor, listing)) throw new AppError('OWN_LISTING');
    if (!isLive(listing, today)) throw new AppError('LISTING_NOT_PUBLISHED');
    const party = partyKeyOf(user);
    if (await q.findOpenConnection(tx.db, listing.id, party)) throw new AppError('CONNECTION_EXISTS');
    if (input.initiatorListingId) {
      const own = await q.findListingForConnection(tx.db, input.initiatorListingId);
      if (!own || own.id === listing.id || !isOwnerSideOfListing(tx.actor, own) || !isLive(own, today)) {
        throw validationError([{ path: 'initiatorListingId', code: 'invalid', message: translate(tx.locale, 'validation.invalid') }]);
      }
    }
    const targetDays = await ruleNumber(tx, REPLY_TARGET_RULE);
    const due = await addWorkingDays(tx, { from: today, days: targetDays });
    const row = await q.insertConnection(tx.db, {
      listingId: listing.id,
      ownerOrganisationId: listing.ownerOrganisationId,
      ownerUserId: listing.ownerUserId,
      initiatorOrganisationId: initiatorOrganisationOf(tx.actor),
      initiatorUserId: user.userId,
      initiatorListingId: input.initiatorListingId ?? null,
      cooperationSought: input.cooperationSought,
      missingInformation: input.missingInformation,
      aboutUs: input.aboutUs,
      replyDueOn: due.to,
      replyTargetDays: targetDays,
    });
    await recordAudit(tx, {
      action: 'exchange.connection.interest',
      objectType: 'exchange_connection',
      objectId: row.id,
      organisationId: row.initiatorOrganisationId,
      summary: { listingId: listing.id, reference: listing.reference, replyDueOn: row.replyDueOn, replyTargetDays: targetDays },
    });
    await notify(tx, {
      userIds: await sideUserIds(tx, row, 'owner'),
      kind: 'exchange.connection_interest',
      params: { ...connectionParams(listing), replyDueOn: row.replyDueOn },
      link: `/exchange/connections/${row.id}`,
      email: true,
    });
    return { id: row.id };
  });
}

/**
 * The owner side accepts (opening the private thread) or declines a pending expression of interest; the first
 * answer sets first_reply_at (the reply target is met when it falls on or before reply_due_on). Optimistic lock
 * (CONFLICT). Permission: exchange.connect (owner side). Audit: exchange.connection.accept / .decline. Notifies the
 * initiator side.
 */
export async function decideConnection(ctx: Ctx, input: { id: string; decision: 'accept' | 'decline' } & DecideConnectionInput): Promise<{ id: string; lockVersion: number }> {
  assertCan(ctx.actor, 'exchange.connect');
  requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const { row, side } = await lockedConnection(tx, input.id);
    if (side !== 'owner') throw new AppError('FORBIDDEN');
    if (row.status !== 'pending') throw new AppError('INVALID_TRANSITION', { from: row.status, action: input.decision });
    if (row.lockVersion !== input.lockVersion) throw new AppError('CONFLICT');
    const accepted = input.decision === 'accept';
    const updated = await q.updateConnection(tx.db, row.id, {
      status: accepted ? 'accepted' : 'declined',
      firstReplyAt: row.firstReplyAt ?? new Date(),
      decidedBy: requireUser(tx.actor).userId,
      declineReason: accepted ? null : input.reason || null,
    });
    await recordAudit(tx, {
      action: `exchange.connection.${input.decision}`,
      objectType: 'exchange_connection',
      objectId: row.id,
      organisationId: row.ownerOrganisationId,
      summary: { from: row.status, to: updated.status, replyDueOn: row.replyDueOn, firstReplyAt: updated.firstReplyAt?.toISOString() ?? null },
    });
    const listing = (await q.findListingForConnection(tx.db, row.listingId))!;
    await notify(tx, {
      userIds: await sideUserIds(tx, row, 'initiator'),
      kind: accepted ? 'exchange.connection_accepted' : 'exchange.connection_declined',
      params: connectionParams(listing),
      link: `/exchange/connections/${row.id}`,
      email: true,
    });
    return { id: row.id, lockVersion: updated.lockVersion };
  });
}

/**
 * The initiator side withdraws its interest (pending) or leaves an accepted connection; the thread stays readable
 * but closed. Optimistic lock (CONFLICT). Permission: exchange.connect (initiator side). Audit:
 * exchange.connection.withdraw.
 */
export async function withdrawConnection(ctx: Ctx, input: { id: string } & WithdrawConnectionInput): Promise<{ id: string; lockVersion: number }> {
  assertCan(ctx.actor, 'exchange.connect');
  requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const { row, side } = await lockedConnection(tx, input.id);
    if (side !== 'initiator') throw new AppError('FORBIDDEN');
    if (row.status !== 'pending' && row.status !== 'accepted') throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'withdraw' });
    if (row.lockVersion !== input.lockVersion) throw new AppError('CONFLICT');
    const updated = await q.updateConnection(tx.db, row.id, { status: 'withdrawn' });
    await recordAudit(tx, {
      action: 'exchange.connection.withdraw',
      objectType: 'exchange_connection',
      objectId: row.id,
      organisationId: row.initiatorOrganisationId,
      summary: { from: row.status, to: 'withdrawn' },
    });
    return { id: row.id, lockVersion: updated.lockVersion };
  });
}
