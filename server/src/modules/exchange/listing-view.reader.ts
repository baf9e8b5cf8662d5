import type { Actor, Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { readerGrant } from './access-grants.queries.js';
import { canSeeListing, detailAccess, type DetailAccessReason } from './exchange.policy.js';
import type { ListingRow } from './exchange.tables.js';
import { findListingRow } from './listing-files.queries.js';

export interface ReaderAccess {
  listing: ListingRow;
  canSeeDetail: boolean;
  reason: DetailAccessReason;
  /** The reader's access request that decides (approved, pending or declined), if any. */
  requestId: string | null;
  /** Owner or DOST moderator: may read every revision and file, not only the published ones. */
  isPrivileged: boolean;
}

function organisationIdsOf(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.map((g) => g.organisationId).filter((id): id is string => id !== null))];
}

/**
 * How this reader stands towards one listing (issue 4 §2): NOT_FOUND when they may not know it exists (not
 * published, and neither owner nor DOST), else whether they may read its detail (exchange.policy `detailAccess`)
 * with their access request on an on-request listing. Expired listings stay readable by their owner and DOST only.
 */
export async function loadReaderAccess(ctx: Ctx, listingId: string): Promise<ReaderAccess> {
  const listing = await findListingRow(ctx.db, listingId);
  if (!listing || !canSeeListing(ctx.actor, listing)) throw new AppError('NOT_FOUND');
  const grant =
    ctx.actor.kind === 'user' && listing.visibility === 'on_request'
      ? await readerGrant(ctx.db, { listingId, userId: ctx.actor.userId, organisationIds: organisationIdsOf(ctx.actor) })
      : null;
  const verdict = detailAccess(ctx.actor, listing, grant);
  return { listing, ...verdict, requestId: grant?.id ?? null, isPrivileged: verdict.reason === 'owner' || verdict.reason === 'staff' };
}
