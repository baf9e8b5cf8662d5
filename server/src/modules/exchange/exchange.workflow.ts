import type { ListingStatus, RevisionStatus } from '../../../../common/src/api/exchange-listings.js';
import type { Workflow } from '../cases/index.js';

/**
 * Listing lifecycle as data (issue 4 §3). A listing is written (draft), submitted, reviewed by a DOST officer
 * (published, returned with comments, or rejected with a reason), renewed, expires, or is withdrawn by its owner.
 * An edit of a published listing is a new revision with its own review (REVISION_WORKFLOW) while the listing stays
 * published with its approved revision.
 */
export const LISTING_ACTIONS = ['submit', 'publish', 'return', 'reject', 'renew', 'expire', 'withdraw', 'unpublish'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

export const LISTING_WORKFLOW: Workflow<ListingStatus, ListingAction> = {
  transitions: [
    { from: 'draft', action: 'submit', to: 'in_review', permission: 'exchange.listings.write' },
    { from: 'returned', action: 'submit', to: 'in_review', permission: 'exchange.listings.write' },
    { from: 'in_review', action: 'publish', to: 'published', permission: 'exchange.listings.review' },
    { from: 'in_review', action: 'return', to: 'returned', permission: 'exchange.listings.review' },
    { from: 'in_review', action: 'reject', to: 'rejected', permission: 'exchange.listings.review' },
    // Renewal keeps the approved content: no new review (exchange.listingValidity from the renewal day).
    { from: 'published', action: 'renew', to: 'published', permission: 'exchange.listings.write' },
    { from: 'expired', action: 'renew', to: 'published', permission: 'exchange.listings.write' },
    // The daily job (system actor) expires listings past valid_until.
    { from: 'published', action: 'expire', to: 'expired', permission: 'exchange.listings.review' },
    // After an upheld report the officer takes the listing down with a comment; the owner may correct and resubmit.
    { from: 'published', action: 'unpublish', to: 'returned', permission: 'exchange.listings.review' },
    { from: 'draft', action: 'withdraw', to: 'withdrawn', permission: 'exchange.listings.write' },
    { from: 'returned', action: 'withdraw', to: 'withdrawn', permission: 'exchange.listings.write' },
    { from: 'in_review', action: 'withdraw', to: 'withdrawn', permission: 'exchange.listings.write' },
    { from: 'published', action: 'withdraw', to: 'withdrawn', permission: 'exchange.listings.write' },
    { from: 'expired', action: 'withdraw', to: 'withdrawn', permission: 'exchange.listings.write' },
  ],
};

/** A revision of a published listing (an edit) has its own review; the listing stays published meanwhile. */
export const REVISION_ACTIONS = ['submit', 'approve', 'return', 'reject', 'discard'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export const REVISION_WORKFLOW: Workflow<RevisionStatus, RevisionAction> = {
  transitions: [
    { from: 'draft', action: 'submit', to: 'in_review', permission: 'exchange.listings.write' },
    { from: 'returned', action: 'submit', to: 'in_review', permission: 'exchange.listings.write' },
    { from: 'in_review', action: 'approve', to: 'approved', permission: 'exchange.listings.review' },
    { from: 'in_review', action: 'return', to: 'returned', permission: 'exchange.listings.review' },
    { from: 'in_review', action: 'reject', to: 'rejected', permission: 'exchange.listings.review' },
    { from: 'draft', action: 'discard', to: 'discarded', permission: 'exchange.listings.write' },
    { from: 'returned', action: 'discard', to: 'discarded', permission: 'exchange.listings.write' },
  ],
};

/** Statuses in which the owner may change the working revision's content. */
export const EDITABLE_REVISION_STATUSES: readonly RevisionStatus[] = ['draft', 'returned'];

/** Statuses in which a listing can be read by people other than its owner and DOST. */
export const READABLE_LISTING_STATUSES: readonly ListingStatus[] = ['published'];
