import type { AccessRequestStatus } from '../../../../common/src/api/exchange-listings.js';
import type { Workflow } from '../cases/index.js';

/**
 * An access request to an on-request listing (issue 4 §2): the requester acknowledges the NDA statement and asks;
 * the listing's owner approves or declines, and may revoke an approval later; the requester may withdraw.
 */
export const ACCESS_REQUEST_ACTIONS = ['approve', 'decline', 'revoke', 'withdraw'] as const;
export type AccessRequestAction = (typeof ACCESS_REQUEST_ACTIONS)[number];

/** Actions of the listing's owner side; the others are the requester's. */
export const OWNER_ACTIONS: readonly AccessRequestAction[] = ['approve', 'decline', 'revoke'];

export const ACCESS_REQUEST_WORKFLOW: Workflow<AccessRequestStatus, AccessRequestAction> = {
  transitions: [
    { from: 'pending', action: 'approve', to: 'approved', permission: 'exchange.listings.write' },
    { from: 'pending', action: 'decline', to: 'declined', permission: 'exchange.listings.write' },
    { from: 'approved', action: 'revoke', to: 'revoked', permission: 'exchange.listings.write' },
    { from: 'pending', action: 'withdraw', to: 'withdrawn', permission: 'exchange.access.request' },
    { from: 'approved', action: 'withdraw', to: 'withdrawn', permission: 'exchange.access.request' },
  ],
};
