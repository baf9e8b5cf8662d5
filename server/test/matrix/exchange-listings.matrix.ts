import { actorOf, ctxFor } from '../../src/modules/cases/cases.fixtures.js';
import { insertListingFixture, offerContent } from '../../src/modules/exchange/exchange.test-factory.js';
import { createListing, submitListing } from '../../src/modules/exchange/listings-write.service.js';
import { reportListing } from '../../src/modules/exchange/reports-handling.service.js';
import { ROLES } from '../../../common/src/roles.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';
import { createUser, type TestUser } from '../harness.js';

/**
 * Listings & review (issue 4 §1, §3). Writers (exchange.listings.write: enterprise, supplier, expert) act on their own
 * listings; every other caller aims at another owner's listing (refused: 401/403, or 404 for a writer who is not the
 * owner of a draft). DOST (exchange.listings.review) reviews and handles reports. Every signed-in user reports.
 */
const WRITERS: Caller[] = ['enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert'];
const REVIEWERS: Caller[] = ['dost_officer', 'dost_leader'];
const SIGNED_IN: Caller[] = [...ROLES];
const CHECKED = { complete: true, notProhibited: true, notAdvertising: true, contactPolicy: true };

const isWriter = (fx: Fixtures): fx is Fixtures & { me: TestUser } => fx.me !== null && WRITERS.includes(fx.me.role);

/** A draft of the caller when a writer, else of another supplier; `submitted` sends it to review. */
async function draftFor(fx: Fixtures, options: { submitted?: boolean; own?: boolean } = {}) {
  const owner = isWriter(fx) && options.own !== false ? fx.me : await createUser(fx.t.database, 'supplier_admin');
  const ctx = ctxFor(fx.t, actorOf(owner));
  const state = await createListing(ctx, { content: offerContent() });
  return options.submitted ? submitListing(ctx, { listingId: state.id, lockVersion: state.lockVersion }) : state;
}

/** A published listing of the caller when a writer (renewal is then due: its last day is in ten days). */
async function publishedFor(fx: Fixtures, validUntil?: string) {
  const owner = isWriter(fx) ? fx.me : await createUser(fx.t.database, 'supplier_admin');
  return insertListingFixture(fx.t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content: offerContent(), ...(validUntil ? { validUntil } : {}) });
}

async function openReport(fx: Fixtures) {
  const owner = await createUser(fx.t.database, 'supplier_admin');
  const reporter = await createUser(fx.t.database, 'enterprise_member');
  const listing = await insertListingFixture(fx.t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content: offerContent() });
  return reportListing(ctxFor(fx.t, actorOf(reporter)), { listingId: listing.id, reason: 'advertising', details: 'Only a product advertisement' });
}

const soon = () => new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
const mine = (id: string, rest = '') => `/api/v1/exchange/my-listings/${id}${rest}`;

export const exchangeListingsMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/exchange/my-listings': { allow: WRITERS, request: () => ({ url: '/api/v1/exchange/my-listings?status=draft&kind=offer&sort=reference' }) },
  'POST /api/v1/exchange/my-listings': { allow: WRITERS, request: () => ({ url: '/api/v1/exchange/my-listings', body: { visibility: 'public', content: offerContent() } }) },
  'GET /api/v1/exchange/my-listings/{id}': { allow: WRITERS, request: async (fx) => ({ url: mine((await draftFor(fx)).id) }) },
  'PUT /api/v1/exchange/my-listings/{id}': {
    allow: WRITERS,
    request: async (fx) => {
      const state = await draftFor(fx);
      return { url: mine(state.id), body: { lockVersion: state.lockVersion, visibility: 'signed_in', content: offerContent() } };
    },
  },
  'POST /api/v1/exchange/my-listings/{id}/submit': {
    allow: WRITERS,
    request: async (fx) => {
      const state = await draftFor(fx);
      return { url: mine(state.id, '/submit'), body: { lockVersion: state.lockVersion } };
    },
  },
  'POST /api/v1/exchange/my-listings/{id}/discard': {
    allow: WRITERS,
    request: async (fx) => {
      const listing = await publishedFor(fx);
      const owner = isWriter(fx) ? fx.me : null;
      if (!owner) return { url: mine(listing.id, '/discard'), body: { lockVersion: listing.lockVersion } };
      const { updateDraft } = await import('../../src/modules/exchange/listings-write.service.js');
      const state = await updateDraft(ctxFor(fx.t, actorOf(owner)), { listingId: listing.id, lockVersion: listing.lockVersion, visibility: 'public', content: offerContent() });
      return { url: mine(listing.id, '/discard'), body: { lockVersion: state.lockVersion } };
    },
  },
  'POST /api/v1/exchange/my-listings/{id}/renew': {
    allow: WRITERS,
    request: async (fx) => {
      const listing = await publishedFor(fx, soon());
      return { url: mine(listing.id, '/renew'), body: { lockVersion: listing.lockVersion } };
    },
  },
  'POST /api/v1/exchange/my-listings/{id}/withdraw': {
    allow: WRITERS,
    request: async (fx) => {
      const state = await draftFor(fx);
      return { url: mine(state.id, '/withdraw'), body: { lockVersion: state.lockVersion, reason: 'No longer offered' } };
    },
  },
  'GET /api/v1/exchange/review-queue': { allow: REVIEWERS, request: () => ({ url: '/api/v1/exchange/review-queue?kind=offer&type=new&minAgeDays=0&sort=submitted&order=asc' }) },
  'GET /api/v1/exchange/review-queue/export': { allow: REVIEWERS, request: () => ({ url: '/api/v1/exchange/review-queue/export?format=xlsx' }) },
  'GET /api/v1/exchange/reviews/{id}': { allow: REVIEWERS, request: async (fx) => ({ url: `/api/v1/exchange/reviews/${(await draftFor(fx, { submitted: true, own: false })).id}` }) },
  'POST /api/v1/exchange/reviews/{id}/decision': {
    allow: REVIEWERS,
    request: async (fx) => {
      const state = await draftFor(fx, { submitted: true, own: false });
      return { url: `/api/v1/exchange/reviews/${state.id}/decision`, body: { lockVersion: state.lockVersion, decision: 'publish', checklist: CHECKED } };
    },
  },
  'POST /api/v1/exchange/listings/{id}/reports': {
    allow: SIGNED_IN,
    request: async (fx) => {
      const owner = await createUser(fx.t.database, 'supplier_admin');
      const listing = await insertListingFixture(fx.t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content: offerContent() });
      return { url: `/api/v1/exchange/listings/${listing.id}/reports`, body: { reason: 'misleading', details: 'The TRL is overstated' } };
    },
  },
  'GET /api/v1/exchange/reports': { allow: REVIEWERS, request: () => ({ url: '/api/v1/exchange/reports?status=open&reason=advertising&kind=offer' }) },
  'GET /api/v1/exchange/reports/export': { allow: REVIEWERS, request: () => ({ url: '/api/v1/exchange/reports/export?format=csv&status=open' }) },
  'POST /api/v1/exchange/reports/{id}/handle': { allow: REVIEWERS, request: async (fx) => ({ url: `/api/v1/exchange/reports/${(await openReport(fx)).id}/handle`, body: { decision: 'uphold', note: 'Advertising only; please describe the technology.' } }) },
};
