import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DATA_STEPS } from '../common/src/api/registration-filing.js';
import { openDatabase } from '../server/src/core/db/database.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../server/src/seeds/data.js';
import { seedDatabase, startPlatform, stopPlatform, type Platform } from './platform.js';
import { benchDossier, openCasesSql, paddedPdf } from './registration-data.js';
import { BenchSession, type Timed } from './session.js';
import { percentile, timedLoad, type TimedLoadResult } from './timed-load.js';

/**
 * Contract registration against the real platform process, on embedded PostgreSQL (PGlite) and, when reachable, on the
 * PostgreSQL server: (1) dossier submission — draft, six steps, three 5 MiB PDFs, submit — one dossier after another,
 * server time read from the Server-Timing header (target p95 ≤ 500 ms per upload and for the submit); (2) the DOST
 * queue with 10,000 open cases written by SQL, read by a DOST leader from 16 keep-alive clients (target p95 ≤ 100 ms).
 */
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 30);
const WARM_UP_DOSSIERS = 2;
const PDF_BYTES = 5 * 1024 * 1024;
const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 10_000);
const QUEUE_MS = Number(process.env.BENCH_QUEUE_SECONDS ?? 4) * 1000;
const CONCURRENCY = 16;
const SUBMISSION_TARGET_MS = 500;
const QUEUE_TARGET_MS = 100;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const DOCUMENTS = [
  { kind: 'request_letter', name: 'don-de-nghi-dang-ky.pdf' },
  { kind: 'contract', name: 'hop-dong-chuyen-giao-cong-nghe.pdf' },
  { kind: 'contract_translation', name: 'ban-dich-hop-dong.pdf' },
] as const;
const QUEUE_VARIANTS = [
  { label: 'default (sorted by time left)', query: '' },
  { label: 'filtered (in review, with risk flags)', query: '?status=in_review&flagged=true' },
  { label: 'searched ("co khi": title or applicant)', query: '?q=co%20khi' },
];

const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
const APPLICANT = user('doanh-nghiep@demo.cgcn.vn');
const LEADER = user('lanh-dao@demo.cgcn.vn');
const OFFICER = user('can-bo@demo.cgcn.vn');

interface Submission {
  uploads: Timed[];
  submit: Timed;
  server: number;
  client: number;
}

type State = { id: string; revision: number; status: string };

/** Files one dossier as the web form does: draft, each data step, three PDFs, submit (with Idempotency-Keys). */
export async function fileDossier(session: BenchSession, i: number): Promise<Submission> {
  const data = benchDossier(i);
  const calls: Timed[] = [];
  const t0 = performance.now();
  const created = await session.ok<State>('POST', '/api/v1/registrations', { json: { purpose: 'new' }, headers: { 'idempotency-key': `bench-${randomUUID()}` } });
  calls.push(created);
  const id = created.body.id;
  let revision = created.body.revision;
  for (const step of DATA_STEPS) {
    const saved = await session.ok<State>('PUT', `/api/v1/registrations/${id}/steps/${step}`, { json: { revision, data: data[step] } });
    calls.push(saved);
    revision = saved.body.revision;
  }
  const uploads: Timed[] = [];
  for (const document of DOCUMENTS) {
    const form = new FormData();
    form.append('kind', document.kind);
    form.append('revision', String(revision));
    form.append('file', new Blob([new Uint8Array(paddedPdf(`${document.kind} ${i} ${id}`, PDF_BYTES))], { type: 'application/pdf' }), document.name);
    const uploaded = await session.ok<{ revision: number }>('POST', `/api/v1/registrations/${id}/documents`, { form });
    uploads.push(uploaded);
    revision = uploaded.body.revision;
  }
  const submit = await session.ok<State>('POST', `/api/v1/registrations/${id}/submit`, { json: { revision }, headers: { 'idempotency-key': `bench-${randomUUID()}` } });
  if (submit.body.status !== 'submitted') throw new Error(`dossier ${i} not submitted: ${JSON.stringify(submit.body)}`);
  const client = performance.now() - t0;
  calls.push(...uploads, submit);
  return { uploads, submit, client, server: calls.reduce((sum, call) => sum + call.serverMs, 0) };
}

interface Stat {
  n: number;
  server: { p50: number; p95: number };
  client: { p50: number; p95: number };
}

function stat(samples: { server: number; client: number }[]): Stat {
  const server = samples.map((s) => s.server).sort((a, b) => a - b);
  const client = samples.map((s) => s.client).sort((a, b) => a - b);
  return { n: samples.length, server: { p50: percentile(server, 50), p95: percentile(server, 95) }, client: { p50: percentile(client, 50), p95: percentile(client, 95) } };
}

interface EngineResult {
  engine: string;
  upload: Stat;
  submit: Stat;
  whole: Stat;
  seedSeconds: number;
  queue: { label: string; total: number; load: TimedLoadResult }[];
}

async function benchSubmissions(platform: Platform): Promise<Pick<EngineResult, 'upload' | 'submit' | 'whole'>> {
  const session = await BenchSession.signIn(platform.url, APPLICANT.email, DEMO_PASSWORD);
  for (let i = 0; i < WARM_UP_DOSSIERS; i++) await fileDossier(session, -1 - i);
  const runs: Submission[] = [];
  for (let i = 0; i < DOSSIERS; i++) runs.push(await fileDossier(session, i));
  const timing = (t: Timed) => ({ server: t.serverMs, client: t.clientMs });
  return { upload: stat(runs.flatMap((r) => r.uploads.map(timing))), submit: stat(runs.map((r) => timing(r.submit))), whole: stat(runs) };
}

async function benchQueue(platform: Platform): Promise<EngineResult['queue']> {
  const leader = await BenchSession.signIn(platform.url, LEADER.email, DEMO_PASSWORD, LEADER.totpSecret);
  const headers = { cookie: leader.cookieHeader(), 'accept-language': 'vi' };
  const results: EngineResult['queue'] = [];
  for (const variant of QUEUE_VARIANTS) {
    const url = `${platform.url}/api/v1/registration-cases${variant.query}`;
    const first = await leader.ok<{ total: number }>('GET', `/api/v1/registration-cases${variant.query}`);
    await timedLoad(url, headers, CONCURRENCY, 1000); // warm-up
    results.push({ label: variant.label, total: first.body.total, load: await timedLoad(url, headers, CONCURRENCY, QUEUE_MS) });
  }
  return results;
}

async function timedSeed(run: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await run();
  return (performance.now() - t0) / 1000;
}

/** PGlite: the platform owns the data folder while it runs, so the open cases are written between two runs. */
async function measurePglite(port: number): Promise<EngineResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tt-bench-reg-'));
  await seedDatabase({ DATA_DIR: dataDir });
  let platform = await startPlatform(port, { DATA_DIR: dataDir });
  let submissions;
  try {
    submissions = await benchSubmissions(platform);
  } finally {
    await stopPlatform(platform);
  }
  const seedSeconds = await timedSeed(async () => {
    const database = await openDatabase({ dataDir });
    try {
      await database.execScript(openCasesSql(OPEN_CASES, OFFICER.email));
    } finally {
      await database.close();
    }
  });
  platform = await startPlatform(port, { DATA_DIR: dataDir });
  try {
    return { engine: 'PGlite (embedded)', ...submissions, seedSeconds, queue: await benchQueue(platform) };
  } finally {
    await stopPlatform(platform);
  }
}

async function measureServer(port: number, admin: pg.Client): Promise<EngineResult> {
  const dbName = `tt_bench_reg_${process.pid}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  try {
    await seedDatabase({ DATABASE_URL: url.toString() });
    const platform = await startPlatform(port, { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '10' });
    try {
      const submissions = await benchSubmissions(platform);
      const seedSeconds = await timedSeed(async () => {
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        try {
          await client.query(openCasesSql(OPEN_CASES, OFFICER.email));
          // What autovacuum does within a minute of such an insert on a server (PGlite has no autovacuum).
          await client.query('VACUUM ANALYZE cases, registration_dossiers, case_assignments, case_clocks');
        } finally {
          await client.end();
        }
      });
      return { engine: 'PostgreSQL server', ...submissions, seedSeconds, queue: await benchQueue(platform) };
    } finally {
      await stopPlatform(platform);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const verdict = (p95: number, target: number) => (p95 <= target ? 'met' : 'MISSED');

function printResults(rows: EngineResult[]): void {
  console.log(
    `\nRegistration dossier submission: ${DOSSIERS} dossiers one after another (after ${WARM_UP_DOSSIERS} warm-up), each: draft, ${DATA_STEPS.length} data steps, three ${PDF_BYTES / 1024 / 1024} MiB PDFs (request letter, contract, translation), submit. Server = Server-Timing app;dur; client = round trip. Target p95 ≤ ${SUBMISSION_TARGET_MS} ms (upload, submit).`,
  );
  console.log('| engine | request | n | server p50 ms | server p95 ms | client p50 ms | client p95 ms | target |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const line = (label: string, s: Stat, target: string) =>
      console.log(`| ${r.engine} | ${label} | ${s.n} | ${fmt(s.server.p50)} | ${fmt(s.server.p95)} | ${fmt(s.client.p50)} | ${fmt(s.client.p95)} | ${target} |`);
    line('upload one 5 MiB PDF', r.upload, verdict(r.upload.server.p95, SUBMISSION_TARGET_MS));
    line('submit', r.submit, verdict(r.submit.server.p95, SUBMISSION_TARGET_MS));
    line(`whole submission (${DATA_STEPS.length + 5} requests)`, r.whole, '—');
  }
  console.log(
    `\nDOST registration queue: ${OPEN_CASES.toLocaleString('en')} open cases added by SQL (+ the dossiers above and the demo data), GET /api/v1/registration-cases page 1 as the DOST leader, ${CONCURRENCY} keep-alive clients, ${QUEUE_MS / 1000} s after a 1 s warm-up. Target p95 ≤ ${QUEUE_TARGET_MS} ms.`,
  );
  console.log('| engine | query | matches | p50 ms | p95 ms | req/s | server p50 ms | server p95 ms | errors | target |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    for (const q of r.queue) {
      console.log(
        `| ${r.engine} | ${q.label} | ${q.total} | ${fmt(q.load.client.p50)} | ${fmt(q.load.client.p95)} | ${q.load.perSecond.toFixed(0)} | ${fmt(q.load.server.p50)} | ${fmt(q.load.server.p95)} | ${q.load.errors} | ${verdict(q.load.client.p95, QUEUE_TARGET_MS)} |`,
      );
    }
  }
  console.log(`(open cases written in ${rows.map((r) => `${r.seedSeconds.toFixed(1)} s on ${r.engine}`).join(', ')})`);
}

/** Runs both registration benchmarks on PGlite and, when reachable, the PostgreSQL server, and prints two tables. */
export async function benchRegistrations(): Promise<void> {
  const port = 3170 + 2 * Math.floor(Math.random() * 5);
  const rows: EngineResult[] = [await measurePglite(port)];
  const admin = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    rows.push(await measureServer(port + 1, admin));
  } catch (error) {
    console.log(`Registration bench: PostgreSQL server not measured: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  printResults(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchRegistrations().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
