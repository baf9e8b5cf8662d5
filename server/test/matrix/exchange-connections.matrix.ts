import { vietnamToday } from '../../src/modules/catalog/index.js';
import { actorOf, ctxFor } from '../../src/modules/cases/cases.fixtures.js';
import { postConnectionMessage } from '../../src/modules/exchange/connections-thread.service.js';
import { decideConnection, expressInterest } from '../../src/modules/exchange/connections.service.js';
import { insertListingFixture, offerContent } from '../../src/modules/exchange/exchange.test-factory.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';
import { createUser, type TestUser } from '../harness.js';

/**
 * Connections (exchange.connect: enterprise, supplier, expert). A party acts on a connection it is part of: the owner
 * side answers (accept/decline) on its own listing, the initiator side withdraws, writes, downloads and records
 * outcomes. Every other caller aims at a connection between two other organisations (refused: 401/403, or 404 for a
 * party role that is not part of it).
 */
const PARTIES: Caller[] = ['enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert'];
const ANSWERS = { cooperationSought: 'Licence with equipment and training', missingInformation: 'Operating cost', aboutUs: 'Seafood processor in Hải Phòng' };
const PDF = Buffer.from('%PDF-1.7\n%attachment\n%%EOF\n', 'latin1');

const isParty = (fx: Fixtures): fx is Fixtures & { me: TestUser } => fx.me !== null && PARTIES.includes(fx.me.role);

async function someOffer(fx: Fixtures, owner?: TestUser) {
  const user = owner ?? (await createUser(fx.t.database, 'supplier_admin'));
  return insertListingFixture(fx.t.database, { ownerUserId: user.id, ownerOrganisationId: user.organisationId, content: offerContent() });
}

/**
 * A connection for the caller's test: with the caller on `side` when it is a party, else between two others.
 * `accepted` brings it past the owner's answer; `attachment` adds an owner-side message with a PDF.
 */
async function connectionFor(fx: Fixtures, side: 'owner' | 'initiator', options: { accepted?: boolean; attachment?: boolean } = {}) {
  const party = isParty(fx) ? fx.me : null;
  const owner = party && side === 'owner' ? party : await createUser(fx.t.database, 'supplier_admin');
  const initiator = party && side === 'initiator' ? party : await createUser(fx.t.database, 'enterprise_admin');
  const listing = await someOffer(fx, owner);
  const { id } = await expressInterest(ctxFor(fx.t, actorOf(initiator)), { listingId: listing.id, ...ANSWERS });
  let fileId = '';
  if (options.accepted) {
    await decideConnection(ctxFor(fx.t, actorOf(owner)), { id, decision: 'accept', lockVersion: 0 });
    if (options.attachment) {
      const message = await postConnectionMessage(ctxFor(fx.t, actorOf(owner)), { id, body: 'Our brochure', files: [{ buffer: PDF, filename: 'brochure.pdf' }] });
      fileId = message.attachments[0]!.id;
    }
  }
  return { id, fileId };
}

const url = (id: string, rest = '') => `/api/v1/exchange/connections/${id}${rest}`;

export const exchangeConnectionsMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/exchange/listings/{id}/interest': { allow: PARTIES, request: async (fx) => ({ url: `/api/v1/exchange/listings/${(await someOffer(fx)).id}/interest` }) },
  'POST /api/v1/exchange/listings/{id}/interest': { allow: PARTIES, request: async (fx) => ({ url: `/api/v1/exchange/listings/${(await someOffer(fx)).id}/interest`, body: ANSWERS }) },
  'GET /api/v1/exchange/connections': { allow: PARTIES, request: () => ({ url: '/api/v1/exchange/connections?direction=all&status=pending&sort=reply_due' }) },
  'GET /api/v1/exchange/connections/export': { allow: PARTIES, request: () => ({ url: '/api/v1/exchange/connections/export?format=xlsx&direction=sent' }) },
  'GET /api/v1/exchange/connections/{id}': { allow: PARTIES, request: async (fx) => ({ url: url((await connectionFor(fx, 'initiator')).id) }) },
  'POST /api/v1/exchange/connections/{id}/accept': { allow: PARTIES, request: async (fx) => ({ url: url((await connectionFor(fx, 'owner')).id, '/accept'), body: { lockVersion: 0 } }) },
  'POST /api/v1/exchange/connections/{id}/decline': { allow: PARTIES, request: async (fx) => ({ url: url((await connectionFor(fx, 'owner')).id, '/decline'), body: { lockVersion: 0, reason: 'Not now' } }) },
  'POST /api/v1/exchange/connections/{id}/withdraw': { allow: PARTIES, request: async (fx) => ({ url: url((await connectionFor(fx, 'initiator')).id, '/withdraw'), body: { lockVersion: 0 } }) },
  'POST /api/v1/exchange/connections/{id}/messages': {
    allow: PARTIES,
    request: async (fx) => ({ url: url((await connectionFor(fx, 'initiator', { accepted: true })).id, '/messages'), body: { body: 'When can we visit the pilot plant?' } }),
  },
  'GET /api/v1/exchange/connections/{id}/attachments/{fileId}': {
    allow: PARTIES,
    request: async (fx) => {
      const { id, fileId } = await connectionFor(fx, 'initiator', { accepted: true, attachment: true });
      return { url: url(id, `/attachments/${fileId}`) };
    },
  },
  'POST /api/v1/exchange/connections/{id}/outcomes': {
    allow: PARTIES,
    request: async (fx) => ({ url: url((await connectionFor(fx, 'initiator', { accepted: true })).id, '/outcomes'), body: { outcome: 'meeting_held', occurredOn: vietnamToday(), note: 'Visit' } }),
  },
};
