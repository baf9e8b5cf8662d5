import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { vietnamToday } from '../catalog/index.js';
import { demandContent, insertListingFixture, offerContent } from './exchange.test-factory.js';
import { monthsEndingOn } from './exchange-statistics.service.js';

let t: TestApp;
let supplier: TestUser;
let enterprise: TestUser;
const SECRET = 'Confidential-operating-parameter-4711';
const today = vietnamToday();
const thisMonth = today.slice(0, 7);

async function insertConnection(listingId: string, status: string, outcomes: string[]) {
  const [row] = await t.database.query<{ id: string }>(
    `INSERT INTO exchange_connections (listing_id, owner_organisation_id, owner_user_id, initiator_organisation_id, initiator_user_id, status, cooperation_sought, missing_information, about_us, reply_due_on)
     VALUES ($1, $2, $3, $4, $5, $6, 'Licence and equipment for our plant', 'Operating cost', 'Seafood processor in Hải Phòng', current_date + 14) RETURNING id`,
    [listingId, supplier.organisationId, supplier.id, enterprise.organisationId, enterprise.id, status],
  );
  for (const outcome of outcomes) {
    await t.database.query(`INSERT INTO connection_outcomes (connection_id, outcome, occurred_on, recorded_by, recorded_side) VALUES ($1, $2, $3, $4, 'owner')`, [row!.id, outcome, today, supplier.id]);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createUser(t.database, 'supplier_admin');
  enterprise = await createUser(t.database, 'enterprise_admin');
  const owner = { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId! };
  const offer = await insertListingFixture(t.database, { ...owner, content: offerContent({ countryOfOrigin: 'KR', catalogItemCodes: ['1.7.1'] }) });
  const onRequest = await insertListingFixture(t.database, {
    ...owner,
    visibility: 'on_request',
    content: offerContent({ countryOfOrigin: 'JP', catalogItemCodes: ['1.8.2', '1.7.2'], description: { en: `<p>${SECRET}</p>` }, price: { kind: 'range', min: 4711, max: 4711, currency: 'JPY' } }),
  });
  await insertListingFixture(t.database, { ...owner, content: offerContent({ countryOfOrigin: 'DE', catalogItemCodes: ['1.2.1'] }), validUntil: '2020-01-01' }); // expired by date
  await insertListingFixture(t.database, { ...owner, content: offerContent({ countryOfOrigin: 'US', catalogItemCodes: ['1.2.1'] }), status: 'in_review' }); // not published
  await insertListingFixture(t.database, { ownerUserId: enterprise.id, ownerOrganisationId: enterprise.organisationId!, content: demandContent({ catalogItemCodes: ['1.7.1'] }) });
  await insertConnection(offer.id, 'accepted', ['meeting_held', 'contract_signed']);
  await insertConnection(onRequest.id, 'pending', []);
});
afterAll(() => t.close());

describe('monthsEndingOn', () => {
  it('lists the months ending with the current one, across a year boundary', () => {
    expect(monthsEndingOn('2026-02-15', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('GET /api/v1/exchange/statistics', () => {
  it('counts published unexpired offers and demands by sector and country, and connections and outcomes by month, for a visitor', async () => {
    const res = await new Client(t.app).get('/api/v1/exchange/statistics?months=6');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.body.asOf).toBe(today);
    expect(res.body.totals).toEqual({ offers: 2, demands: 1, experts: 0, intermediaries: 0, connections: 2, outcomes: 2 });
    const sector = (code: string) => res.body.bySector.find((s: { sectorCode: string }) => s.sectorCode === code);
    expect(sector('1.7')).toMatchObject({ offers: 2, demands: 1, nameEn: 'Environmental protection and combating climate change' });
    expect(sector('1.8')).toMatchObject({ offers: 1, demands: 0 });
    expect(sector('1.2')).toBeUndefined(); // expired and in-review listings never count
    expect(res.body.byCountry).toEqual(
      expect.arrayContaining([
        { country: 'KR', offers: 1, demands: 0 },
        { country: 'JP', offers: 1, demands: 0 },
        { country: 'VN', offers: 0, demands: 1 },
      ]),
    );
    expect(res.body.byCountry).toHaveLength(3);
    expect(res.body.byMonth).toHaveLength(6);
    expect(res.body.byMonth.at(-1)).toEqual({ month: thisMonth, connections: 2, accepted: 1, no_deal: 0, meeting_held: 1, mou_signed: 0, contract_signed: 1 });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect(JSON.stringify(res.body)).not.toContain('4711');
  });

  it('answers bad input with 400, never 500', async () => {
    const client = new Client(t.app);
    for (const query of ['months=0', 'months=61', 'months=abc', 'months=1.5', 'months=%00']) {
      expect((await client.get(`/api/v1/exchange/statistics?${query}`)).status).toBe(400);
    }
    expect((await client.get('/api/v1/exchange/statistics/export?format=pdf')).status).toBe(400);
  });
});

describe('GET /api/v1/exchange/statistics/export', () => {
  it('downloads the same figures as CSV, in the reader language, without any detail', async () => {
    const res = await new Client(t.app).request('GET', '/api/v1/exchange/statistics/export?format=csv&months=3', undefined, { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
    const text = String(res.body);
    expect(text).toContain('1.7 – Environmental protection and combating climate change,2,1');
    expect(text).toContain(`${thisMonth},,,2,1,0,1,0,1`);
    expect(text).not.toContain(SECRET);
  });

  it('downloads XLSX with one line per sector, country and month', async () => {
    const res = await new Client(t.app).get('/api/v1/exchange/statistics/export?format=xlsx&months=2');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // header + 2 sectors + 3 countries + 2 months
    expect(sheet.rowCount).toBe(1 + 2 + 3 + 2);
  });
});
