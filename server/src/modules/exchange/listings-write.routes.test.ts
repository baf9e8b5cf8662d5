import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/src/dates.js';
import { clientFor, countRows, createTestApp, createUser, type Client, type TestApp, type TestUser } from '../../../test/harness.js';
import { vietnamToday } from '../catalog/index.js';
import { demandContent, insertListingFixture, offerContent } from './exchange.test-factory.js';
import { runListingHousekeeping } from './listings-housekeeping.service.js';
import * as q from './listings-write.queries.js';

let t: TestApp;
let supplier: TestUser;
let enterprise: TestUser;
let officer: TestUser;
let owner: Client;
let reader: Client;
let dost: Client;

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createUser(t.database, 'supplier_admin');
  enterprise = await createUser(t.database, 'enterprise_member');
  officer = await createUser(t.database, 'dost_officer');
  owner = await clientFor(t, supplier);
  reader = await clientFor(t, enterprise);
  dost = await clientFor(t, officer);
});
afterAll(() => t.close());

const CHECKED = { complete: true, notProhibited: true, notAdvertising: true, contactPolicy: true };

describe('listing routes', () => {
  it('create → edit → submit → publish over HTTP; script in rich text never stored', async () => {
    const created = await owner.post('/api/v1/exchange/my-listings', {
      visibility: 'public',
      content: offerContent({ description: { en: '<p>Safe</p><script>fetch("/steal")</script><p><a href="javascript:alert(1)">x</a></p>' } }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const detail = await owner.get(`/api/v1/exchange/my-listings/${id}`);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body.working.content.description)).not.toMatch(/script|javascript/);
    const saved = await owner.request('PUT', `/api/v1/exchange/my-listings/${id}`, { lockVersion: created.body.lockVersion, visibility: 'signed_in', content: offerContent({ title: { en: 'Edited title of the membrane reactor' } }) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const stale = await owner.request('PUT', `/api/v1/exchange/my-listings/${id}`, { lockVersion: created.body.lockVersion, visibility: 'public', content: offerContent() });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    const sent = await owner.post(`/api/v1/exchange/my-listings/${id}/submit`, { lockVersion: saved.body.lockVersion });
    expect(sent.body.status).toBe('in_review');

    const queue = await dost.get('/api/v1/exchange/review-queue?type=new&sort=submitted&order=asc&pageSize=100');
    expect(queue.status).toBe(200);
    expect(queue.body.items.some((item: { listingId: string }) => item.listingId === id)).toBe(true);
    const review = await dost.get(`/api/v1/exchange/reviews/${id}`);
    expect(review.status).toBe(200);
    expect(review.body.canDecide).toBe(true);
    const incomplete = await dost.post(`/api/v1/exchange/reviews/${id}/decision`, { lockVersion: sent.body.lockVersion, decision: 'publish', checklist: { ...CHECKED, contactPolicy: false } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.code).toBe('CHECKLIST_INCOMPLETE');
    const published = await dost.post(`/api/v1/exchange/reviews/${id}/decision`, { lockVersion: sent.body.lockVersion, decision: 'publish', checklist: CHECKED });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe('published');
    const mine = await owner.get('/api/v1/exchange/my-listings?status=published');
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(id);
    const csv = await dost.get('/api/v1/exchange/review-queue/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
  });

  it('bad input answers 400, never 500, and writes nothing', async () => {
    const before = await countRows(t.database, 'listings');
    for (const body of [{}, { content: { kind: 'offer' } }, { content: { ...demandContent(), timelineMonths: 'soon' } }, { content: offerContent(), organisationId: 'nope' }, { content: { ...offerContent(), title: { en: 'x'.repeat(5000) } } }]) {
      const res = await owner.post('/api/v1/exchange/my-listings', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await owner.get('/api/v1/exchange/my-listings/not-a-uuid')).status).toBe(400);
    expect((await dost.post('/api/v1/exchange/reviews/00000000-0000-4000-8000-000000000000/decision', { lockVersion: 0, decision: 'maybe', checklist: CHECKED })).status).toBe(400);
    expect(await countRows(t.database, 'listings')).toBe(before);
  });

  it('a reader reports; DOST upholds: the listing is taken down and the owner told', async () => {
    const listing = await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent() });
    const report = await reader.post(`/api/v1/exchange/listings/${listing.id}/reports`, { reason: 'advertising', details: '<b>only ads</b>' });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect((await reader.post(`/api/v1/exchange/listings/${listing.id}/reports`, { reason: 'other' })).body.code).toBe('REPORT_EXISTS');
    expect((await owner.post(`/api/v1/exchange/listings/${listing.id}/reports`, { reason: 'other' })).body.code).toBe('OWN_LISTING');
    const list = await dost.get('/api/v1/exchange/reports?status=open');
    expect(list.body.items.some((item: { id: string }) => item.id === report.body.id)).toBe(true);
    expect((await reader.get('/api/v1/exchange/reports')).status).toBe(403);
    const handled = await dost.post(`/api/v1/exchange/reports/${report.body.id}/handle`, { decision: 'uphold', note: 'Advertising only; describe the technology.' });
    expect(handled.body).toEqual({ status: 'upheld', listingStatus: 'returned' });
    expect((await dost.post(`/api/v1/exchange/reports/${report.body.id}/handle`, { decision: 'dismiss', note: 'Second thoughts' })).body.code).toBe('INVALID_TRANSITION');
    const history = await owner.get(`/api/v1/exchange/my-listings/${listing.id}`);
    expect(history.body.events.at(-1)).toMatchObject({ action: 'unpublish', note: 'Advertising only; describe the technology.' });
    const [n] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'exchange.listing_unpublished' AND user_id = $1`, [supplier.id]);
    expect(Number(n!.n)).toBe(1);
    // Taken down: the owner edits (a new revision) and submits again.
    const row = (await q.findListing(t.database.db, listing.id))!;
    const saved = await owner.request('PUT', `/api/v1/exchange/my-listings/${listing.id}`, { lockVersion: row.lockVersion, visibility: 'public', content: offerContent() });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await owner.post(`/api/v1/exchange/my-listings/${listing.id}/submit`, { lockVersion: saved.body.lockVersion });
    expect(sent.body.status).toBe('in_review');
  });
});

describe('runListingHousekeeping', () => {
  it('expires listings past their last day and reminds once, idempotently', async () => {
    const today = vietnamToday();
    const past = await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent(), validUntil: addDays(today, -1) });
    const ending = await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent(), validUntil: addDays(today, 20) });
    const later = await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent(), validUntil: addDays(today, 200) });
    const first = await runListingHousekeeping(t.database, t.config, today);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await q.findListing(t.database.db, past.id))!.status).toBe('expired');
    expect((await q.findListing(t.database.db, ending.id))!.expiryRemindedAt).not.toBeNull();
    expect((await q.findListing(t.database.db, later.id))!.expiryRemindedAt).toBeNull();
    expect(await runListingHousekeeping(t.database, t.config, today)).toEqual({ expired: 0, reminded: 0 });
    const [n] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'exchange.listing_expiring' AND user_id = $1`, [supplier.id]);
    expect(Number(n!.n)).toBe(1);
    // An expired listing may be renewed by its owner.
    const expired = (await q.findListing(t.database.db, past.id))!;
    const renewed = await owner.post(`/api/v1/exchange/my-listings/${past.id}/renew`, { lockVersion: expired.lockVersion });
    expect(renewed.body.status).toBe('published');
  });
});
