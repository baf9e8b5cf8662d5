import type { CaseDecisionSummary, CertificateLink, CertificateVerification } from '../../../../common/src/api/registration-certificates.js';
import type { Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import * as q from './certificates.queries.js';
import type { CertificateRow } from './certificates.tables.js';

const CODE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

function linkOf(row: CertificateRow): CertificateLink {
  return { number: row.number, issuedOn: row.issuedOn, purpose: row.purpose, status: row.status, verificationCode: row.verificationCode };
}

/** The first certificate of the chain `row` belongs to. */
async function rootOf(db: Tx, row: CertificateRow): Promise<CertificateRow> {
  let current = row;
  while (current.originalCertificateId) {
    const parent = await q.findCertificate(db, current.originalCertificateId);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/** Certificates issued on `row`, directly or on one of them, oldest first. */
function descendantsOf(row: CertificateRow, tree: readonly CertificateRow[]): CertificateRow[] {
  const ids = new Set([row.id]);
  const found: CertificateRow[] = [];
  for (const candidate of tree) {
    if (candidate.originalCertificateId && ids.has(candidate.originalCertificateId)) {
      ids.add(candidate.id);
      found.push(candidate);
    }
  }
  return found;
}

/**
 * Public check of a certificate by the code in its QR link (anyone, no sign-in): number, date, authority, the
 * parties' names, the contract and technology, valid or revoked (day and reason), the certificate it amends and the
 * amendments issued on it, and the SHA-256 of the issued PDF so a holder can check their file. Never a price, a rate
 * or a document. An unknown or malformed code is NOT_FOUND. Permission: none (public). Audit: none (public read of
 * public facts; the rate limit applies).
 */
export async function verifyCertificate(ctx: Ctx, input: { code: string }): Promise<CertificateVerification> {
  if (!CODE_PATTERN.test(input.code)) throw new AppError('NOT_FOUND');
  const row = await q.findCertificateByCode(ctx.db, input.code);
  if (!row) throw new AppError('NOT_FOUND');
  const original = row.originalCertificateId ? await q.findCertificate(ctx.db, row.originalCertificateId) : undefined;
  const tree = await q.listCertificateTree(ctx.db, (await rootOf(ctx.db, row)).id);
  return {
    number: row.number,
    issuedOn: row.issuedOn,
    purpose: row.purpose,
    status: row.status,
    revokedOn: row.revokedOn,
    revokedReason: row.revokedReason,
    fields: row.publicFields,
    original: original ? linkOf(original) : null,
    amendments: descendantsOf(row, tree).map(linkOf),
    pdfSha256: row.pdfSha256,
  };
}

/**
 * The decision documents of a case (certificate or refusal) for the applicant and staff views built by other
 * parts of the module; the caller has checked that the actor may see the case. No audit (no file content).
 */
export async function caseDecision(db: Tx, caseId: string): Promise<CaseDecisionSummary> {
  const certificate = await q.findCertificateByCase(db, caseId);
  const refusal = certificate ? undefined : await q.findRefusalByCase(db, caseId);
  return {
    certificate: certificate ? { ...linkOf(certificate), id: certificate.id, pdfSha256: certificate.pdfSha256, revokedOn: certificate.revokedOn } : null,
    refusal: refusal ? { id: refusal.id, refusedOn: refusal.refusedOn, letterSha256: refusal.letterSha256 } : null,
  };
}
