import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredDocumentKinds, type DataStep } from '../../../common/src/api/registration-dossier.js';
import { DATA_STEPS } from '../../../common/src/api/registration-filing.js';
import { addDays } from '../../../common/src/dates.js';
import { openDatabase, type Database } from '../../src/core/db/database.js';
import { vietnamToday } from '../../src/modules/catalog/index.js';
import { cleanDossier } from '../../src/modules/contract-registration/risk-flags.fixtures.js';
import { DEMO_PASSWORD } from '../../src/seeds/data.js';
import { withDatabase } from '../global-setup.js';
import { freePort, HttpClient, Platform, sleep, type HttpReply } from './platform.js';

/*
 * Crash test (issue 5 "Bad input and faults"): 200 concurrent submissions through the real HTTP API of the real
 * platform process (create with Idempotency-Key, save every step, upload the required PDFs, submit with
 * Idempotency-Key, retrying whatever fails) while the server is SIGKILLed at random moments and restarted. Afterwards
 * every acknowledged submission is complete (status, version snapshot, documents with their SHA-256, one submit
 * event, a completeness clock), nothing is half-submitted, and no retry created a second case. PGlite in a temporary
 * folder, or a fresh database on TEST_DATABASE_URL's server.
 */

const SUBMISSIONS = Number(process.env.CRASH_SUBMISSIONS ?? 200);
const KILLS = Number(process.env.CRASH_KILLS ?? 3);
/** Restarts skip the demo seed (done by the first start) so that the server is back sooner. */
const RESTART = { env: { SEED_DEMO: 'false' } };
const FLOW_DEADLINE_MS = 240_000;
const FILER = 'doanh-nghiep@demo.cgcn.vn';

const run = randomBytes(4).toString('hex');
const data = cleanDossier({ contract: { signedOn: addDays(vietnamToday(), -20) } });
const requiredKinds = requiredDocumentKinds(data);
const serverUrl = process.env.TEST_DATABASE_URL;
const engine = serverUrl ? 'PostgreSQL' : 'PGlite';

let platform: Platform;
let dataDir: string | null = null;
let databaseName: string | null = null;

/** Permanent failure: the flow must not retry it (a bug, not a crash). */
class Fatal extends Error {}
/** Transient failure (server down, restarting, lost answer, conflict after a lost answer): sync and retry. */
class Retry extends Error {}

interface Submission {
  key: string;
  caseId: string | null;
  revision: number;
  status: string;
  synced: boolean;
  saved: Set<DataStep>;
  uploaded: Set<string>;
  acked: boolean;
  retries: number;
  answerLost: boolean;
  lastError: string;
}

function pdfOf(key: string, kind: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${key} ${kind}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}
const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

function expectStatus<T>(reply: HttpReply<T>, ok: number[], what: string): T {
  if (ok.includes(reply.status)) return reply.body;
  const detail = `${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
  if (reply.status >= 500 || reply.status === 409 || reply.status === 429) throw new Retry(detail);
  throw new Fatal(detail);
}

/** One step of a submission's flow, from what the client knows (re-read from the server after any failure). */
async function advance(client: HttpClient, s: Submission): Promise<void> {
  const idempotency = { 'idempotency-key': s.key };
  if (!s.caseId) {
    const state = expectStatus(await client.request('POST', '/api/v1/registrations', { json: { purpose: 'new' }, headers: idempotency }), [200, 201], 'create');
    Object.assign(s, { caseId: state.id, revision: state.revision, status: state.status, synced: true });
    return;
  }
  const base = `/api/v1/registrations/${s.caseId}`;
  if (!s.synced) {
    const detail = expectStatus(await client.request('GET', base), [200], 'read');
    s.revision = detail.revision;
    s.status = detail.status;
    // Submitted, but the answer was lost (the server died after the commit): the retry must still be acknowledged.
    if (detail.status !== 'draft' && !s.acked) s.answerLost = true;
    s.saved = new Set(DATA_STEPS.filter((step) => detail.data[step] !== undefined));
    for (const document of detail.documents as { kind: string; sha256: string }[]) {
      if (document.sha256 !== sha256(pdfOf(s.key, document.kind))) throw new Fatal(`${s.key}: ${document.kind} stored with another SHA-256`);
    }
    s.uploaded = new Set(detail.documents.map((document: { kind: string }) => document.kind));
    s.synced = true;
    return;
  }
  const step = DATA_STEPS.find((name) => !s.saved.has(name));
  const kind = requiredKinds.find((name) => !s.uploaded.has(name));
  if (s.status === 'draft' && step) {
    s.revision = expectStatus(await client.request('PUT', `${base}/steps/${step}`, { json: { revision: s.revision, data: data[step] } }), [200], `save ${step}`).revision;
    s.saved.add(step);
  } else if (s.status === 'draft' && kind) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('revision', String(s.revision));
    form.set('file', new Blob([new Uint8Array(pdfOf(s.key, kind))], { type: 'application/pdf' }), `${kind}.pdf`);
    s.revision = expectStatus(await client.request('POST', `${base}/documents`, { form }), [201], `upload ${kind}`).revision;
    s.uploaded.add(kind);
  } else {
    // Also after a lost answer (status already submitted): the same key answers with the case as it is.
    const state = expectStatus(await client.request('POST', `${base}/submit`, { json: { revision: s.revision }, headers: idempotency }), [200], 'submit');
    if (state.status !== 'submitted') throw new Fatal(`${s.key}: submit answered ${state.status}`);
    s.acked = true;
  }
}

async function runFlow(client: HttpClient, s: Submission, deadline: number): Promise<void> {
  while (!s.acked) {
    if (Date.now() > deadline) throw new Error(`${s.key} not acknowledged in time (${s.retries} retries; last: ${s.lastError})`);
    try {
      await advance(client, s);
    } catch (error) {
      if (error instanceof Fatal) throw error;
      s.retries++;
      s.lastError = `${new Date().toISOString().slice(11, 19)} ${s.caseId ? (s.synced ? 'step' : 'read') : 'create'} ${s.saved.size}/${s.uploaded.size}: ${String(error instanceof Error ? (error.cause ?? error.message) : error).slice(0, 200)}`;
      s.synced = false;
      await sleep(platform.running ? 100 + Math.random() * 700 : 500 + Math.random() * 1000);
    }
  }
}

/** How far the flows are, 0..1 (each submission: create, the steps, the documents, the submit). */
function progressOf(submissions: Submission[]): number {
  const done = submissions.reduce((n, s) => n + (s.caseId ? 1 : 0) + s.saved.size + s.uploaded.size + (s.acked ? 1 : 0), 0);
  return done / (submissions.length * (2 + DATA_STEPS.length + requiredKinds.length));
}

/**
 * Kills the server at random moments spread over the run (early, middle, and while the submits go through), restarting
 * it each time.
 */
async function killer(submissions: Submission[], done: () => boolean, restarts: number[]): Promise<void> {
  const windows = [[0.15, 0.45], [0.5, 0.8], [0.9, 0.97]] as const;
  for (let i = 0; i < KILLS && !done(); i++) {
    const [from, to] = windows[Math.min(i, windows.length - 1)]!;
    const at = from + Math.random() * (to - from);
    while (!done() && progressOf(submissions) < at) await sleep(50);
    if (done()) break;
    await sleep(Math.random() * 500);
    await platform.kill();
    restarts.push(await platform.start(RESTART));
  }
}

async function openPlatformDatabase(): Promise<Database> {
  return serverUrl ? openDatabase({ url: withDatabase(serverUrl, databaseName!), poolSize: 2 }) : openDatabase({ dataDir: dataDir! });
}

beforeAll(async () => {
  const port = await freePort();
  if (serverUrl) {
    databaseName = `tt_crash_${run}`;
    const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
    await admin.execScript(`CREATE DATABASE ${databaseName}`);
    await admin.close();
    platform = new Platform(port, { DATABASE_URL: withDatabase(serverUrl, databaseName), SEED_DEMO: 'true', JOBS_ENABLED: 'false' });
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tt-crash-'));
    platform = new Platform(port, { DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'true', JOBS_ENABLED: 'false' });
  }
  await platform.start();
}, 180_000);

afterAll(async () => {
  await platform?.stop().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (databaseName && serverUrl) {
    const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
    await admin.execScript(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
}, 60_000);

describe(`submission crash test (${engine})`, () => {
  it(`${SUBMISSIONS} concurrent submissions survive ${KILLS} SIGKILLs; every acknowledged one is complete, none duplicated`, async () => {
    const client = new HttpClient(platform.url, 60_000);
    await client.signIn(FILER, DEMO_PASSWORD);
    const submissions: Submission[] = Array.from({ length: SUBMISSIONS }, (_, i) => ({
      key: `crash-${run}-${String(i).padStart(3, '0')}`,
      caseId: null,
      revision: 0,
      status: 'draft',
      synced: false,
      saved: new Set(),
      uploaded: new Set(),
      acked: false,
      retries: 0,
      answerLost: false,
      lastError: '',
    }));
    const restarts: number[] = [];
    const deadline = Date.now() + FLOW_DEADLINE_MS;
    let finished = false;
    const progress = setInterval(() => {
      if (process.env.CRASH_PROGRESS) console.info(`${new Date().toISOString()} acked ${submissions.filter((s) => s.acked).length}, kills ${platform.kills}, retries ${submissions.reduce((n, s) => n + s.retries, 0)} ${JSON.stringify([...new Set(submissions.map((s) => s.lastError.slice(0, 120)))].slice(0, 4))}`);
    }, 5000);
    const flows = Promise.allSettled(submissions.map((s) => runFlow(client, s, deadline))).finally(() => (finished = true));
    const [results] = await Promise.all([flows, killer(submissions, () => finished, restarts)]);
    clearInterval(progress);
    if (process.env.CRASH_LOG) await writeFile(process.env.CRASH_LOG, platform.log(1_000_000));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => String(r.reason));
    expect(failures.slice(0, 5), platform.log(2000)).toEqual([]);

    // One more SIGKILL after the last acknowledgement: what was acknowledged must survive it.
    await platform.kill();
    restarts.push(await platform.start(RESTART));
    const afterRestart = await new HttpClient(platform.url).request('GET', '/health/ready');
    expect(afterRestart.status).toBe(200);
    await platform.stop();

    const acked = submissions.filter((s) => s.acked);
    const retries = submissions.reduce((n, s) => n + s.retries, 0);
    console.info(
      `crash test (${engine}): ${SUBMISSIONS} submissions, ${acked.length} acknowledged, ${platform.kills} SIGKILLs, restarts in ${restarts.map((r) => r.toFixed(1)).join(' / ')} s, ` +
        `${retries} retried requests, ${submissions.filter((s) => s.retries > 0).length} submissions retried at least once, ` +
        `${submissions.filter((s) => s.answerLost).length} submits committed whose answer was lost (acknowledged on retry)`,
    );
    expect(acked.length).toBe(SUBMISSIONS);
    expect(platform.kills).toBeGreaterThanOrEqual(Math.min(KILLS, 2));
    await verify(submissions);
  }, 360_000);
});

async function verify(submissions: Submission[]): Promise<void> {
  const database = await openPlatformDatabase();
  try {
    const pattern = `crash-${run}-%`;
    // One case per idempotency key, and it is the one the client worked on.
    const cases = await database.query<{ id: string; idempotency_key: string; status: string; received_on: string | null; version: number; submit_idempotency_key: string | null }>(
      `SELECT c.id, c.idempotency_key, c.status, c.received_on::text, d.version, d.submit_idempotency_key
         FROM cases c JOIN registration_dossiers d ON d.case_id = c.id WHERE c.idempotency_key LIKE $1`,
      [pattern],
    );
    expect(cases.length).toBe(submissions.length);
    const byKey = new Map(cases.map((row) => [row.idempotency_key, row]));
    for (const s of submissions) expect(byKey.get(s.key)?.id, s.key).toBe(s.caseId);

    const ids = cases.map((row) => row.id);
    const events = await database.query<{ case_id: string; n: number }>(`SELECT case_id, count(*)::int AS n FROM case_events WHERE action = 'submit' AND case_id = ANY($1::uuid[]) GROUP BY case_id`, [ids]);
    const clocks = await database.query<{ case_id: string; n: number }>(`SELECT case_id, count(*)::int AS n FROM case_clocks WHERE kind = 'completeness' AND case_id = ANY($1::uuid[]) GROUP BY case_id`, [ids]);
    const versions = await database.query<{ case_id: string; version: number; steps: string[]; document_ids: string[] }>(
      `SELECT case_id, version, ARRAY(SELECT jsonb_object_keys(data)) AS steps, document_ids::text[] AS document_ids FROM registration_dossier_versions WHERE case_id = ANY($1::uuid[])`,
      [ids],
    );
    const documents = await database.query<{ id: string; case_id: string; kind: string; sha256: string }>(
      `SELECT d.id, d.case_id, d.kind, f.sha256 FROM case_documents d JOIN stored_files f ON f.id = d.stored_file_id WHERE d.removed_at IS NULL AND d.case_id = ANY($1::uuid[])`,
      [ids],
    );
    const count = (rows: { case_id: string; n: number }[]) => new Map(rows.map((row) => [row.case_id, row.n]));
    const submitEvents = count(events);
    const completenessClocks = count(clocks);

    // Every case that left the draft (acknowledged or not) is complete: nothing is half-submitted.
    for (const row of cases) {
      const s = submissions.find((item) => item.key === row.idempotency_key)!;
      const label = `${row.idempotency_key} (${row.status})`;
      if (row.status === 'draft') {
        expect(s.acked, `${label}: acknowledged but still a draft`).toBe(false);
        expect([submitEvents.get(row.id) ?? 0, row.version], label).toEqual([0, 0]);
        continue;
      }
      expect(row.status, label).toBe('submitted');
      expect(row.received_on, label).not.toBeNull();
      expect(row.submit_idempotency_key, label).toBe(s.key);
      expect(row.version, label).toBeGreaterThanOrEqual(1);
      expect(submitEvents.get(row.id), label).toBe(1);
      expect(completenessClocks.get(row.id), label).toBe(1);
      const snapshot = versions.find((v) => v.case_id === row.id && v.version === row.version);
      expect(snapshot?.steps.sort(), label).toEqual([...DATA_STEPS].sort());
      const own = documents.filter((d) => d.case_id === row.id);
      expect(own.map((d) => d.kind).sort(), label).toEqual([...requiredKinds].sort());
      for (const d of own) expect(d.sha256, `${label} ${d.kind}`).toBe(sha256(pdfOf(row.idempotency_key, d.kind)));
      expect([...snapshot!.document_ids].sort(), label).toEqual(own.map((d) => d.id).sort());
    }
  } finally {
    await database.close();
  }
}
