import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { ListingContent, ListingKind, TransferForm } from '../common/src/api/exchange-listings.js';
import { TRANSFER_FORMS } from '../common/src/api/exchange-listings.js';
import { openDatabase, type Database } from '../server/src/core/db/database.js';
import { migrate } from '../server/src/core/db/migrate.js';
import { seedDemo, seedReference } from '../server/src/seeds/seed.js';
import { listingReference } from '../server/src/modules/exchange/listings.projection.js';

/**
 * npm run bench:data — 200,000 realistic bilingual exchange listings across the eight priority sectors, written in
 * batches (one JSON parameter per batch, jsonb_to_recordset, listing + approved revision in one statement) into the
 * PostgreSQL server of DATABASE_URL or, by default, the PGlite data folder BENCH_DATA_DIR (data/bench-exchange).
 * Titles and teasers are composed from the glossary's vi↔en terms of each sector (so cross-language search and matching
 * have work to do), with realistic facets; about 5% are expired (past valid_until, half of them already marked).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_COUNT = 200_000;
const BATCH = 2_000;
/** Concurrent batches on a PostgreSQL server. */
const WRITERS = Number(process.env.BENCH_WRITERS ?? 3);
/** Bench references are numbered from here (CB-2026-5000001), far from the demo sequence. */
const REFERENCE_BASE = 5_000_000;

type Term = { vi: string; en: string };

function glossaryBySector(): Map<string, Term[]> {
  const rows = parse(readFileSync(path.join(ROOT, 'server/seeds/reference/technology-glossary.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as { term_vi: string; term_en: string; sector_code: string }[];
  const bySector = new Map<string, Term[]>();
  for (const row of rows) {
    const key = row.sector_code || 'general';
    bySector.set(key, [...(bySector.get(key) ?? []), { vi: row.term_vi, en: row.term_en }]);
  }
  return bySector;
}

const SECTORS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'] as const;
const ITEMS: Record<string, string[]> = {
  '1.1': ['1.1.1', '1.1.2', '1.1.3'], '1.2': ['1.2.1', '1.2.2'], '1.3': ['1.3.1', '1.3.2', '1.3.3', '1.3.4'], '1.4': ['1.4.1', '1.4.2'],
  '1.5': ['1.5.1', '1.5.2'], '1.6': ['1.6.1', '1.6.2'], '1.7': ['1.7.1', '1.7.2', '1.7.3'], '1.8': ['1.8.1', '1.8.2', '1.8.3', '1.8.4', '1.8.5', '1.8.6'],
};
const OFFER_COUNTRIES = ['VN', 'VN', 'VN', 'KR', 'KR', 'JP', 'JP', 'DE', 'US', 'CN', 'CN', 'NL', 'FI', 'FR', 'IL', 'SG', 'TW', 'IN', 'AU', 'NO'];
const EN_PREFIX = ['Advanced', 'Compact', 'Automated', 'Low-energy', 'Modular', 'Smart', 'High-efficiency', 'Integrated', 'Portable', 'Next-generation', 'Low-cost', 'Containerised'];
const EN_FORM = ['system', 'technology', 'process', 'solution', 'equipment', 'platform', 'production line', 'know-how'];
const EN_USE = ['small and medium enterprises', 'industrial parks', 'coastal provinces', 'export processing', 'seaports', 'food factories', 'shipyards', 'hospitals', 'cooperatives', 'smart cities'];
const VI_PREFIX = ['Công nghệ', 'Giải pháp', 'Quy trình', 'Dây chuyền', 'Thiết bị', 'Hệ thống'];
const VI_SUFFIX = ['tiết kiệm năng lượng', 'quy mô vừa và nhỏ', 'tự động hóa', 'hiệu suất cao', 'thân thiện môi trường', 'chi phí thấp', 'đạt chuẩn xuất khẩu', 'ứng dụng IoT'];
const VI_DEMAND = ['Cần', 'Tìm', 'Đặt hàng', 'Cần chuyển giao', 'Tìm đối tác'];
const VI_PLACE = ['nhà máy tại Hải Phòng', 'khu công nghiệp Đình Vũ', 'khu công nghiệp Tràng Duệ', 'doanh nghiệp chế biến', 'hợp tác xã nông nghiệp', 'xưởng cơ khí', 'cảng biển Lạch Huyện', 'bệnh viện tuyến huyện', 'khu đô thị mới Thủy Nguyên', 'vùng nuôi Cát Bà'];
const IP_TYPES = ['invention_patent', 'utility_solution', 'industrial_design', 'trademark', 'copyright_software', 'trade_secret', 'none'] as const;
const CURRENCY_OF: Record<string, 'VND' | 'USD' | 'EUR' | 'JPY' | 'KRW' | 'CNY'> = { VN: 'VND', KR: 'KRW', JP: 'JPY', DE: 'EUR', NL: 'EUR', FI: 'EUR', FR: 'EUR', CN: 'CNY' };

/** Deterministic generator (mulberry32): the same seed writes the same corpus. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => [...new Set(Array.from({ length: min + int(max - min + 1) }, () => pick(list)))];
  return { next, int, pick, some };
}

export interface BenchOwner {
  userId: string;
  organisationId: string | null;
}

interface Row {
  id: string; rid: string; kind: ListingKind; reference: string; owner: string; org: string | null; status: string; visibility: string;
  published_at: string; valid_until: string; lang: 'vi' | 'en'; languages: string[];
  title_vi: string | null; title_en: string | null; teaser_vi: string | null; teaser_en: string | null; keywords: string[];
  sectors: string[]; items: string[]; tobj: string | null; trl: number | null; trl_min: number | null; forms: string[]; ips: string[];
  country: string | null; countries: string[]; currency: string | null; pmin: number | null; pmax: number | null; neg: boolean; content: ListingContent;
}

/** One bench listing, number `n`, as the listing row and its approved revision content. */
function benchRow(n: number, glossary: Map<string, Term[]>, owners: BenchOwner[], today: Date): Row {
  const r = random(n * 2654435761);
  const roll = r.next();
  const kind: ListingKind = roll < 0.45 ? 'offer' : roll < 0.85 ? 'demand' : roll < 0.95 ? 'expert' : 'intermediary';
  const sector = r.pick(SECTORS);
  const terms = glossary.get(sector)!;
  const [a, b, c] = [r.pick(terms), r.pick(terms), r.pick(glossary.get('general') ?? terms)];
  const country = kind === 'offer' ? r.pick(OFFER_COUNTRIES) : 'VN';
  const lang: 'vi' | 'en' = kind === 'demand' || (kind === 'offer' && country === 'VN') ? 'vi' : r.next() < 0.8 ? 'en' : 'vi';
  const bilingual = r.next() < 0.15;
  const en = {
    title: kind === 'demand' ? `Wanted: ${a.en} for ${r.pick(EN_USE)}` : `${r.pick(EN_PREFIX)} ${a.en} ${r.pick(EN_FORM)} for ${r.pick(EN_USE)}`,
    teaser: `${a.en[0]!.toUpperCase()}${a.en.slice(1)} combined with ${b.en}; ${c.en} included. Proven at TRL ${3 + r.int(7)} with references in ${r.pick(OFFER_COUNTRIES)}.`,
  };
  const vi = {
    title: kind === 'demand' ? `${r.pick(VI_DEMAND)} ${a.vi} cho ${r.pick(VI_PLACE)}` : `${r.pick(VI_PREFIX)} ${a.vi} ${r.pick(VI_SUFFIX)}`,
    teaser: `${a.vi[0]!.toUpperCase()}${a.vi.slice(1)} kết hợp ${b.vi}, có ${c.vi}; phù hợp ${r.pick(VI_PLACE)}.`,
  };
  const title = { ...(lang === 'vi' || bilingual ? { vi: vi.title } : {}), ...(lang === 'en' || bilingual ? { en: en.title } : {}) };
  const teaser = { ...(title.vi ? { vi: vi.teaser } : {}), ...(title.en ? { en: en.teaser } : {}) };
  const keywords = [...new Set([lang === 'vi' ? a.vi : a.en, lang === 'vi' ? b.vi : b.en])];
  const items = r.some(ITEMS[sector]!, 1, 2);
  const expired = r.next() < 0.05;
  const publishedDaysAgo = expired ? 366 + r.int(200) : r.int(360);
  const publishedAt = new Date(today.getTime() - publishedDaysAgo * 86400_000 - r.int(86400_000));
  const validUntil = new Date(publishedAt.getTime() + 365 * 86400_000).toISOString().slice(0, 10);
  const forms = r.some(TRANSFER_FORMS, 1, 3) as TransferForm[];
  const trl = kind === 'offer' ? 3 + r.int(7) : null;
  const trlMin = kind === 'demand' && r.next() < 0.6 ? 4 + r.int(5) : null;
  const currency = CURRENCY_OF[country] ?? 'USD';
  const scale = currency === 'VND' ? 1e9 : currency === 'JPY' || currency === 'KRW' ? 1e7 : 1e5;
  const priced = r.next() < 0.6;
  const pmin = priced ? Math.round((0.2 + r.next() * 5) * scale) : null;
  const pmax = pmin === null ? null : Math.round(pmin * (1.5 + r.next() * 2));
  const ipTypes = kind === 'offer' ? r.some(IP_TYPES, 1, 2) : [];
  const countries = kind === 'demand' ? r.some(OFFER_COUNTRIES.filter((x) => x !== 'VN'), 0, 3) : kind === 'offer' ? [] : r.some(OFFER_COUNTRIES, 1, 3);
  const rich = (text: string) => (lang === 'vi' ? { vi: `<p>${text}</p>` } : { en: `<p>${text}</p>` });
  const common = { originalLanguage: lang, title, teaser, keywords, catalogItemCodes: items, fileIds: [] };
  const price = pmin === null ? { kind: 'negotiable' as const } : { kind: 'range' as const, min: pmin, max: pmax!, currency };
  const content: ListingContent =
    kind === 'offer'
      ? { kind, ...common, description: rich(`${en.teaser} ${vi.teaser}`), technologyObject: r.pick(['know_how', 'process_design_formula_software_data', 'rationalisation_solution', 'machinery_with_technology'] as const), trl: trl!, intellectualProperty: ipTypes.map((type) => ({ type, territory: [country], status: 'granted' as const })), transferForms: forms, price, countryOfOrigin: country }
      : kind === 'demand'
        ? { kind, ...common, problem: rich(vi.teaser), currentProcess: rich(vi.teaser), wantedResults: rich(vi.teaser), budget: price, timelineMonths: 3 + r.int(24), preferredTransferForms: forms, preferredCountries: countries, ...(trlMin ? { minimumTrl: trlMin } : {}), location: r.pick(VI_PLACE) }
        : kind === 'expert'
          ? { kind, ...common, expertise: rich(vi.teaser), countries, languages: ['vi', 'en'], isOverseasVietnamese: r.next() < 0.3, availability: 'available', availabilityNote: {}, publications: [], patents: [] }
          : { kind, ...common, about: rich(vi.teaser), services: [{ service: 'brokerage', description: {} }], countries };
  const owner = owners[n % owners.length]!;
  const hasPrice = (kind === 'offer' || kind === 'demand') && pmin !== null;
  return {
    id: randomUUID(), rid: randomUUID(), kind, reference: listingReference(kind, publishedAt.getUTCFullYear(), REFERENCE_BASE + n), owner: owner.userId, org: owner.organisationId,
    status: expired && r.next() < 0.5 ? 'expired' : 'published', visibility: r.next() < 0.8 ? 'public' : r.next() < 0.5 ? 'signed_in' : 'on_request',
    published_at: publishedAt.toISOString(), valid_until: validUntil, lang, languages: Object.keys(title),
    title_vi: title.vi ?? null, title_en: title.en ?? null, teaser_vi: teaser.vi ?? null, teaser_en: teaser.en ?? null, keywords,
    sectors: [sector], items, tobj: kind === 'offer' ? (content as { technologyObject: string }).technologyObject : null, trl, trl_min: trlMin,
    forms: kind === 'offer' || kind === 'demand' ? forms : [], ips: ipTypes, country: kind === 'offer' || kind === 'demand' ? country : null, countries,
    currency: hasPrice ? currency : null, pmin: hasPrice ? pmin : null, pmax: hasPrice ? pmax : null, neg: !hasPrice, content,
  };
}

const INSERT_SQL = `
WITH src AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, rid uuid, kind text, reference text, owner uuid, org uuid, status text, visibility text,
    published_at timestamptz, valid_until date, lang text, languages text[], title_vi text, title_en text, teaser_vi text, teaser_en text,
    keywords text[], sectors text[], items text[], tobj text, trl smallint, trl_min smallint, forms text[], ips text[], country text,
    countries text[], currency text, pmin numeric, pmax numeric, neg boolean, content jsonb)
), revisions AS (
  INSERT INTO listing_revisions (id, listing_id, number, status, content, visibility, created_by, submitted_by, submitted_at, reviewed_at, confirmed_catalog_item_codes, confirmed_list_status, created_at, updated_at)
  SELECT rid, id, 1, 'approved', content, visibility, owner, owner, published_at, published_at, items, 'not_listed', published_at, published_at FROM src
)
INSERT INTO listings (id, kind, reference, owner_organisation_id, owner_user_id, status, visibility, published_revision_id, first_published_at, published_at,
  valid_until, original_language, languages, title_vi, title_en, teaser_vi, teaser_en, keywords_text, keywords, sector_codes, catalog_item_codes,
  technology_object, trl, trl_min, transfer_forms, ip_types, country, countries, currency, price_min, price_max, price_negotiable, national_list_status, created_at, updated_at)
SELECT id, kind, reference, org, owner, status, visibility, rid, published_at, published_at, valid_until, lang, languages, title_vi, title_en, teaser_vi, teaser_en,
  array_to_string(keywords, ' '), keywords, sectors, items, tobj, trl, trl_min, forms, ips, country, countries, currency, pmin, pmax, neg, 'not_listed', published_at, published_at
FROM src`;

/** The demo accounts that may own listings (enterprises, suppliers, the expert): bench listings are spread over them. */
async function benchOwners(database: Database): Promise<BenchOwner[]> {
  const rows = await database.query<{ user_id: string; organisation_id: string | null }>(
    `SELECT g.user_id, g.organisation_id FROM role_grants g JOIN users u ON u.id = g.user_id
     WHERE g.role IN ('enterprise_admin', 'supplier_admin', 'expert') AND u.email LIKE '%@demo.cgcn.vn' ORDER BY u.email`,
  );
  if (!rows.length) throw new Error('no demo accounts to own the bench listings (seed the demo first)');
  return rows.map((row) => ({ userId: row.user_id, organisationId: row.organisation_id }));
}

/** Bench listings already written (by reference number), so a second run only tops up. */
async function countBenchListings(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listings WHERE reference ~ '-5[0-9]{6}$'`);
  return Number(row!.n);
}

/** Writes bench listings until there are `count`; migrates and seeds reference and demo accounts first. Returns seconds spent writing. */
export async function generateExchangeListings(database: Database, count = DEFAULT_COUNT, log: (line: string) => void = () => undefined): Promise<{ written: number; seconds: number }> {
  await migrate(database);
  await seedReference(database);
  await seedDemo(database, { memoryCost: 19456, timeCost: 2 });
  const owners = await benchOwners(database);
  const glossary = glossaryBySector();
  const start = await countBenchListings(database);
  const today = new Date();
  const t0 = performance.now();
  // A server takes several batches at once (the generated search vector and the indexes cost CPU on its side); PGlite has one connection.
  const starts = Array.from({ length: Math.ceil(Math.max(0, count - start) / BATCH) }, (_, i) => start + i * BATCH);
  let done = start;
  const worker = async () => {
    for (let from = starts.shift(); from !== undefined; from = starts.shift()) {
      const rows = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => benchRow(from + i + 1, glossary, owners, today));
      await database.query(INSERT_SQL, [JSON.stringify(rows)]);
      done += rows.length;
      if (Math.floor(done / 20_000) !== Math.floor((done - rows.length) / 20_000)) log(`  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} listings`);
    }
  };
  await Promise.all(Array.from({ length: database.kind === 'postgres' ? WRITERS : 1 }, worker));
  await database.execScript('ANALYZE listings; ANALYZE listing_revisions; ANALYZE search_vocabulary;');
  return { written: Math.max(0, count - start), seconds: (performance.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_LISTINGS ?? DEFAULT_COUNT);
  const url = process.env.DATABASE_URL;
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(ROOT, 'data/bench-exchange');
  const database = await openDatabase(url ? { url, poolSize: WRITERS } : { dataDir });
  try {
    console.log(`Writing ${count.toLocaleString('en')} exchange listings into ${url ? 'the PostgreSQL server of DATABASE_URL' : `PGlite at ${dataDir}`}…`);
    const { written, seconds } = await generateExchangeListings(database, count, console.log);
    console.log(`${written.toLocaleString('en')} listings written in ${seconds.toFixed(1)} s (${(written / Math.max(seconds, 0.001)).toFixed(0)} per second).`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
