import { createHash, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Role } from '../common/src/roles.js';
import { loadConfig } from '../server/src/core/config.js';
import { openDatabase, type Database } from '../server/src/core/db/database.js';
import { migrate } from '../server/src/core/db/migrate.js';
import { renderCertificatePdf, type CertificatePdfInput } from '../server/src/modules/contract-registration/certificate-pdf.js';
import { sampleCompleteDossier } from '../server/src/modules/contract-registration/certificates.test-data.js';
import { approve, draftedCase } from '../server/src/modules/contract-registration/certificates.test-factory.js';
import { seedReference } from '../server/src/seeds/seed.js';
import type { TestApp, TestUser } from '../server/test/harness.js';

/**
 * Registration certificate PDF generation (pdfkit, Be Vietnam Pro subset embedded, QR code, SHA-256 of the result),
 * in process: 200 certificates after a 20-certificate warm-up, every fifth an amendment naming its original and the
 * chain so far. Target: p95 ≤ 300 ms per certificate. Then, for context, the whole approval that issues it (case
 * transition, clock, number, PDF, stored file, case document, audit, notification) on an embedded PostgreSQL.
 */
const COUNT = 200;
const WARM_UP = 20;
const TARGET_P95_MS = 300;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => n.toFixed(1);

function inputFor(i: number): CertificatePdfInput {
  const data = sampleCompleteDossier();
  data.contract.number = `KWE-HP/2026/${String(i).padStart(4, '0')}`;
  data.technology.name = `${data.technology.name} — lô ${i}`;
  const isAmendment = i % 5 === 4;
  const code = createHash('sha256').update(String(i)).digest('base64url').slice(0, 24);
  return {
    locale: 'vi',
    number: `${i + 1}/2026/GCN-SKHCN`,
    issuedOn: '2026-11-27',
    purpose: isAmendment ? 'amendment' : 'new',
    caseReference: `CGCN-2026-${String(i + 1).padStart(5, '0')}`,
    signerName: 'Trần Văn Đức',
    data,
    original: isAmendment ? { number: `${i}/2026/GCN-SKHCN`, issuedOn: '2026-03-02' } : null,
    history: isAmendment ? [{ number: `${i}/2026/GCN-SKHCN`, issuedOn: '2026-03-02', purpose: 'new' }] : [],
    verificationUrl: `https://cgcn.haiphong.gov.vn/verify/${code}`,
    verificationCode: code,
  };
}

async function timed(i: number): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const pdf = await renderCertificatePdf(inputFor(i));
  createHash('sha256').update(pdf).digest('hex');
  return { ms: performance.now() - t0, bytes: pdf.length };
}

const ISSUED = 40;

/** A user with one role (and a new organisation when `kind` is given), written straight into the tables. */
async function benchUser(database: Database, role: Role, kind: 'enterprise' | 'agency' | null, organisationId: string | null = null): Promise<TestUser> {
  let organisation = organisationId;
  if (kind) organisation = (await database.query<{ id: string }>('INSERT INTO organisations (kind, name) VALUES ($1, $2) RETURNING id', [kind, `Bench ${kind} ${randomBytes(3).toString('hex')}`]))[0]!.id;
  const [user] = await database.query<{ id: string }>('INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id', [`bench-${randomBytes(4).toString('hex')}@example.test`, 'Trần Văn Đức']);
  await database.query('INSERT INTO role_grants (user_id, role, organisation_id) VALUES ($1, $2, $3)', [user!.id, role, organisation]);
  return { id: user!.id, email: '', password: '', role, organisationId: organisation, totpSecret: null };
}

/** Leader approvals that issue a certificate, timed one by one (PGlite, reference seed). */
async function timeIssuance(): Promise<number[]> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database);
    await seedReference(database);
    const config = loadConfig({}, { LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', JOBS_ENABLED: 'false' });
    const t = { database, config } as TestApp;
    const applicant = await benchUser(database, 'enterprise_admin', 'enterprise');
    const officer = await benchUser(database, 'dost_officer', 'agency');
    const leader = await benchUser(database, 'dost_leader', null, officer.organisationId);
    const times: number[] = [];
    for (let i = 0; i < ISSUED + 5; i++) {
      const drafted = await draftedCase(t, { applicant, officer, decision: 'certificate' });
      const t0 = performance.now();
      await approve(t, leader, drafted);
      if (i >= 5) times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await database.close();
  }
}

const row = (label: string, times: number[], target: number | null) => {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const verdict = target === null ? '—' : p95 <= target ? 'met' : 'MISSED';
  return `| ${label} | ${sorted.length} | ${fmt(percentile(sorted, 50))} | ${fmt(p95)} | ${fmt(sorted[sorted.length - 1]!)} | ${verdict} |`;
};

/** Runs the certificate benchmark and prints a table. */
export async function benchCertificates(): Promise<void> {
  const first = await timed(0);
  for (let i = 1; i <= WARM_UP; i++) await timed(i);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < COUNT; i++) {
    const result = await timed(WARM_UP + 1 + i);
    times.push(result.ms);
    bytes += result.bytes;
  }
  const issuance = await timeIssuance();
  console.log(`\nRegistration certificate PDF (pdfkit + Be Vietnam Pro + QR + SHA-256), ${COUNT} certificates after ${WARM_UP} warm-up; first call ${fmt(first.ms)} ms (loads fonts); mean size ${Math.round(bytes / COUNT / 1024)} KiB. Target p95 ≤ ${TARGET_P95_MS} ms.`);
  console.log('| path | certificates | p50 ms | p95 ms | max ms | target |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('renderCertificatePdf', times, TARGET_P95_MS));
  console.log(row('approval issuing the certificate (PGlite, whole transaction)', issuance, null));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchCertificates().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
