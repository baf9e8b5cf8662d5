import { createUser } from '../harness.js';
import { demandContent, insertListingFixture, offerContent } from '../../src/modules/exchange/exchange.test-factory.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';

/**
 * Matching: a listing's matches for its owner (exchange.listings.write, own listing) or DOST (exchange.matching); the
 * board, its export and suggestions for DOST; the suggestions received for owners.
 */
const PARTIES: Caller[] = ['enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert'];
const DOST: Caller[] = ['dost_officer', 'dost_leader'];

/** A published demand owned by the caller when the caller is a party, else by a new enterprise. */
async function demandFor(fx: Fixtures): Promise<string> {
  const owner = fx.me && PARTIES.includes(fx.me.role) ? fx.me : await createUser(fx.t.database, 'enterprise_member');
  const row = await insertListingFixture(fx.t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content: demandContent() });
  return row.id;
}

async function freshPair(fx: Fixtures): Promise<{ offerListingId: string; demandListingId: string }> {
  const supplier = await createUser(fx.t.database, 'supplier_member');
  const offer = await insertListingFixture(fx.t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent() });
  return { offerListingId: offer.id, demandListingId: await demandFor({ ...fx, me: null }) };
}

export const exchangeMatchingMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/exchange/listings/{id}/matches': { allow: [...PARTIES, ...DOST], request: async (fx) => ({ url: `/api/v1/exchange/listings/${await demandFor(fx)}/matches?limit=5` }) },
  'GET /api/v1/exchange/matching/board': { allow: DOST, request: () => ({ url: '/api/v1/exchange/matching/board?maxAgeDays=30&pageSize=5' }) },
  'GET /api/v1/exchange/matching/board/export': { allow: DOST, request: () => ({ url: '/api/v1/exchange/matching/board/export?format=csv' }) },
  'POST /api/v1/exchange/matching/suggestions': { allow: DOST, request: async (fx) => ({ url: '/api/v1/exchange/matching/suggestions', body: { ...(await freshPair(fx)), note: 'Gợi ý kết nối.' } }) },
  'GET /api/v1/exchange/matching/suggestions': { allow: PARTIES, request: () => ({ url: '/api/v1/exchange/matching/suggestions?page=1' }) },
};
