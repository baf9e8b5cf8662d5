import http from 'node:http';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import type { ExchangeSearchInput } from '../common/src/api/exchange-search.js';
import { loadConfig } from '../server/src/core/config.js';
import type { Actor, Ctx } from '../server/src/core/context.js';
import { ANONYMOUS } from '../server/src/core/context.js';
import { openDatabase, type Database } from '../server/src/core/db/database.js';
import { matchesFor, searchListings } from '../server/src/modules/exchange/index.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../server/src/seeds/data.js';
import { generateExchangeListings } from './exchange-data.js';
import { startPlatform, stopPlatform } from './platform.js';
import { BenchSession, serverTimingMs } from './session.js';
import { percentile } from './timed-load.js';

/**
 * Technology exchange search and matching on 200,000 listings (npm run bench:data), on PGlite and on the PostgreSQL
 * server: a mixed query set (Vietnamese with and without diacritics, English, typos, facets) from 16 keep-alive clients
 * through GET /api/v1/exchange/search, next to the same search service and SQL called in-process on the database (no
 * HTTP, no Fastify) — the ratio is the API's cost — and the matches of one demand, GET /api/v1/exchange/listings/{id}/
 * matches as a DOST officer, next to matchesFor in-process. Raw SQL: the statements the service issued for each query
 * (captured once, in order, with their parameters) replayed through the driver with no service code — the issue's
 * "same SQL run directly" and the API / SQL ratio. Targets on the server: search p95 ≤ 50 ms, matching p95 ≤ 150 ms,
 * API ≤ 1.5 × raw SQL.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 200_000);
const SEARCH_MS = Number(process.env.BENCH_SEARCH_SECONDS ?? 8) * 1000;
const MATCH_RUNS = Number(process.env.BENCH_MATCH_RUNS ?? 40);
const CONCURRENCY = 16;
const PORT = Number(process.env.BENCH_EXCHANGE_PORT ?? 3107);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET = { search: 50, matching: 150, ratio: 1.5 };

/** The mixed query set, cycled by every client. */
export const QUERIES: { label: string; input: ExchangeSearchInput }[] = [
  { label: 'vi', input: { q: 'xử lý nước thải' } },
  { label: 'vi', input: { q: 'nuôi trồng thủy sản' } },
  { label: 'vi', input: { q: 'kho lạnh bảo quản' } },
  { label: 'vi', input: { q: 'hàn tự động' } },
  { label: 'vi no diacritics', input: { q: 'xu ly nuoc thai' } },
  { label: 'vi no diacritics', input: { q: 'nuoi trong thuy san' } },
  { label: 'vi no diacritics', input: { q: 'dien mat troi ap mai' } },
  { label: 'vi no diacritics', input: { q: 'tri tue nhan tao' } },
  { label: 'en', input: { q: 'wastewater treatment' } },
  { label: 'en', input: { q: 'cold chain' } },
  { label: 'en', input: { q: 'machine learning' } },
  { label: 'en', input: { q: 'offshore wind power' } },
  { label: 'typo', input: { q: 'wastewatr treatmnt' } },
  { label: 'facets', input: { kind: 'offer', sector: '1.7' } },
  { label: 'facets', input: { q: 'vaccine', kind: 'offer', language: 'en' } },
  { label: 'facets', input: { q: 'thiết bị', kind: 'demand', sector: '1.8', trlMin: 5 } },
  { label: 'facets', input: { country: 'JP', kind: 'offer', sort: 'date' } },
];

const urlOf = (input: ExchangeSearchInput) => `/api/v1/exchange/search?${new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)])).toString()}`;

interface Stat {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  server?: { p50: number; p95: number };
}

function stat(samples: number[], errors: number, server?: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const s = server ? [...server].sort((a, b) => a - b) : undefined;
  return { n: sorted.length, errors, p50: percentile(sorted, 50), p95: percentile(sorted, 95), ...(s ? { server: { p50: percentile(s, 50), p95: percentile(s, 95) } } : {}) };
}

/** `concurrency` closed-loop workers for `durationMs`, each running the next query of the set. */
async function closedLoop(concurrency: number, durationMs: number, run: (i: number) => Promise<number | null>): Promise<{ times: number[]; server: number[]; errors: number; byQuery: number[][] }> {
  const times: number[] = [];
  const byQuery: number[][] = QUERIES.map(() => []);
  const server: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const i = next++;
        try {
          const serverMs = await run(i);
          times.push(performance.now() - t0);
          byQuery[i % QUERIES.length]!.push(performance.now() - t0);
          if (serverMs !== null) server.push(serverMs);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { times, server, errors, byQuery };
}

function httpGet(agent: http.Agent, base: string, pathname: string, headers: Record<string, string> = {}): Promise<number> {
  const target = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, hostname: target.hostname, port: target.port, path: pathname, headers: { 'accept-language': 'vi', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(serverTimingMs(res.headers['server-timing'] as string | undefined)) : reject(new Error(`${pathname} → ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Measured {
  search: Stat;
  matching: Stat;
  /** p95 per query of the set. */
  byQuery: number[];
}

const p95Of = (samples: number[]) => percentile([...samples].sort((a, b) => a - b), 95);

async function dostActor(database: Database): Promise<Actor> {
  const officer = DEMO_USERS.find((u) => u.role === 'dost_officer')!;
  const [row] = await database.query<{ id: string; organisation_id: string }>(`SELECT u.id, g.organisation_id FROM users u JOIN role_grants g ON g.user_id = u.id WHERE u.email = $1`, [officer.email]);
  return { kind: 'user', userId: row!.id, email: officer.email, name: officer.name, grants: [{ role: 'dost_officer', organisationId: row!.organisation_id, organisationName: null }], sessionId: 'bench' };
}

/** A published, valid demand in the environment sector: the one whose matches are measured. */
async function benchDemand(database: Database): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    `SELECT id FROM listings WHERE kind = 'demand' AND status = 'published' AND valid_until >= current_date AND sector_codes @> '{1.7}' AND reference ~ '-5[0-9]{6}$' ORDER BY reference LIMIT 1`,
  );
  return row!.id;
}

/** One statement as the service sent it. */
interface Statement {
  text: string;
  params: unknown[];
}

/**
 * Runs `fn` once and returns every statement it sent through drizzle (db.execute, transactions included), rendered by
 * drizzle's dialect exactly as the driver receives it.
 */
async function captureStatements(database: Database, fn: () => Promise<unknown>): Promise<Statement[]> {
  type Exec = { execute: (query: SQL) => Promise<unknown>; dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } } };
  type Txn = { transaction: (run: (tx: Exec) => Promise<unknown>, config?: unknown) => Promise<unknown> };
  const db = database.db as unknown as Exec & Txn;
  const statements: Statement[] = [];
  const record = (query: SQL) => {
    const { sql: text, params } = db.dialect.sqlToQuery(query);
    statements.push({ text, params });
  };
  const execute = db.execute;
  const transaction = db.transaction;
  db.execute = function (this: Exec, query: SQL) {
    record(query);
    return execute.call(this, query);
  };
  db.transaction = function (this: Txn, run: (tx: Exec) => Promise<unknown>, config?: unknown) {
    return transaction.call(
      this,
      (tx: Exec) => {
        const txExecute = tx.execute;
        tx.execute = (query: SQL) => {
          record(query);
          return txExecute.call(tx, query);
        };
        return run(tx);
      },
      config,
    );
  };
  try {
    await fn();
  } finally {
    db.execute = execute;
    db.transaction = transaction;
  }
  return statements;
}

/** The captured statements of each query of the set (and of one matchesFor) replayed in order through the driver. */
async function measureRawSql(database: Database, searches: Statement[][], matching: Statement[]): Promise<Measured> {
  const replay = async (statements: Statement[]) => {
    for (const s of statements) await database.query(s.text, s.params);
  };
  const search = (i: number) => replay(searches[i % searches.length]!).then(() => null);
  await closedLoop(CONCURRENCY, 1500, search);
  const s = await closedLoop(CONCURRENCY, SEARCH_MS, search);
  const matches: number[] = [];
  for (let i = 0; i < MATCH_RUNS + 3; i++) {
    const t0 = performance.now();
    await replay(matching);
    if (i >= 3) matches.push(performance.now() - t0);
  }
  return { search: stat(s.times, s.errors), matching: stat(matches, 0), byQuery: s.byQuery.map(p95Of) };
}

/** The search service and matchesFor called in-process on the database: the SQL and its TypeScript, no HTTP. */
async function measureDirect(database: Database, demandId: string): Promise<{ direct: Measured; raw: Measured }> {
  const config = loadConfig({ ...process.env, DATABASE_URL: '' });
  const ctx = (actor: Actor): Ctx => ({ db: database.db, database, actor, locale: 'vi', requestId: 'bench', ip: null, config });
  const anonymous = ctx(ANONYMOUS);
  const search = (i: number) => searchListings(anonymous, QUERIES[i % QUERIES.length]!.input).then(() => null);
  await closedLoop(CONCURRENCY, 1500, search); // warm-up
  const s = await closedLoop(CONCURRENCY, SEARCH_MS, search);
  const dost = ctx(await dostActor(database));
  const matches: number[] = [];
  for (let i = 0; i < MATCH_RUNS + 3; i++) {
    const t0 = performance.now();
    await matchesFor(dost, { listingId: demandId });
    if (i >= 3) matches.push(performance.now() - t0);
  }
  const direct = { search: stat(s.times, s.errors), matching: stat(matches, 0), byQuery: s.byQuery.map(p95Of) };
  const searches: Statement[][] = [];
  for (const query of QUERIES) searches.push(await captureStatements(database, () => searchListings(anonymous, query.input)));
  const matching = await captureStatements(database, () => matchesFor(dost, { listingId: demandId }));
  return { direct, raw: await measureRawSql(database, searches, matching) };
}

/** The same through the platform process on PORT. */
async function measureApi(env: Record<string, string>, demandId: string): Promise<Measured> {
  const platform = await startPlatform(PORT, { SEED_DEMO: 'false', ...env });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const search = (i: number) => httpGet(agent, platform.url, urlOf(QUERIES[i % QUERIES.length]!.input));
    await closedLoop(CONCURRENCY, 1500, search);
    const s = await closedLoop(CONCURRENCY, SEARCH_MS, search);
    const officer = DEMO_USERS.find((u) => u.role === 'dost_officer')!;
    const session = await BenchSession.signIn(platform.url, officer.email, DEMO_PASSWORD, officer.totpSecret);
    const matches: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < MATCH_RUNS + 3; i++) {
      const t0 = performance.now();
      const serverMs = await httpGet(agent, platform.url, `/api/v1/exchange/listings/${demandId}/matches`, { cookie: session.cookieHeader() });
      if (i >= 3) {
        matches.push(performance.now() - t0);
        server.push(serverMs);
      }
    }
    return { search: stat(s.times, s.errors, s.server), matching: stat(matches, 0, server), byQuery: s.byQuery.map(p95Of) };
  } finally {
    agent.destroy();
    await stopPlatform(platform);
  }
}

interface EngineResult {
  engine: string;
  dataSeconds: number;
  written: number;
  direct: Measured;
  /** The captured statements replayed through the driver (no service code). */
  raw: Measured;
  api: Measured;
}

async function measurePglite(): Promise<EngineResult> {
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(ROOT, 'data/bench-exchange');
  const database = await openDatabase({ dataDir });
  let measured: { direct: Measured; raw: Measured };
  let demandId: string;
  let data: { written: number; seconds: number };
  try {
    data = await generateExchangeListings(database, LISTINGS);
    demandId = await benchDemand(database);
    measured = await measureDirect(database, demandId);
  } finally {
    await database.close(); // the platform process opens the folder next; one process at a time
  }
  return { engine: 'PGlite (embedded)', dataSeconds: data.seconds, written: data.written, ...measured, api: await measureApi({ DATA_DIR: dataDir }, demandId) };
}

async function measureServer(admin: pg.Client): Promise<EngineResult> {
  const keep = process.env.BENCH_EXCHANGE_DATABASE; // an existing database to reuse (kept), else a fresh one (dropped)
  const dbName = keep ?? 'tt_bench_exchange';
  if (!keep) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  try {
    const database = await openDatabase({ url: url.toString(), poolSize: CONCURRENCY });
    let measured: { direct: Measured; raw: Measured };
    let demandId: string;
    let data: { written: number; seconds: number };
    try {
      data = await generateExchangeListings(database, LISTINGS);
      await database.execScript('VACUUM ANALYZE listings, listing_revisions, search_vocabulary');
      demandId = await benchDemand(database);
      measured = await measureDirect(database, demandId);
    } finally {
      await database.close();
    }
    const api = await measureApi({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: String(CONCURRENCY) }, demandId);
    return { engine: 'PostgreSQL server', dataSeconds: data.seconds, written: data.written, ...measured, api };
  } finally {
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function printResults(rows: EngineResult[]): void {
  console.log(
    `\nExchange search on ${LISTINGS.toLocaleString('en')} listings (+ demo): ${QUERIES.length} queries cycled (vi with and without diacritics, en, a typo, facets), ${CONCURRENCY} clients, ${SEARCH_MS / 1000} s after a 1.5 s warm-up. API = GET /api/v1/exchange/search through the platform process (keep-alive HTTP); direct = searchListings in-process on the same database (its SQL and TypeScript, no HTTP); raw SQL = the statements searchListings sent for each query, replayed in order through the driver. Targets on the server: p95 ≤ ${TARGET.search} ms, API ≤ ${TARGET.ratio} × raw SQL.`,
  );
  console.log('| engine | path | requests | errors | p50 ms | p95 ms | server p95 ms | API / raw SQL (p50, p95) | API / direct (p50, p95) | target |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const ratios = (a: Stat, b: Stat) => `${(a.p50 / b.p50).toFixed(2)}, ${(a.p95 / b.p95).toFixed(2)}`;
  for (const r of rows) {
    const ratio95 = r.api.search.p95 / r.raw.search.p95;
    console.log(`| ${r.engine} | raw SQL | ${r.raw.search.n} | ${r.raw.search.errors} | ${fmt(r.raw.search.p50)} | ${fmt(r.raw.search.p95)} | — | — | — | ${verdict(r.raw.search.p95 <= TARGET.search)} |`);
    console.log(`| ${r.engine} | direct | ${r.direct.search.n} | ${r.direct.search.errors} | ${fmt(r.direct.search.p50)} | ${fmt(r.direct.search.p95)} | — | — | — | ${verdict(r.direct.search.p95 <= TARGET.search)} |`);
    console.log(`| ${r.engine} | API | ${r.api.search.n} | ${r.api.search.errors} | ${fmt(r.api.search.p50)} | ${fmt(r.api.search.p95)} | ${fmt(r.api.search.server!.p95)} | ${ratios(r.api.search, r.raw.search)} | ${ratios(r.api.search, r.direct.search)} | ${verdict(r.api.search.p95 <= TARGET.search && ratio95 <= TARGET.ratio)} |`);
  }
  console.log(`\nMatching: the ranked offers of one demand (sector 1.7), ${MATCH_RUNS} runs one after another after 3 warm-up runs; API as a DOST officer. Target p95 ≤ ${TARGET.matching} ms.`);
  console.log('| engine | path | p50 ms | p95 ms | server p95 ms | target |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.engine} | raw SQL | ${fmt(r.raw.matching.p50)} | ${fmt(r.raw.matching.p95)} | — | ${verdict(r.raw.matching.p95 <= TARGET.matching)} |`);
    console.log(`| ${r.engine} | direct | ${fmt(r.direct.matching.p50)} | ${fmt(r.direct.matching.p95)} | — | ${verdict(r.direct.matching.p95 <= TARGET.matching)} |`);
    console.log(`| ${r.engine} | API | ${fmt(r.api.matching.p50)} | ${fmt(r.api.matching.p95)} | ${fmt(r.api.matching.server!.p95)} | ${verdict(r.api.matching.p95 <= TARGET.matching)} |`);
  }
  console.log('\nSearch p95 ms per query (raw SQL / direct / API):');
  console.log(`| query | ${rows.map((r) => r.engine).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---').join('|')}|`);
  QUERIES.forEach((query, i) => console.log(`| ${query.label}: ${urlOf(query.input).split('?')[1]} | ${rows.map((r) => `${fmt(r.raw.byQuery[i]!)} / ${fmt(r.direct.byQuery[i]!)} / ${fmt(r.api.byQuery[i]!)}`).join(' | ')} |`));
  console.log(`(listings written for this run: ${rows.map((r) => `${r.written.toLocaleString('en')} in ${r.dataSeconds.toFixed(1)} s on ${r.engine}`).join(', ')})`);
}

/** Runs the exchange bench on PGlite and, when reachable, the PostgreSQL server, and prints two tables. */
export async function benchExchangeSearch(): Promise<void> {
  const rows: EngineResult[] = [];
  if (process.env.BENCH_EXCHANGE_ENGINES !== 'server') rows.push(await measurePglite());
  const admin = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    if (process.env.BENCH_EXCHANGE_ENGINES !== 'pglite') rows.push(await measureServer(admin));
  } catch (error) {
    console.log(`Exchange bench: PostgreSQL server not measured: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  printResults(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchExchangeSearch().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
