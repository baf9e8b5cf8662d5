import type { ConnectionSide, ReplyTargetState } from '../../../../common/src/api/exchange-connections.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { memberIdsOf } from '../notifications/index.js';
import { connectionSideOf } from './connections.policy.js';
import * as q from './connections.queries.js';

/** Shared pieces of the connection use cases: the party check, recipients, notification params. */

/**
 * The connection locked for update with the actor's side. An outsider gets NOT_FOUND whatever they try, so a
 * connection's existence is never revealed.
 */
export async function lockedConnection(ctx: Ctx, id: string): Promise<{ row: q.ConnectionRow; side: ConnectionSide }> {
  const row = await q.findConnection(ctx.db, id, { forUpdate: true });
  const side = row ? connectionSideOf(ctx.actor, row) : null;
  if (!row || !side) throw new AppError('NOT_FOUND');
  return { row, side };
}

/** The connection and the actor's side, for reading (NOT_FOUND for an outsider). */
export async function readableConnection(ctx: Ctx, id: string): Promise<{ row: q.ConnectionRow; side: ConnectionSide }> {
  const row = await q.findConnection(ctx.db, id);
  const side = row ? connectionSideOf(ctx.actor, row) : null;
  if (!row || !side) throw new AppError('NOT_FOUND');
  return { row, side };
}

export function otherSide(side: ConnectionSide): ConnectionSide {
  return side === 'owner' ? 'initiator' : 'owner';
}

/** The users of one side: its organisation's members with exchange.connect, or the person. */
export async function sideUserIds(ctx: Ctx, row: q.ConnectionRow, side: ConnectionSide): Promise<string[]> {
  const organisationId = side === 'owner' ? row.ownerOrganisationId : row.initiatorOrganisationId;
  const userId = side === 'owner' ? row.ownerUserId : row.initiatorUserId;
  if (!organisationId) return [userId];
  return memberIdsOf(ctx.db, organisationId, 'exchange.connect');
}

/** The listing's title in the reader's language, else the other language, else its reference (teaser level). */
export function listingTitle(listing: { titleVi: string | null; titleEn: string | null; reference: string }, locale: Locale): string {
  return (locale === 'en' ? (listing.titleEn ?? listing.titleVi) : (listing.titleVi ?? listing.titleEn)) ?? listing.reference;
}

/** Notification params: reference and teaser title only (never detail). */
export function connectionParams(listing: { titleVi: string | null; titleEn: string | null; reference: string }): { reference: string; title: string } {
  return { reference: listing.reference, title: listingTitle(listing, 'vi') };
}

/** Met when the first answer came on or before the due day (Vietnam calendar day); missed when it came later or is overdue. */
export function replyTargetState(row: Pick<q.ConnectionRow, 'firstReplyAt' | 'replyDueOn' | 'status'>, today: string): ReplyTargetState {
  if (row.firstReplyAt) {
    const answeredOn = new Date(row.firstReplyAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    return answeredOn <= row.replyDueOn ? 'met' : 'missed';
  }
  return row.status === 'pending' && today > row.replyDueOn ? 'missed' : 'pending';
}
