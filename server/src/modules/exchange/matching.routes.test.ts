import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { demandContent, insertListingFixture, offerContent } from './exchange.test-factory.js';
import type { ListingRow } from './exchange.tables.js';

let t: TestApp;
let supplier: TestUser;
let enterprise: TestUser;
let officer: TestUser;
let offer: ListingRow;
let demand: ListingRow;

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createUser(t.database, 'supplier_admin');
  enterprise = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  offer = await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent({ keywords: ['wastewater', 'membrane'], catalogItemCodes: ['1.7.1'] }) });
  demand = await insertListingFixture(t.database, {
    ownerUserId: enterprise.id,
    ownerOrganisationId: enterprise.organisationId,
    content: demandContent({ keywords: ['nước thải', 'membrane'], catalogItemCodes: ['1.7.1'] }),
  });
});
afterAll(() => t.close());

describe('GET /api/v1/exchange/listings/:id/matches', () => {
  it('answers the owner with ranked matches and reason codes, not sentences', async () => {
    const res = await (await clientFor(t, enterprise)).get(`/api/v1/exchange/listings/${demand.id}/matches?limit=5`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body.listing.id).toBe(demand.id);
    const item = res.body.items.find((i: { listing: { id: string } }) => i.listing.id === offer.id);
    expect(item.score).toBeGreaterThan(0);
    expect(item.reasons.map((r: { code: string }) => r.code)).toContain('catalog_items');
    expect(JSON.stringify(res.body)).not.toContain('confidential operating parameters');
  });

  it('refuses a visitor (401) and another party (403); bad input is a 400', async () => {
    expect((await new Client(t.app).get(`/api/v1/exchange/listings/${demand.id}/matches`)).status).toBe(401);
    expect((await (await clientFor(t, supplier)).get(`/api/v1/exchange/listings/${demand.id}/matches`)).status).toBe(403);
    const client = await clientFor(t, officer);
    expect((await client.get('/api/v1/exchange/listings/not-a-uuid/matches')).status).toBe(400);
    expect((await client.get(`/api/v1/exchange/listings/${demand.id}/matches?limit=0`)).status).toBe(400);
    expect((await client.get(`/api/v1/exchange/listings/${demand.id}/matches?limit=999`)).status).toBe(400);
  });
});

describe('matching board', () => {
  it('pages recent demands with their best offers for DOST, and refuses others', async () => {
    const client = await clientFor(t, officer);
    const res = await client.get('/api/v1/exchange/matching/board?sector=1.7&maxAgeDays=30&page=1&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(res.body.items[0].demand.id).toBe(demand.id);
    expect(res.body.items[0].offers[0].listing.id).toBe(offer.id);
    expect((await client.get('/api/v1/exchange/matching/board?maxAgeDays=5')).status).toBe(400);
    expect((await client.get('/api/v1/exchange/matching/board?sector=<script>')).status).toBe(400);
    expect((await (await clientFor(t, enterprise)).get('/api/v1/exchange/matching/board')).status).toBe(403);
  });

  it('exports the board as CSV and XLSX with translated reasons', async () => {
    const client = await clientFor(t, officer);
    const csv = await client.get('/api/v1/exchange/matching/board/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(String(csv.body)).toContain(demand.reference);
    expect(String(csv.body)).toContain(offer.reference);
    expect(String(csv.body)).toContain('Cùng mục danh mục ưu tiên: 1.7.1');
    const xlsx = await client.request('GET', '/api/v1/exchange/matching/board/export?format=xlsx', undefined, { 'accept-language': 'vi' });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThanOrEqual(2);
  });
});

describe('suggestions', () => {
  it('suggests a pair once (201, then a clear 409), and each owner sees it', async () => {
    const client = await clientFor(t, officer);
    const body = { offerListingId: offer.id, demandListingId: demand.id, note: 'Đề nghị hai bên trao đổi.' };
    const first = await client.post('/api/v1/exchange/matching/suggestions', body);
    expect(first.status).toBe(201);
    expect(first.body.notified).toBe(2);
    const again = await client.post('/api/v1/exchange/matching/suggestions', body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MATCH_ALREADY_SUGGESTED');
    const received = await (await clientFor(t, supplier)).get('/api/v1/exchange/matching/suggestions?page=1&pageSize=10');
    expect(received.status).toBe(200);
    expect(received.body.items[0]).toMatchObject({ id: first.body.id, ownListing: { id: offer.id }, otherListing: { id: demand.id }, note: body.note });
  });

  it('refuses a party and bad input without writing anything', async () => {
    const before = await countRows(t.database, 'match_suggestions');
    const party = await clientFor(t, enterprise);
    expect((await party.post('/api/v1/exchange/matching/suggestions', { offerListingId: offer.id, demandListingId: demand.id })).status).toBe(403);
    const client = await clientFor(t, officer);
    expect((await client.post('/api/v1/exchange/matching/suggestions', { offerListingId: 'x', demandListingId: demand.id })).status).toBe(400);
    expect((await client.post('/api/v1/exchange/matching/suggestions', { offerListingId: offer.id, demandListingId: demand.id, note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await client.post('/api/v1/exchange/matching/suggestions', { offerListingId: demand.id, demandListingId: offer.id })).status).toBe(409);
    expect((await new Client(t.app).get('/api/v1/exchange/matching/suggestions')).status).toBe(401);
    expect(await countRows(t.database, 'match_suggestions')).toBe(before);
  });
});
