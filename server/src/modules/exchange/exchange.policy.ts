import type { ListingStatus, Visibility } from '../../../../common/src/api/exchange-listings.js';
import { can } from '../../core/access/access.js';
import type { Permission } from '../../core/access/permissions.js';
import type { Actor } from '../../core/context.js';

/**
 * Who may do what with one listing (issue 4 §2). Pure: the caller loads the listing and, for on-request listings,
 * the reader's approved access grants. Role → permission is in core/access; these are the object rules.
 */
export interface ListingAccessFacts {
  status: ListingStatus;
  visibility: Visibility;
  ownerOrganisationId: string | null;
  ownerUserId: string;
}

/** Organisations in which the actor holds a role with this permission. */
export function organisationsWith(actor: Actor, permission: Permission): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => g.organisationId && can({ ...actor, grants: [g] }, permission)).map((g) => g.organisationId!);
}

/** The owner side: a member (with the write permission) of the owning organisation, or the owning person when there is none. */
export function isListingOwner(actor: Actor, listing: Pick<ListingAccessFacts, 'ownerOrganisationId' | 'ownerUserId'>): boolean {
  if (actor.kind !== 'user') return false;
  if (listing.ownerOrganisationId) return organisationsWith(actor, 'exchange.listings.write').includes(listing.ownerOrganisationId);
  return actor.userId === listing.ownerUserId && can(actor, 'exchange.listings.write');
}

/** DOST reviewers see every listing in every status (moderation). */
export function isExchangeModerator(actor: Actor): boolean {
  return can(actor, 'exchange.listings.review');
}

export type DetailAccessReason = 'public' | 'signed_in' | 'owner' | 'staff' | 'granted' | 'sign_in_required' | 'request_required' | 'request_pending' | 'request_declined';

/**
 * Whether the actor may read the listing's detail (content beyond the teaser, owner, files), and why.
 * `grant` is the actor's latest access request on this listing (their own or their organisation's), if any.
 */
export function detailAccess(actor: Actor, listing: ListingAccessFacts, grant: { status: string } | null): { canSeeDetail: boolean; reason: DetailAccessReason } {
  if (isListingOwner(actor, listing)) return { canSeeDetail: true, reason: 'owner' };
  if (isExchangeModerator(actor)) return { canSeeDetail: true, reason: 'staff' };
  if (listing.status !== 'published') return { canSeeDetail: false, reason: 'request_required' };
  if (listing.visibility === 'public') return { canSeeDetail: true, reason: 'public' };
  if (actor.kind !== 'user') return { canSeeDetail: false, reason: 'sign_in_required' };
  if (listing.visibility === 'signed_in') return { canSeeDetail: true, reason: 'signed_in' };
  if (grant?.status === 'approved') return { canSeeDetail: true, reason: 'granted' };
  if (grant?.status === 'pending') return { canSeeDetail: false, reason: 'request_pending' };
  if (grant?.status === 'declined') return { canSeeDetail: false, reason: 'request_declined' };
  return { canSeeDetail: false, reason: 'request_required' };
}

/** Whether the actor may see that the listing exists at all (teaser): published, or owner, or moderator. */
export function canSeeListing(actor: Actor, listing: ListingAccessFacts): boolean {
  return listing.status === 'published' || isListingOwner(actor, listing) || isExchangeModerator(actor);
}
