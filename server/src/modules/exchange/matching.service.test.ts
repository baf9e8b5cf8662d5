import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListingContent } from '../../../../common/src/api/exchange-listings.js';
import type { MatchList } from '../../../../common/src/api/exchange-matching.js';
import { ANONYMOUS } from '../../core/context.js';
import { countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor } from '../cases/cases.fixtures.js';
import { demandContent, insertListingFixture, offerContent } from './exchange.test-factory.js';
import type { ListingRow } from './exchange.tables.js';
import { listReceivedSuggestions, matchesFor, matchingBoard, suggestMatch } from './matching.service.js';

let t: TestApp;
let supplier: TestUser;
let otherSupplier: TestUser;
let enterprise: TestUser;
let outsider: TestUser;
let officer: TestUser;
let demand: ListingRow;
let englishOffer: ListingRow;
let weakOffer: ListingRow;
let onRequestOffer: ListingRow;
const hidden: ListingRow[] = [];
const SECRET = 'Secret-operating-parameter-9173';

const asUser = (user: TestUser) => ctxFor(t, actorOf(user));
const ids = (list: MatchList) => list.items.map((item) => item.listing.id);
const itemOf = (list: MatchList, id: string) => list.items.find((item) => item.listing.id === id);
const codesOf = (list: MatchList, id: string) => itemOf(list, id)?.reasons.map((reason) => reason.code) ?? [];

async function listing(owner: TestUser, content: ListingContent, extra: { visibility?: 'public' | 'signed_in' | 'on_request'; status?: ListingRow['status']; validUntil?: string } = {}) {
  return insertListingFixture(t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content, ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [vi, en] of [
    ['nước thải', 'wastewater'],
    ['thủy sản', 'seafood'],
  ]) {
    await t.database.query(`INSERT INTO glossary_terms (term_vi, term_en, sector_code, source) VALUES ($1, $2, '1.7', 'seed') ON CONFLICT (norm_vi, norm_en) DO NOTHING`, [vi, en]);
  }
  supplier = await createUser(t.database, 'supplier_admin');
  otherSupplier = await createUser(t.database, 'supplier_member');
  enterprise = await createUser(t.database, 'enterprise_member');
  outsider = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  demand = await listing(
    enterprise,
    demandContent({
      title: { vi: 'Cần công nghệ xử lý nước thải chế biến thủy sản' },
      keywords: ['nước thải', 'thủy sản'],
      catalogItemCodes: ['1.7.1'],
      minimumTrl: 6,
      preferredTransferForms: ['equipment_with_technology'],
      preferredCountries: ['KR'],
      budget: { kind: 'range', min: 50_000, max: 300_000, currency: 'USD' },
    }),
  );
  // English only, in another catalog item: only the glossary (nước thải → wastewater) links it to the demand.
  englishOffer = await listing(
    supplier,
    offerContent({
      title: { en: 'Membrane bioreactor for industrial wastewater' },
      teaser: { en: 'Compact membrane bioreactor that treats seafood processing wastewater to column A.' },
      keywords: ['wastewater', 'membrane'],
      catalogItemCodes: ['1.2.1'],
      trl: 7,
      transferForms: ['equipment_with_technology'],
      price: { kind: 'range', min: 100_000, max: 250_000, currency: 'USD' },
      countryOfOrigin: 'KR',
    }),
  );
  weakOffer = await listing(
    otherSupplier,
    offerContent({
      title: { en: 'Wastewater sensor kit for laboratories' },
      teaser: { en: 'Handheld sensor kit for laboratory water analysis, sold with training.' },
      keywords: ['sensor'],
      catalogItemCodes: ['1.7.2'],
      trl: 4,
      transferForms: ['franchise'],
      price: { kind: 'range', min: 10_000, max: 20_000, currency: 'EUR' },
      countryOfOrigin: 'DE',
    }),
  );
  onRequestOffer = await listing(
    otherSupplier,
    offerContent({
      title: { en: 'Anaerobic digester for seafood wastewater' },
      keywords: ['wastewater', 'biogas'],
      catalogItemCodes: ['1.7.1'],
      description: { en: `<p>${SECRET}</p>` },
      price: { kind: 'range', min: 120_000, max: 200_000, currency: 'USD' },
    }),
    { visibility: 'on_request' },
  );
  const similar = offerContent({ title: { en: 'Wastewater treatment plant for seafood factories' }, keywords: ['wastewater'], catalogItemCodes: ['1.7.1'] });
  hidden.push(await listing(supplier, similar, { validUntil: '2020-01-01' }));
  hidden.push(await listing(supplier, similar, { status: 'expired' }));
  hidden.push(await listing(supplier, similar, { status: 'in_review' }));
  hidden.push(await listing(supplier, similar, { status: 'withdrawn' }));
});
afterAll(() => t.close());

describe('matchesFor: a demand → ranked offers', () => {
  it('finds an English offer for a Vietnamese demand through the glossary, with its reasons', async () => {
    const list = await matchesFor(asUser(enterprise), { listingId: demand.id });
    expect(list.listing.id).toBe(demand.id);
    const item = itemOf(list, englishOffer.id)!;
    expect(item).toBeDefined();
    const glossary = item.reasons.find((reason) => reason.code === 'glossary');
    expect(glossary?.params.words).toEqual(expect.arrayContaining(['nước thải → wastewater']));
    expect(codesOf(list, englishOffer.id)).toEqual(expect.arrayContaining(['trl_fit', 'transfer_forms', 'price_within_budget', 'country_preferred']));
    expect(codesOf(list, englishOffer.id)).not.toContain('catalog_items');
  });

  it('ranks the better offer first and explains the weak one (TRL below the minimum, prices not comparable)', async () => {
    const list = await matchesFor(asUser(enterprise), { listingId: demand.id });
    expect(ids(list).indexOf(englishOffer.id)).toBeLessThan(ids(list).indexOf(weakOffer.id));
    expect(codesOf(list, weakOffer.id)).toEqual(expect.arrayContaining(['trl_below', 'price_not_comparable']));
    expect(codesOf(list, weakOffer.id)).not.toContain('transfer_forms');
    const scores = list.items.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
    for (const score of scores) expect(score).toBeLessThanOrEqual(100);
  });

  it('never returns expired or unpublished listings', async () => {
    const list = await matchesFor(asUser(enterprise), { listingId: demand.id });
    for (const row of hidden) expect(ids(list)).not.toContain(row.id);
    const board = await matchesFor(asUser(officer), { listingId: demand.id });
    for (const row of hidden) expect(ids(board)).not.toContain(row.id);
  });

  it('shows an on-request offer only as a teaser, its price not compared for the owner but for DOST', async () => {
    const list = await matchesFor(asUser(enterprise), { listingId: demand.id });
    const item = itemOf(list, onRequestOffer.id)!;
    expect(item.listing.visibility).toBe('on_request');
    expect(Object.keys(item.listing)).not.toContain('detail');
    expect(JSON.stringify(list)).not.toContain(SECRET);
    expect(codesOf(list, onRequestOffer.id)).toContain('price_not_disclosed');
    const staff = await matchesFor(asUser(officer), { listingId: demand.id });
    expect(codesOf(staff, onRequestOffer.id)).toContain('price_within_budget');
    expect(JSON.stringify(staff)).not.toContain(SECRET);
  });
});

describe('matchesFor: an offer → ranked demands', () => {
  it('finds the Vietnamese demand for the English offer (glossary in the other direction)', async () => {
    const list = await matchesFor(asUser(supplier), { listingId: englishOffer.id });
    expect(ids(list)).toContain(demand.id);
    expect(list.items.every((item) => item.listing.kind === 'demand')).toBe(true);
    const glossary = itemOf(list, demand.id)!.reasons.find((reason) => reason.code === 'glossary');
    expect(glossary?.params.words).toEqual(expect.arrayContaining(['wastewater → nước thải']));
  });
});

describe('matchesFor: who may see', () => {
  it('refuses a visitor, another organisation and the owner of the other side', async () => {
    await expect(matchesFor(ctxFor(t, ANONYMOUS), { listingId: demand.id })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(matchesFor(asUser(outsider), { listingId: demand.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(matchesFor(asUser(supplier), { listingId: demand.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('hides an unpublished listing from others (NOT_FOUND) and tells its owner it is not published', async () => {
    await expect(matchesFor(asUser(outsider), { listingId: hidden[2]!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(matchesFor(asUser(supplier), { listingId: hidden[2]!.id })).rejects.toMatchObject({ code: 'LISTING_NOT_PUBLISHED' });
    await expect(matchesFor(asUser(supplier), { listingId: hidden[0]!.id })).rejects.toMatchObject({ code: 'LISTING_NOT_PUBLISHED' });
    await expect(matchesFor(asUser(officer), { listingId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('matchingBoard', () => {
  it('lists recent demands with their best offers, filtered by sector and age', async () => {
    const page = await matchingBoard(asUser(officer), { page: 1, pageSize: 10, sector: '1.7', maxAgeDays: 30 });
    const row = page.items.find((item) => item.demand.id === demand.id)!;
    expect(row.offers.length).toBeGreaterThan(0);
    expect(row.offers.length).toBeLessThanOrEqual(3);
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect((await matchingBoard(asUser(officer), { page: 1, pageSize: 10, sector: '1.1' })).items.map((item) => item.demand.id)).not.toContain(demand.id);
  });

  it('is for DOST only', async () => {
    await expect(matchingBoard(asUser(enterprise), { page: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('suggestMatch', () => {
  it('refuses a party and writes nothing', async () => {
    const before = await countRows(t.database, 'match_suggestions');
    await expect(suggestMatch(asUser(enterprise), { offerListingId: englishOffer.id, demandListingId: demand.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await countRows(t.database, 'match_suggestions')).toBe(before);
  });

  it('refuses an expired or unpublished listing and a swapped pair', async () => {
    await expect(suggestMatch(asUser(officer), { offerListingId: hidden[0]!.id, demandListingId: demand.id })).rejects.toMatchObject({ code: 'LISTING_NOT_PUBLISHED' });
    await expect(suggestMatch(asUser(officer), { offerListingId: demand.id, demandListingId: englishOffer.id })).rejects.toMatchObject({ code: 'LISTING_NOT_PUBLISHED' });
  });

  it('stores the suggestion, notifies both owners, audits, and refuses the same pair again', async () => {
    const notifications = await countRows(t.database, 'notifications');
    const result = await suggestMatch(asUser(officer), { offerListingId: englishOffer.id, demandListingId: demand.id, note: 'Hai bên nên trao đổi trực tiếp.' });
    expect(result.score).toBeGreaterThan(0);
    expect(result.notified).toBe(2);
    expect(await countRows(t.database, 'notifications')).toBe(notifications + 2);
    const [note] = await t.database.query<{ kind: string; params: Record<string, unknown>; link: string }>(`SELECT kind, params, link FROM notifications WHERE user_id = $1`, [enterprise.id]);
    expect(note).toMatchObject({ kind: 'exchange.match_suggested', link: '/exchange/suggestions', params: { reference: demand.reference, otherReference: englishOffer.reference } });
    const [audit] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'exchange.match.suggest' AND object_id = $1`, [result.id]);
    expect(audit!.n).toBe(1);
    await expect(suggestMatch(asUser(officer), { offerListingId: englishOffer.id, demandListingId: demand.id })).rejects.toMatchObject({ code: 'MATCH_ALREADY_SUGGESTED' });
    const list = await matchesFor(asUser(officer), { listingId: demand.id });
    expect(itemOf(list, englishOffer.id)?.suggestionId).toBe(result.id);
  });

  it('shows the suggestion to both owners, each with their own listing first, and to nobody else', async () => {
    const forEnterprise = await listReceivedSuggestions(asUser(enterprise), { page: 1, pageSize: 20 });
    expect(forEnterprise.items).toHaveLength(1);
    expect(forEnterprise.items[0]).toMatchObject({ note: 'Hai bên nên trao đổi trực tiếp.', ownListing: { id: demand.id }, otherListing: { id: englishOffer.id } });
    const forSupplier = await listReceivedSuggestions(asUser(supplier), { page: 1, pageSize: 20 });
    expect(forSupplier.items[0]).toMatchObject({ ownListing: { id: englishOffer.id }, otherListing: { id: demand.id } });
    expect((await listReceivedSuggestions(asUser(outsider), { page: 1, pageSize: 20 })).total).toBe(0);
    await expect(listReceivedSuggestions(asUser(officer), { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
