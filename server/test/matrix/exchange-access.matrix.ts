import { sql } from 'drizzle-orm';
import { ROLES } from '../../../common/src/roles.js';
import { actorOf, ctxFor } from '../../src/modules/cases/cases.fixtures.js';
import { decideAccessRequest, requestAccess } from '../../src/modules/exchange/access-requests.service.js';
import { insertListingFixture, offerContent } from '../../src/modules/exchange/exchange.test-factory.js';
import { uploadListingFile } from '../../src/modules/exchange/listing-files.service.js';
import type { Visibility } from '../../../common/src/api/exchange-listings.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';
import { createUser, type TestUser } from '../harness.js';

/**
 * Listing view, files and access requests (issue 4 §2). Reads follow the listing's visibility; uploads and the
 * owner's decisions belong to the listing's owner side (exchange.listings.write), the file list also to DOST
 * moderators; requests and withdrawals to every signed-in role. A refused caller aims at another party's listing.
 */
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
const SIGNED_IN: Caller[] = [...ROLES];
const PARTIES: Caller[] = ['enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert'];
const DOST: Caller[] = ['dost_officer', 'dost_leader'];
const PDF = Buffer.from('%PDF-1.7\n%matrix\n%%EOF\n', 'latin1');

const isParty = (fx: Fixtures): fx is Fixtures & { me: TestUser } => fx.me !== null && PARTIES.includes(fx.me.role);

/** A published listing owned by the caller when `mine` and the caller is a party, else by a new supplier. */
async function listingFor(fx: Fixtures, options: { mine?: boolean; visibility?: Visibility } = {}) {
  const owner = options.mine && isParty(fx) ? fx.me : await createUser(fx.t.database, 'supplier_admin');
  const listing = await insertListingFixture(fx.t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content: offerContent(), visibility: options.visibility ?? 'public' });
  return { owner, listing };
}

async function listingWithFile(fx: Fixtures, visibility: Visibility) {
  const { owner, listing } = await listingFor(fx, { visibility });
  const file = await uploadListingFile(ctxFor(fx.t, actorOf(owner)), { listingId: listing.id, file: { buffer: PDF, filename: 'sheet.pdf' } });
  await fx.t.database.db.execute(sql`UPDATE listing_revisions SET content = jsonb_set(content, '{fileIds}', ${JSON.stringify([file.id])}::jsonb) WHERE id = ${listing.publishedRevisionId}`);
  return `/api/v1/exchange/listings/${listing.id}/files/${file.id}`;
}

/** A pending access request on an on-request listing: owned by the caller (`owner`) or sent by the caller (`requester`). */
async function requestFor(fx: Fixtures, side: 'owner' | 'requester', approved = false) {
  const { owner, listing } = await listingFor(fx, { mine: side === 'owner', visibility: 'on_request' });
  // DOST moderators read every listing already: they never hold a request of their own.
  const requester = side === 'requester' && fx.me && !DOST.includes(fx.me.role) ? fx.me : await createUser(fx.t.database, 'enterprise_admin');
  const request = await requestAccess(ctxFor(fx.t, actorOf(requester)), { listingId: listing.id, ndaAcknowledged: true });
  if (approved) await decideAccessRequest(ctxFor(fx.t, actorOf(owner)), { requestId: request.id, action: 'approve' });
  return request.id;
}

const decision = (action: string) => `/api/v1/exchange/access-requests/{id}/${action}`;

export const exchangeAccessMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/exchange/listings/{id}': { allow: EVERYONE, request: async (fx) => ({ url: `/api/v1/exchange/listings/${(await listingFor(fx)).listing.id}` }) },
  'POST /api/v1/exchange/listings/{id}/files': { allow: PARTIES, request: async (fx) => ({ url: `/api/v1/exchange/listings/${(await listingFor(fx, { mine: true })).listing.id}/files`, body: {} }) },
  'GET /api/v1/exchange/listings/{id}/files': { allow: [...PARTIES, ...DOST], request: async (fx) => ({ url: `/api/v1/exchange/listings/${(await listingFor(fx, { mine: true })).listing.id}/files` }) },
  'GET /api/v1/exchange/listings/{id}/files/{fileId}': { allow: SIGNED_IN, request: async (fx) => ({ url: await listingWithFile(fx, 'signed_in') }) },
  'GET /api/v1/exchange/nda-statement': { allow: EVERYONE, request: () => ({ url: '/api/v1/exchange/nda-statement' }) },
  'POST /api/v1/exchange/listings/{id}/access-requests': {
    allow: SIGNED_IN,
    request: async (fx) => ({ url: `/api/v1/exchange/listings/${(await listingFor(fx, { visibility: 'on_request' })).listing.id}/access-requests`, body: { ndaAcknowledged: true, message: 'Seafood processor' } }),
  },
  [`POST ${decision('approve')}`]: { allow: PARTIES, request: async (fx) => ({ url: decision('approve').replace('{id}', await requestFor(fx, 'owner')), body: {} }) },
  [`POST ${decision('decline')}`]: { allow: PARTIES, request: async (fx) => ({ url: decision('decline').replace('{id}', await requestFor(fx, 'owner')), body: { note: 'Not now' } }) },
  [`POST ${decision('revoke')}`]: { allow: PARTIES, request: async (fx) => ({ url: decision('revoke').replace('{id}', await requestFor(fx, 'owner', true)), body: {} }) },
  [`POST ${decision('withdraw')}`]: { allow: SIGNED_IN.filter((caller) => !DOST.includes(caller)), request: async (fx) => ({ url: decision('withdraw').replace('{id}', await requestFor(fx, 'requester')), body: {} }) },
  'GET /api/v1/exchange/access-requests/incoming': { allow: PARTIES, request: () => ({ url: '/api/v1/exchange/access-requests/incoming?status=pending&sort=createdAt&order=desc' }) },
  'GET /api/v1/exchange/access-requests/incoming/export': { allow: PARTIES, request: () => ({ url: '/api/v1/exchange/access-requests/incoming/export?format=xlsx' }) },
  'GET /api/v1/exchange/access-requests/mine': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/exchange/access-requests/mine?q=CB&sort=decidedAt' }) },
  'GET /api/v1/exchange/access-requests/mine/export': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/exchange/access-requests/mine/export?format=csv' }) },
};
