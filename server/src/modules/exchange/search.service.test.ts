import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSearchResult, SearchHit } from '../../../../common/src/api/exchange-search.js';
import { Client, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor } from '../cases/cases.fixtures.js';
import { ANONYMOUS } from '../../core/context.js';
import { demandContent, insertListingFixture, offerContent } from './exchange.test-factory.js';
import { searchListings, suggestSearches } from './search.service.js';

let t: TestApp;
let supplier: TestUser;
let enterprise: TestUser;
const SECRET = 'Confidential-operating-parameter-4711';
const ids: Record<string, string> = {};

const titles = (r: ExchangeSearchResult) => r.items.map((h) => h.listing.id);
const text = (h: SearchHit) => h.title.map((p) => p.text).join('');

async function vocabularyCount(word: string): Promise<number> {
  const [row] = await t.database.query<{ n: number }>('SELECT listing_count AS n FROM search_vocabulary WHERE word = $1', [word]);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createUser(t.database, 'supplier_admin');
  enterprise = await createUser(t.database, 'enterprise_admin');
  const s = { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId! };
  const e = { ownerUserId: enterprise.id, ownerOrganisationId: enterprise.organisationId! };
  ids.mbr = (
    await insertListingFixture(t.database, {
      ...s,
      content: offerContent({
        title: { en: 'Membrane bioreactor for seafood processing wastewater' },
        teaser: { en: 'Compact membrane bioreactor that treats seafood processing wastewater to column A of the national standard.' },
        keywords: ['wastewater', 'membrane'],
        countryOfOrigin: 'KR',
        catalogItemCodes: ['1.7.1'],
        description: { en: `<p>${SECRET} operating pressure</p>` },
      }),
      visibility: 'on_request',
    })
  ).id;
  ids.drying = (
    await insertListingFixture(t.database, {
      ...s,
      content: offerContent({
        originalLanguage: 'vi',
        title: { vi: 'Công nghệ sấy lạnh bảo quản hải sản' },
        teaser: { vi: 'Hệ thống sấy lạnh bơm nhiệt giữ màu và dinh dưỡng của mực, tôm và cá sau đánh bắt.' },
        keywords: ['sấy lạnh', 'hải sản'],
        countryOfOrigin: 'VN',
        catalogItemCodes: ['1.4.1'],
        trl: 8,
        transferForms: ['exclusive_licence'],
        intellectualProperty: [{ type: 'utility_solution', territory: ['VN'], status: 'granted' }],
      }),
    })
  ).id;
  ids.demand = (
    await insertListingFixture(t.database, {
      ...e,
      content: demandContent({ title: { vi: 'Cần công nghệ xử lý nước thải chế biến thủy sản' }, catalogItemCodes: ['1.7.1'] }),
    })
  ).id;
  ids.expired = (
    await insertListingFixture(t.database, { ...s, content: offerContent({ title: { en: 'Membrane distillation for brine expired' } }), validUntil: '2020-01-01' })
  ).id;
  ids.review = (await insertListingFixture(t.database, { ...s, content: offerContent({ title: { en: 'Membrane contactor in review' } }), status: 'in_review' })).id;
  ids.withdrawn = (await insertListingFixture(t.database, { ...s, content: offerContent({ title: { en: 'Membrane aerator withdrawn later' } }) })).id;
  await t.database.query(`UPDATE listings SET status = 'withdrawn' WHERE id = $1`, [ids.withdrawn]);
}, 120_000);
afterAll(() => t.close());

describe('searchListings', () => {
  const anonymous = () => ctxFor(t, ANONYMOUS);

  it('finds Vietnamese text typed without diacritics and marks the words as written', async () => {
    const result = await searchListings(anonymous(), { q: 'say lanh hai san' });
    expect(titles(result)[0]).toBe(ids.drying);
    const hit = result.items[0]!;
    expect(hit.language).toBe('vi');
    expect(hit.title.filter((p) => p.match).map((p) => p.text)).toEqual(['sấy', 'lạnh', 'hải', 'sản']);
    expect(result.interpretation.allWords).toBe(true);
  });

  it('corrects typos to the nearest published word', async () => {
    const result = await searchListings(anonymous(), { q: 'membrane bioreactr' });
    expect(titles(result)[0]).toBe(ids.mbr);
    expect(result.interpretation.corrections).toContainEqual({ from: 'bioreactr', to: 'bioreactor' });
  });

  it('crosses languages through the glossary: a Vietnamese query finds the English offer and the reverse', async () => {
    const vi = await searchListings(anonymous(), { q: 'bể phản ứng sinh học màng' });
    expect(titles(vi)).toContain(ids.mbr);
    expect(vi.interpretation.expansions.some((x) => x.to.includes('membrane bioreactor'))).toBe(true);
    const en = await searchListings(anonymous(), { q: 'wastewater treatment' });
    expect(titles(en)).toEqual(expect.arrayContaining([ids.mbr, ids.demand]));
  });

  it('never returns expired, unpublished or withdrawn listings, and never the detail of an on-request one', async () => {
    const result = await searchListings(anonymous(), { q: 'membrane', pageSize: 50 });
    expect(titles(result)).toContain(ids.mbr);
    for (const id of [ids.expired, ids.review, ids.withdrawn]) expect(titles(result)).not.toContain(id);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    const browse = await searchListings(anonymous(), { pageSize: 50 });
    for (const id of [ids.expired, ids.review, ids.withdrawn]) expect(titles(browse)).not.toContain(id);
  });

  it('counts facets over the matched listings and filters by them', async () => {
    const all = await searchListings(anonymous(), { pageSize: 50 });
    expect(all.total).toBe(3);
    expect(all.facets.kind).toEqual(expect.arrayContaining([{ value: 'offer', count: 2 }, { value: 'demand', count: 1 }]));
    expect(all.facets.sector).toEqual(expect.arrayContaining([{ value: '1.7', count: 2 }, { value: '1.4', count: 1 }]));
    expect(all.facets.country).toEqual(expect.arrayContaining([{ value: 'KR', count: 1 }, { value: 'VN', count: 2 }]));
    expect(all.facets.ipType).toContainEqual({ value: 'utility_solution', count: 1 });
    const filtered = await searchListings(anonymous(), { kind: 'offer', trlMin: 8, language: 'vi', transferForm: 'exclusive_licence', ipType: 'utility_solution', sector: '1.4', catalogItem: '1.4.1', country: 'VN' });
    expect(titles(filtered)).toEqual([ids.drying]);
    expect(filtered.facets.trl).toEqual([{ value: '8', count: 1 }]);
  });

  it('sorts by date and pages', async () => {
    const first = await searchListings(anonymous(), { sort: 'date', pageSize: 2 });
    const second = await searchListings(anonymous(), { sort: 'date', pageSize: 2, page: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(3);
  });

  it('answers a user (saved-search digest) with listings published since a time', async () => {
    const ctx = ctxFor(t, actorOf(enterprise));
    const since = await searchListings(ctx, {}, { publishedSince: new Date(Date.now() + 60_000) });
    expect(since.total).toBe(0);
    const before = await searchListings(ctx, { q: 'membrane' }, { publishedSince: new Date(Date.now() - 3600_000) });
    expect(titles(before)).toContain(ids.mbr);
  });

  it('shows the reader language when present, else the original with its language', async () => {
    const vi = await searchListings({ ...anonymous(), locale: 'vi' }, { q: 'membrane bioreactor' });
    expect(vi.items[0]!.language).toBe('en');
    expect(text(vi.items[0]!)).toContain('Membrane bioreactor');
  });

  it('keeps the vocabulary with published listings only (triggers on listings)', async () => {
    expect(await vocabularyCount('aerator')).toBe(0);
    expect(await vocabularyCount('contactor')).toBe(0);
    expect(await vocabularyCount('distillation')).toBe(1); // published, past valid_until: kept until housekeeping expires it
    const extra = await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId!, content: offerContent({ title: { en: 'Ozone aerator for ponds' } }) });
    expect(await vocabularyCount('aerator')).toBe(1);
    await t.database.query(`UPDATE listings SET status = 'expired' WHERE id = $1`, [extra.id]);
    expect(await vocabularyCount('aerator')).toBe(0);
  });

  it('rejects invalid input with VALIDATION_FAILED', async () => {
    await expect(searchListings(anonymous(), { pageSize: 500 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(searchListings(anonymous(), { trlMin: 7, trlMax: 3 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('suggestSearches', () => {
  it('suggests published titles and words, never unpublished ones', async () => {
    const ctx = { ...ctxFor(t, ANONYMOUS), locale: 'vi' as const };
    const result = await suggestSearches(ctx, { q: 'say la' });
    expect(result.suggestions.map((s) => s.text)).toContain('say lanh');
    const titlesFound = await suggestSearches(ctx, { q: 'membrane' });
    expect(titlesFound.suggestions.some((s) => s.kind === 'title' && s.listingId === ids.mbr)).toBe(true);
    expect(titlesFound.suggestions.some((s) => s.listingId === ids.review || s.listingId === ids.expired)).toBe(false);
    expect(titlesFound.suggestions.length).toBeLessThanOrEqual(8);
  });
});

describe('GET /api/v1/exchange/search', () => {
  it('answers a visitor with hits, facets and no detail', async () => {
    const res = await new Client(t.app).get('/api/v1/exchange/search?q=nuoc%20thai&sort=relevance&page=1&pageSize=10');
    expect(res.status).toBe(200);
    expect(res.body.items.map((h: SearchHit) => h.listing.id)).toContain(ids.demand);
    expect(res.body.facets.kind.length).toBeGreaterThan(0);
    expect(res.raw.body).not.toContain(SECRET);
    expect(res.raw.body).not.toContain('problem');
  });

  it.each([
    'pageSize=500',
    'page=0',
    'trlMin=0',
    'trlMin=8&trlMax=2',
    'kind=spaceship',
    'sort=random',
    'country=vn',
    'sector=abc',
    'catalogItem=1.x',
    'transferForm=gift',
    'ipType=x',
    'language=fr',
    `q=${'x'.repeat(201)}`,
  ])('rejects %s with 400', async (query) => {
    const res = await new Client(t.app).get(`/api/v1/exchange/search?${query}`);
    expect(res.status).toBe(400);
  });

  it.each(["a & b | !c ( ' :* <->", '%_\\', '<script>alert(1)</script>', 'đ', '12345', '   '])('answers odd text %j without error', async (q) => {
    const res = await new Client(t.app).get(`/api/v1/exchange/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
  });

  it('suggests as you type and refuses an empty text', async () => {
    const client = new Client(t.app);
    expect((await client.get('/api/v1/exchange/suggest?q=membr')).body.suggestions.length).toBeGreaterThan(0);
    expect((await client.get('/api/v1/exchange/suggest')).status).toBe(400);
    expect((await client.get(`/api/v1/exchange/suggest?q=${'y'.repeat(101)}`)).status).toBe(400);
  });

  it('exports the current page of teasers as CSV and XLSX', async () => {
    const client = new Client(t.app);
    const csv = await client.get('/api/v1/exchange/search/export?format=csv&q=membrane');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.raw.body).toContain('Membrane bioreactor for seafood processing wastewater');
    expect(csv.raw.body).not.toContain(SECRET);
    const xlsx = await client.get('/api/v1/exchange/search/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(4);
  });
});
