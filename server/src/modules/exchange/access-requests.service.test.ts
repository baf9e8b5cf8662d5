import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor } from '../cases/cases.fixtures.js';
import { decideAccessRequest, exportAccessRequests, listAccessRequests, requestAccess } from './access-requests.service.js';
import { insertListingFixture, offerContent } from './exchange.test-factory.js';
import { getListingView } from './listing-view.service.js';

let t: TestApp;
let owner: TestUser;
let colleague: TestUser;
let requester: TestUser;
let outsider: TestUser;
let officer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.database, 'supplier_admin');
  colleague = await createUser(t.database, 'supplier_member', { organisationId: owner.organisationId! });
  requester = await createUser(t.database, 'enterprise_admin');
  outsider = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
});
afterAll(async () => t.close());

const ctx = (user: TestUser) => ctxFor(t, actorOf(user));

async function onRequestListing(visibility: 'on_request' | 'public' = 'on_request') {
  return insertListingFixture(t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content: offerContent({ price: { kind: 'range', min: 123456, max: 234567, currency: 'USD' } }), visibility });
}

async function notificationsOf(userId: string, kind: string) {
  return t.database.query<{ params: Record<string, unknown>; link: string }>(`SELECT params, link FROM notifications WHERE user_id = $1 AND kind = $2`, [userId, kind]);
}

describe('access requests', () => {
  it('happy path: request with the NDA acknowledged → the owner side is notified → approved → the requester reads the detail', async () => {
    const listing = await onRequestListing();
    const before = await getListingView(ctx(requester), { listingId: listing.id });
    expect(before.detail).toBeNull();
    expect(before.access.reason).toBe('request_required');

    const request = await requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true, message: 'Seafood processor' });
    expect(request.status).toBe('pending');
    expect(request.ndaStatement).toMatch(/third party/);
    expect(request.actions).toEqual(['withdraw']);
    for (const user of [owner, colleague]) {
      const sent = await notificationsOf(user.id, 'exchange.access_requested');
      expect(sent).toHaveLength(1);
      expect(JSON.stringify(sent[0]!.params)).not.toMatch(/123456|234567/);
    }
    expect((await getListingView(ctx(requester), { listingId: listing.id })).access.reason).toBe('request_pending');

    const inbox = await listAccessRequests(ctx(colleague), 'incoming', { page: 1, pageSize: 20, order: 'desc', sort: 'createdAt', listingId: listing.id });
    expect(inbox.items.map((item) => item.id)).toEqual([request.id]);
    expect(inbox.items[0]!.actions).toEqual(['approve', 'decline']);

    const approved = await decideAccessRequest(ctx(colleague), { requestId: request.id, action: 'approve', note: 'Welcome' });
    expect(approved.status).toBe('approved');
    expect(await notificationsOf(requester.id, 'exchange.access_approved')).toHaveLength(1);
    const after = await getListingView(ctx(requester), { listingId: listing.id });
    expect(after.access.reason).toBe('granted');
    expect(after.detail?.content.kind).toBe('offer');

    const audit = await t.database.query<{ action: string }>(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY id`, [request.id]);
    expect(audit.map((row) => row.action)).toEqual(['exchange.access.request', 'exchange.access.approve']);

    const mine = await exportAccessRequests(ctx(requester), 'mine', { format: 'csv', order: 'desc', sort: 'createdAt' });
    expect(mine.rows.map((row) => row.id)).toContain(request.id);
  });

  it('declined, then revoked after a new approval; the requester may withdraw', async () => {
    const listing = await onRequestListing();
    const first = await requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true });
    await decideAccessRequest(ctx(owner), { requestId: first.id, action: 'decline' });
    expect(await notificationsOf(requester.id, 'exchange.access_declined')).not.toHaveLength(0);
    expect((await getListingView(ctx(requester), { listingId: listing.id })).access.reason).toBe('request_declined');
    const second = await requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true });
    await decideAccessRequest(ctx(owner), { requestId: second.id, action: 'approve' });
    await decideAccessRequest(ctx(owner), { requestId: second.id, action: 'revoke' });
    expect((await getListingView(ctx(requester), { listingId: listing.id })).detail).toBeNull();
    const third = await requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true });
    expect((await decideAccessRequest(ctx(requester), { requestId: third.id, action: 'withdraw' })).status).toBe('withdrawn');
  });

  it('refuses without the NDA acknowledgement, on one’s own listing, twice, and on a listing that is not on request (nothing written)', async () => {
    const listing = await onRequestListing();
    const before = await countRows(t.database, 'listing_access_requests');
    await expect(requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: false })).rejects.toMatchObject({ code: 'NDA_NOT_ACKNOWLEDGED' });
    await expect(requestAccess(ctx(colleague), { listingId: listing.id, ndaAcknowledged: true })).rejects.toMatchObject({ code: 'OWN_LISTING' });
    await expect(requestAccess(ctx(requester), { listingId: (await onRequestListing('public')).id, ndaAcknowledged: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await countRows(t.database, 'listing_access_requests')).toBe(before);
    await requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true });
    await expect(requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true })).rejects.toMatchObject({ code: 'ACCESS_REQUEST_EXISTS' });
    expect(await countRows(t.database, 'listing_access_requests')).toBe(before + 1);
  });

  it('denied: an outsider or the requester cannot decide, DOST has no owner permission, nothing changes', async () => {
    const listing = await onRequestListing();
    const request = await requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true });
    const audits = await countRows(t.database, 'audit_events');
    await expect(decideAccessRequest(ctx(outsider), { requestId: request.id, action: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideAccessRequest(ctx(requester), { requestId: request.id, action: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideAccessRequest(ctx(officer), { requestId: request.id, action: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideAccessRequest(ctx(outsider), { requestId: request.id, action: 'withdraw' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await countRows(t.database, 'audit_events')).toBe(audits);
    const [row] = await t.database.query<{ status: string }>(`SELECT status FROM listing_access_requests WHERE id = $1`, [request.id]);
    expect(row!.status).toBe('pending');
    const outsiderInbox = await listAccessRequests(ctx(outsider), 'incoming', { page: 1, pageSize: 20, order: 'desc', sort: 'createdAt' });
    expect(outsiderInbox.items).toEqual([]);
  });

  it('illegal transitions: approve twice, revoke a pending request, withdraw a declined one', async () => {
    const listing = await onRequestListing();
    const request = await requestAccess(ctx(requester), { listingId: listing.id, ndaAcknowledged: true });
    await expect(decideAccessRequest(ctx(owner), { requestId: request.id, action: 'revoke' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await decideAccessRequest(ctx(owner), { requestId: request.id, action: 'decline' });
    await expect(decideAccessRequest(ctx(owner), { requestId: request.id, action: 'approve' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(decideAccessRequest(ctx(requester), { requestId: request.id, action: 'withdraw' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('bad input over HTTP is 4xx, never 500', async () => {
    const client = await clientFor(t, requester);
    const listing = await onRequestListing();
    const base = `/api/v1/exchange/listings/${listing.id}/access-requests`;
    expect((await client.post(base, { ndaAcknowledged: 'yes' })).status).toBe(400);
    expect((await client.post(base, { ndaAcknowledged: true, message: 'x'.repeat(2001) })).status).toBe(400);
    expect((await client.post(base, { ndaAcknowledged: false })).status).toBe(400);
    expect((await client.post('/api/v1/exchange/listings/nope/access-requests', { ndaAcknowledged: true })).status).toBe(400);
    expect((await client.post('/api/v1/exchange/access-requests/00000000-0000-4000-8000-000000000000/approve', {})).status).toBe(404);
    expect((await client.get('/api/v1/exchange/access-requests/mine?status=bogus&pageSize=9999')).status).toBe(400);
    expect((await client.get('/api/v1/exchange/access-requests/mine/export?format=pdf')).status).toBe(400);
    expect((await new Client(t.app).post(base, { ndaAcknowledged: true })).status).toBe(401);
    const nda = await new Client(t.app).get('/api/v1/exchange/nda-statement');
    expect(nda.status).toBe(200);
    expect(nda.body.text.length).toBeGreaterThan(20);
  });
});
