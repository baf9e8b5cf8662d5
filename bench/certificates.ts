import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { renderCertificatePdf, type CertificatePdfInput } from '../server/src/modules/contract-registration/certificate-pdf.js';
import { sampleCompleteDossier } from '../server/src/modules/contract-registration/certificates.test-data.js';

/**
 * Registration certificate PDF generation (pdfkit, Be Vietnam Pro subset embedded, QR code, SHA-256 of the result),
 * in process: 200 certificates after a 20-certificate warm-up, every fifth an amendment naming its original and the
 * chain so far. Target: p95 ≤ 300 ms per certificate.
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
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  console.log(`\nRegistration certificate PDF (pdfkit + Be Vietnam Pro + QR + SHA-256), ${COUNT} certificates after ${WARM_UP} warm-up; first call ${fmt(first.ms)} ms (loads fonts); mean size ${Math.round(bytes / COUNT / 1024)} KiB. Target p95 ≤ ${TARGET_P95_MS} ms.`);
  console.log('| path | certificates | p50 ms | p95 ms | max ms | target |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| renderCertificatePdf | ${COUNT} | ${fmt(percentile(sorted, 50))} | ${fmt(p95)} | ${fmt(sorted[sorted.length - 1]!)} | ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'} |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchCertificates().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
