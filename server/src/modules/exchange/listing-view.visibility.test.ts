import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visibility } from '../../../../common/src/api/exchange-listings.js';
import { Client, clientFor, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { insertListingFixture, offerContent } from './exchange.test-factory.js';

/**
 * Visibility of the detail routes (issue 4 §2): every reader (anonymous, signed-in outsider, requester pending /
 * approved / declined, owner, DOST) against every visibility level, for the listing view and its files, and a listing
 * that is not published. The secret in the description and the PDF must never reach a reader who may not see them.
 */
const SECRET = 'SECRET-OPERATING-PARAMETERS-42';
const PDF = Buffer.from(`%PDF-1.7\n%${SECRET}\n%%EOF\n`, 'latin1');

type Reader = 'anonymous' | 'outsider' | 'pending' | 'approved' | 'declined' | 'owner' | 'dost';
const READERS: Reader[] = ['anonymous', 'outsider', 'pending', 'approved', 'declined', 'owner', 'dost'];

/** Who sees the detail at each level. */
const EXPECTED: Record<Visibility, Reader[]> = {
  public: READERS,
  signed_in: ['outsider', 'pending', 'approved', 'declined', 'owner', 'dost'],
  on_request: ['approved', 'owner', 'dost'],
};

let t: TestApp;
let ownerUser: TestUser;
const clients = {} as Record<Reader, Client>;
const listings = {} as Record<Visibility | 'draft', { id: string; fileId: string }>;

async function publishWithFile(visibility: Visibility, status: 'published' | 'draft' = 'published') {
  const row = await insertListingFixture(t.database, { ownerUserId: ownerUser.id, ownerOrganisationId: ownerUser.organisationId, content: offerContent({ description: { en: `<p>${SECRET}</p>` } }), visibility, status });
  const upload = await clients.owner.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'drawing.pdf', content: PDF });
  expect(upload.status).toBe(201);
  const revisionId = row.publishedRevisionId ?? row.workingRevisionId;
  await t.database.db.execute(sql`UPDATE listing_revisions SET content = jsonb_set(content, '{fileIds}', ${JSON.stringify([upload.body.id])}::jsonb) WHERE id = ${revisionId}`);
  return { id: row.id, fileId: upload.body.id as string };
}

beforeAll(async () => {
  t = await createTestApp();
  ownerUser = await createUser(t.database, 'supplier_admin');
  clients.owner = await clientFor(t, ownerUser);
  clients.anonymous = new Client(t.app);
  clients.outsider = await clientFor(t, await createUser(t.database, 'enterprise_admin'));
  clients.pending = await clientFor(t, await createUser(t.database, 'enterprise_member'));
  clients.approved = await clientFor(t, await createUser(t.database, 'expert'));
  clients.declined = await clientFor(t, await createUser(t.database, 'enterprise_admin'));
  clients.dost = await clientFor(t, await createUser(t.database, 'dost_officer'));
  for (const visibility of ['public', 'signed_in', 'on_request'] as const) listings[visibility] = await publishWithFile(visibility);
  listings.draft = await publishWithFile('on_request', 'draft');
  // The three requesters ask for the on-request listing; the owner decides.
  const onRequest = listings.on_request.id;
  for (const reader of ['pending', 'approved', 'declined'] as const) {
    const asked = await clients[reader].post(`/api/v1/exchange/listings/${onRequest}/access-requests`, { ndaAcknowledged: true, message: 'Seafood processor in Hai Phong' });
    expect(asked.status).toBe(201);
    if (reader !== 'pending') expect((await clients.owner.post(`/api/v1/exchange/access-requests/${asked.body.id}/${reader === 'approved' ? 'approve' : 'decline'}`, {})).status).toBe(200);
  }
});
afterAll(async () => t.close());

describe('listing view and files: every reader × every visibility', () => {
  for (const visibility of ['public', 'signed_in', 'on_request'] as const) {
    for (const reader of READERS) {
      const sees = EXPECTED[visibility].includes(reader);
      it(`${visibility} listing, ${reader}: ${sees ? 'detail and files' : 'teaser only'}`, async () => {
        const { id, fileId } = listings[visibility];
        const view = await clients[reader].get(`/api/v1/exchange/listings/${id}`);
        expect(view.status).toBe(200);
        expect(view.body.teaser.id).toBe(id);
        expect(view.body.access.canSeeDetail).toBe(sees);
        expect(JSON.stringify(view.body).includes(SECRET)).toBe(sees);
        if (sees) expect(view.body.detail.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
        else expect(view.body.detail).toBeNull();
        const file = await clients[reader].get(`/api/v1/exchange/listings/${id}/files/${fileId}`);
        expect(file.status).toBe(sees ? 200 : reader === 'anonymous' ? 401 : 403);
        expect(String(file.body).includes(SECRET)).toBe(sees);
      });
    }
  }

  it('the access reason tells each reader of an on-request listing what they can do', async () => {
    const reasons: Partial<Record<Reader, string>> = { anonymous: 'sign_in_required', outsider: 'request_required', pending: 'request_pending', approved: 'granted', declined: 'request_declined', owner: 'owner', dost: 'staff' };
    for (const [reader, reason] of Object.entries(reasons)) {
      const view = await clients[reader as Reader].get(`/api/v1/exchange/listings/${listings.on_request.id}`);
      expect(view.body.access.reason, reader).toBe(reason);
    }
  });

  it('a listing never published is NOT_FOUND for everyone but its owner and DOST (view and files)', async () => {
    const { id, fileId } = listings.draft;
    for (const reader of READERS) {
      const allowed = reader === 'owner' || reader === 'dost';
      expect((await clients[reader].get(`/api/v1/exchange/listings/${id}`)).status, reader).toBe(allowed ? 200 : 404);
      expect((await clients[reader].get(`/api/v1/exchange/listings/${id}/files/${fileId}`)).status, reader).toBe(allowed ? 200 : 404);
    }
  });

  it('an unknown or malformed id is 404 or 400, never 500', async () => {
    expect((await clients.outsider.get('/api/v1/exchange/listings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await clients.outsider.get('/api/v1/exchange/listings/%3Cscript%3E')).status).toBe(400);
    expect((await clients.outsider.get(`/api/v1/exchange/listings/${listings.public.id}/files/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('the file list for the edit form is the owner’s and DOST’s only', async () => {
    for (const reader of READERS) {
      const expected = reader === 'owner' || reader === 'dost' ? 200 : reader === 'anonymous' ? 401 : 403;
      expect((await clients[reader].get(`/api/v1/exchange/listings/${listings.on_request.id}/files`)).status, reader).toBe(expected);
    }
  });

  it('detail views of non-public listings are audited (not the owner’s own)', async () => {
    const before = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'exchange.listing.detail_view'`);
    await clients.approved.get(`/api/v1/exchange/listings/${listings.on_request.id}`);
    await clients.owner.get(`/api/v1/exchange/listings/${listings.on_request.id}`);
    await clients.anonymous.get(`/api/v1/exchange/listings/${listings.public.id}`);
    const after = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'exchange.listing.detail_view'`);
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
  });
});
