import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureWebBuild } from '../server/src/web-build.js';
import { runLoad, type LoadResult } from './load.js';
import { benchCertificates } from './certificates.js';
import { benchClassification } from './classification.js';
import { benchRegistrations } from './registrations.js';
import { benchExchangeSearch } from './exchange-search.js';
import { spawnNode, startPlatform, stopProcess, waitReady } from './platform.js';

/**
 * npm run bench — cold start, sign-in throughput and catalog read latency/throughput next to a bare Fastify route,
 * on embedded PostgreSQL (PGlite) and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL or 127.0.0.1:5432);
 * then classification of 1,000 texts (bench/classification.ts), registration certificate PDFs (bench/certificates.ts),
 * registrations (bench/registrations.ts) and exchange search and matching on 200,000 listings (bench/exchange-search.ts).
 */
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CONCURRENCY = 16;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

async function signInLoad(url: string): Promise<LoadResult> {
  const session = await fetch(`${url}/api/v1/session`);
  const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  return runLoad({
    url: `${url}/api/v1/auth/sign-in`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
    body: JSON.stringify({ email: 'doanh-nghiep@demo.cgcn.vn', password: 'HaiPhong-Demo-2026' }),
    concurrency: 4,
    durationMs: Math.min(DURATION_MS, 5000),
  });
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

interface Row {
  engine: string;
  coldStart?: number;
  signIn: LoadResult;
  catalog: LoadResult;
  bare: LoadResult;
  rss: number;
}

async function measure(engine: string, port: number, env: Record<string, string>, coldStart?: number): Promise<Row> {
  const platform = await startPlatform(port, env);
  try {
    const sample = await fetch(`${platform.url}/api/v1/catalog/sectors`);
    const payloadFile = path.join(await mkdtemp(path.join(tmpdir(), 'tt-bench-')), 'payload.json');
    await writeFile(payloadFile, await sample.text());
    const signIn = await signInLoad(platform.url);
    await runLoad({ url: `${platform.url}/api/v1/catalog/sectors`, concurrency: CONCURRENCY, durationMs: 2000 }); // warm-up
    const catalog = await runLoad({ url: `${platform.url}/api/v1/catalog/sectors`, concurrency: CONCURRENCY, durationMs: DURATION_MS });
    const rss = await rssMb(platform.child.pid!);
    const bareProc = spawnNode(['--import', 'tsx', 'bench/bare-server.ts', payloadFile, String(port + 1)], {});
    await waitReady(`http://127.0.0.1:${port + 1}/bare`, bareProc);
    await runLoad({ url: `http://127.0.0.1:${port + 1}/bare`, concurrency: CONCURRENCY, durationMs: 2000 });
    const bare = await runLoad({ url: `http://127.0.0.1:${port + 1}/bare`, concurrency: CONCURRENCY, durationMs: DURATION_MS });
    await stopProcess(bareProc);
    return { engine, ...(coldStart !== undefined ? { coldStart } : {}), signIn, catalog, bare, rss };
  } finally {
    await stopProcess(platform);
  }
}

async function main(): Promise<void> {
  await ensureWebBuild('auto');
  const rows: Row[] = [];
  const port = 3700 + Math.floor(Math.random() * 200) * 2;

  const colds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'tt-bench-cold-'));
    const platform = await startPlatform(port, { DATA_DIR: dir });
    colds.push(platform.seconds);
    await stopProcess(platform);
  }
  colds.sort((a, b) => a - b);
  console.log(`cold start to ready, embedded PostgreSQL, new data folder with reference + demo seed: ${colds.map((s) => fmt(s, 2)).join(' s, ')} s (median ${fmt(colds[1]!, 2)} s)`);

  rows.push(await measure('PGlite (embedded)', port, { DATA_DIR: await mkdtemp(path.join(tmpdir(), 'tt-bench-')) }, colds[1]));

  const admin = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  const dbName = `tt_bench_${process.pid}`;
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${dbName}`;
    try {
      rows.push(await measure('PostgreSQL server', port, { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '10' }));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    }
  } catch (error) {
    console.log(`PostgreSQL server not measured: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }

  console.log(`\nLoad: ${CONCURRENCY} keep-alive clients, ${DURATION_MS / 1000} s per measurement after a 2 s warm-up; sign-in with 4 clients. Server LOG_LEVEL=warn.`);
  console.log('| engine | sign-in req/s | catalog p50 ms | catalog p95 ms | catalog req/s | bare route req/s | catalog / bare | errors | server RSS after (MB) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${fmt(r.signIn.perSecond)} | ${fmt(r.catalog.p50, 2)} | ${fmt(r.catalog.p95, 2)} | ${fmt(r.catalog.perSecond, 0)} | ${fmt(r.bare.perSecond, 0)} | ${fmt((100 * r.catalog.perSecond) / r.bare.perSecond, 0)} % | ${r.signIn.errors + r.catalog.errors + r.bare.errors} | ${fmt(r.rss, 0)} |`,
    );
  }

  await benchClassification();
  await benchCertificates();
  await benchRegistrations();
  await benchExchangeSearch();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
