import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedReference } from '../../seeds/seed.js';
import { seedDemoExchange } from '../../seeds/seed-exchange.js';
import { countRows, createTestApp, type TestApp } from '../../../test/harness.js';
import { ANONYMOUS } from '../../core/context.js';
import { ctxFor } from '../cases/cases.fixtures.js';
import { searchListings } from './search.service.js';

/** The exchange demo data: realistic listings of every kind across the eight sectors, connections, idempotent. */
let t: TestApp;
let first: { listings: number; connections: number };
beforeAll(async () => {
  t = await createTestApp();
  await seedReference(t.database);
  await seedDemo(t.database, { memoryCost: 1024, timeCost: 1 }, t.config);
  first = await seedDemoExchange(t.database);
}, 300_000);
afterAll(() => t.close());

const count = async (where: string) => Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listings WHERE ${where}`))[0]!.n);

describe('exchange demo data', () => {
  it('publishes at least 60 listings of every kind across the eight priority sectors, some signed-in or on request, some in review', async () => {
    expect(first.listings).toBeGreaterThanOrEqual(63);
    expect(await count(`status = 'published' AND valid_until >= current_date`)).toBeGreaterThanOrEqual(60);
    for (const kind of ['offer', 'demand', 'expert', 'intermediary']) expect(await count(`status = 'published' AND kind = '${kind}'`)).toBeGreaterThan(kind === 'offer' || kind === 'demand' ? 15 : 3);
    expect(await count(`status = 'in_review' AND working_revision_id IS NOT NULL`)).toBeGreaterThanOrEqual(3);
    expect(await count(`status = 'published' AND visibility = 'on_request'`)).toBeGreaterThanOrEqual(3);
    expect(await count(`status = 'published' AND visibility = 'signed_in'`)).toBeGreaterThanOrEqual(3);
    const sectors = await t.database.query<{ sector: string }>(`SELECT DISTINCT unnest(sector_codes) AS sector FROM listings WHERE status = 'published' AND kind = 'demand' ORDER BY 1`);
    expect(sectors.map((s) => s.sector)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8']);
    const countries = await t.database.query<{ country: string }>(`SELECT DISTINCT country FROM listings WHERE status = 'published' AND kind = 'offer' AND original_language = 'en'`);
    expect(countries.map((c) => c.country)).toEqual(expect.arrayContaining(['KR', 'JP', 'DE', 'US', 'CN', 'NL', 'FI']));
    const overseas = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listing_revisions WHERE content->>'kind' = 'expert' AND (content->>'isOverseasVietnamese')::boolean`);
    expect(overseas[0]!.n).toBeGreaterThanOrEqual(3);
    // every published listing has its approved revision, its review events and a reference of its kind
    expect(await count(`status = 'published' AND (published_revision_id IS NULL OR NOT EXISTS (SELECT 1 FROM listing_events e WHERE e.listing_id = listings.id AND e.action = 'publish'))`)).toBe(0);
    expect(await count(`kind = 'offer' AND reference NOT LIKE 'CB-%'`)).toBe(0);
  });

  it('writes connections in several states, with messages and outcomes up to a signed contract', async () => {
    expect(first.connections).toBe(6);
    const states = await t.database.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM exchange_connections GROUP BY 1 ORDER BY 1`);
    expect(states).toEqual([
      { status: 'accepted', n: 4 },
      { status: 'declined', n: 1 },
      { status: 'pending', n: 1 },
    ]);
    expect(await countRows(t.database, 'connection_messages')).toBeGreaterThanOrEqual(8);
    const outcomes = await t.database.query<{ outcome: string }>(`SELECT DISTINCT outcome FROM connection_outcomes ORDER BY 1`);
    expect(outcomes.map((o) => o.outcome)).toEqual(['contract_signed', 'meeting_held', 'mou_signed', 'no_deal']);
  });

  it('lets a Vietnamese query without diacritics find the English wastewater offer only through the glossary', async () => {
    const [offer] = await t.database.query<{ title_en: string; title_vi: string | null; keywords_text: string; teaser_en: string }>(`SELECT title_en, title_vi, keywords_text, teaser_en FROM listings WHERE title_en = 'Membrane bioreactor for seafood processing effluent'`);
    expect(offer!.title_vi).toBeNull();
    expect(`${offer!.title_en} ${offer!.keywords_text} ${offer!.teaser_en}`).not.toMatch(/nước|thải|nuoc|thai/i);
    const result = await searchListings(ctxFor(t, ANONYMOUS), { q: 'xu ly nuoc thai', kind: 'offer' });
    expect(JSON.stringify(result)).toContain('Membrane bioreactor for seafood processing effluent');
  });

  it('is idempotent: a second run adds nothing', async () => {
    const listings = await countRows(t.database, 'listings');
    expect(await seedDemoExchange(t.database)).toEqual({ listings: 0, connections: 0 });
    expect(await countRows(t.database, 'listings')).toBe(listings);
  });
});
