import { randomBytes } from 'node:crypto';
import type { CertificatePublicFields } from '../../../../common/src/api/registration-certificates.js';
import type { CompleteDossier } from '../../../../common/src/api/registration-dossier.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { storeFile } from '../../core/files/files.js';
import { resolvePlanRole } from '../agencies/index.js';
import * as cases from '../cases/index.js';
import { vietnamToday } from '../catalog/index.js';
import { memberIdsOf, notify } from '../notifications/index.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import * as q from './certificates.queries.js';
import type { CertificateRow } from './certificates.tables.js';
import { findDossier } from './dossier.queries.js';
import type { DossierRow } from './dossier.tables.js';
import { renderRefusalPdf } from './refusal-pdf.js';
import { REGISTRATION_WORKFLOW } from './registration.workflow.js';

export interface IssueCertificateInput {
  caseId: string;
  /** The officer who drafted the certificate; never the approving leader (ctx.actor). */
  draftedBy: string;
  /** The Vietnam day of issue (vietnamToday()). */
  today: string;
}

export interface IssuedCertificate {
  certificateId: string;
  /** e.g. 12/2026/GCN-SKHCN */
  number: string;
  verificationCode: string;
}

export interface IssueRefusalInput {
  caseId: string;
  draftedBy: string;
  reasons: string;
  today: string;
}

export interface RevokeCertificateInput {
  caseId: string;
  reason: string;
  /** The case's revision (optimistic concurrency). */
  revision: number;
}

/** Issued documents are generated, never uploaded: they are not bound by the upload limit. */
const ISSUED_PDF_MAX_BYTES = 20 * 1024 * 1024;
const REASONS_MAX = 8000;
const REVOKE_REASON_MAX = 4000;

/** The certificate number as printed: `<sequence>/<year>/GCN-SKHCN` (sequence unique within the year). */
export function certificateNumber(sequence: number, year: number): string {
  return `${sequence}/${year}/GCN-SKHCN`;
}

/** A random 24-character base64url code for the QR link (144 bits: not guessable, not enumerable). */
export function newVerificationCode(): string {
  return randomBytes(18).toString('base64url');
}

/** The public verification link printed under the QR code. */
export function verificationUrl(ctx: Ctx, code: string): string {
  return `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}/verify/${code}`;
}

function textError(ctx: Ctx, path: string, code: 'too_small_string' | 'too_big_string', limit: number): AppError {
  const params: Record<string, number> = code === 'too_small_string' ? { minimum: limit } : { maximum: limit };
  return validationError([{ path, code, message: translate(ctx.locale, `validation.${code}`, params), params }]);
}

function assertTextLength(ctx: Ctx, path: string, text: string, min: number, max: number): void {
  if (text.length < min) throw textError(ctx, path, 'too_small_string', min);
  if (text.length > max) throw textError(ctx, path, 'too_big_string', max);
}

/** The registration case and its submitted dossier (NOT_FOUND for another kind of case or a missing dossier). */
async function loadDecidedCase(ctx: Ctx, caseId: string, status: 'issued' | 'refused'): Promise<{ row: cases.CaseRow; dossier: DossierRow }> {
  const row = await cases.getCase(ctx, caseId);
  if (row.kind !== REGISTRATION_WORKFLOW.kind) throw new AppError('NOT_FOUND');
  // The caller (approveDecision) has moved the case by `approve` in this transaction; nothing else may issue.
  if (row.status !== status) throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'approve' });
  const dossier = await findDossier(ctx.db, caseId);
  if (!dossier || dossier.version < 1) throw new AppError('NOT_FOUND');
  return { row, dossier };
}

/** The plan role of the agency that issues registration certificates and refusals (Decision 872/QĐ-UBND, IV.1). */
const ISSUING_PLAN_ROLE = 'st_authority';

/**
 * The issuing authority's name on `day`: the agency holding plan role st_authority that day (agencies module), so a
 * merger or renaming shows on documents issued after it; the catalog text only when no agency holds the role.
 */
export async function issuingAuthorityName(ctx: Ctx, day: string): Promise<string> {
  const [holder] = await resolvePlanRole(ctx, { role: ISSUING_PLAN_ROLE, at: day });
  return holder?.nameVi ?? translate('vi', 'certificateDocument.authorityName');
}

function publicFieldsOf(data: CompleteDossier, authorityName: string): CertificatePublicFields {
  return {
    authorityName,
    transferorName: data.parties.transferor.name,
    transferorCountry: data.parties.transferor.country,
    transfereeName: data.parties.transferee.name,
    contractName: data.contract.name,
    contractNumber: data.contract.number,
    contractSignedOn: data.contract.signedOn,
    technologyName: data.technology.name,
    transferForm: data.transfer.form,
  };
}

/**
 * The certificate an amendment or extension changes: the one of the case it was filed on (Law 07/2017 art. 33:
 * the same authority amends its own certificate). It must still be valid.
 */
async function certificateAmended(ctx: Ctx, row: cases.CaseRow, dossier: DossierRow): Promise<CertificateRow | null> {
  if (dossier.purpose === 'new') return null;
  const amendedCaseId = row.parentCaseId ?? dossier.originalCaseId;
  const original = amendedCaseId ? await q.findCertificateByCase(ctx.db, amendedCaseId) : undefined;
  if (!original) throw new AppError('INVALID_TRANSITION', { action: 'approve', reason: 'originalCertificateMissing' });
  if (original.status !== 'valid') throw new AppError('INVALID_TRANSITION', { action: 'approve', reason: 'originalCertificateRevoked' });
  return original;
}

/** The certificates before `certificate` in its chain (the first registration first). */
async function ancestorsOf(ctx: Ctx, certificate: CertificateRow | null): Promise<CertificateRow[]> {
  const chain: CertificateRow[] = [];
  for (let current = certificate; current; ) {
    chain.unshift(current);
    current = current.originalCertificateId ? ((await q.findCertificate(ctx.db, current.originalCertificateId)) ?? null) : null;
  }
  return chain;
}

/**
 * Issues the registration certificate (Law 07/2017 art. 31(4), 33; Decree 76/2018 art. 5–6) inside the caller's
 * approve transaction, after the case moved to `issued`: the next number of the year `<n>/<year>/GCN-SKHCN` (counter
 * row lock), the PDF in Vietnamese with a QR code to the public verification page, stored with its SHA-256 and
 * attached to the case as document `certificate`. An amendment or extension certificate names the certificate it
 * changes. Four-eyes: the approving leader (ctx.actor) is never the drafter (FOUR_EYES_REQUIRED; CHECK in the
 * database). Permission: registration.approve. Audit: registration.certificate.issue.
 */
export async function issueCertificate(ctx: Ctx, input: IssueCertificateInput): Promise<IssuedCertificate> {
  assertCan(ctx.actor, 'registration.approve');
  const user = requireUser(ctx.actor);
  if (input.draftedBy === user.userId) throw new AppError('FOUR_EYES_REQUIRED');
  return inTransaction(ctx, async (tx) => {
    const { row, dossier } = await loadDecidedCase(tx, input.caseId, 'issued');
    if (await q.findCertificateByCase(tx.db, row.id)) throw new AppError('CONFLICT', { reason: 'alreadyIssued' });
    const data = dossier.data as CompleteDossier;
    const original = await certificateAmended(tx, row, dossier);
    const history = await ancestorsOf(tx, original);
    const year = Number(input.today.slice(0, 4));
    const sequence = await q.nextCertificateSequence(tx.db, year);
    const number = certificateNumber(sequence, year);
    const verificationCode = newVerificationCode();
    const authorityName = await issuingAuthorityName(tx, input.today);
    const pdf = await renderCertificatePdf({
      locale: 'vi',
      number,
      issuedOn: input.today,
      purpose: dossier.purpose,
      caseReference: row.referenceNo,
      signerName: user.name,
      data,
      original: original ? { number: original.number, issuedOn: original.issuedOn } : null,
      history: history.map((c) => ({ number: c.number, issuedOn: c.issuedOn, purpose: c.purpose })),
      verificationUrl: verificationUrl(tx, verificationCode),
      verificationCode,
      authorityName,
    });
    const file = await storeFile(tx, { buffer: pdf, name: `giay-chung-nhan-${sequence}-${year}-GCN-SKHCN.pdf`, allowed: ['application/pdf'], maxBytes: ISSUED_PDF_MAX_BYTES });
    const certificate = await q.insertCertificate(tx.db, {
      caseId: row.id,
      purpose: dossier.purpose,
      number,
      year,
      sequence,
      issuedOn: input.today,
      issuedBy: user.userId,
      draftedBy: input.draftedBy,
      originalCertificateId: original?.id ?? null,
      verificationCode,
      publicFields: publicFieldsOf(data, authorityName),
      pdfFileId: file.id,
      pdfSha256: file.sha256,
    });
    await cases.attachDocument(tx, { caseId: row.id, kind: 'certificate', storedFileId: file.id });
    await recordAudit(tx, {
      action: 'registration.certificate.issue',
      objectType: 'registration_certificate',
      objectId: certificate.id,
      organisationId: row.organisationId,
      summary: { caseId: row.id, referenceNo: row.referenceNo, number, purpose: dossier.purpose, originalNumber: original?.number ?? null, sha256: file.sha256 },
    });
    return { certificateId: certificate.id, number, verificationCode };
  });
}

/**
 * Issues the written refusal with reasons (Law 07/2017 art. 31(4): refusal in writing, with the reasons) inside the
 * caller's approve transaction, after the case moved to `refused`: letter PDF stored with its SHA-256 and attached
 * as document `refusal_letter`. Four-eyes as for certificates. Permission: registration.approve.
 * Audit: registration.refusal.issue.
 */
export async function issueRefusal(ctx: Ctx, input: IssueRefusalInput): Promise<{ refusalId: string }> {
  assertCan(ctx.actor, 'registration.approve');
  const user = requireUser(ctx.actor);
  if (input.draftedBy === user.userId) throw new AppError('FOUR_EYES_REQUIRED');
  const reasons = input.reasons.trim();
  assertTextLength(ctx, 'reasons', reasons, 5, REASONS_MAX);
  return inTransaction(ctx, async (tx) => {
    const { row, dossier } = await loadDecidedCase(tx, input.caseId, 'refused');
    if (await q.findRefusalByCase(tx.db, row.id)) throw new AppError('CONFLICT', { reason: 'alreadyRefused' });
    const data = dossier.data as CompleteDossier;
    const pdf = await renderRefusalPdf({
      locale: 'vi',
      refusedOn: input.today,
      caseReference: row.referenceNo,
      signerName: user.name,
      transfereeName: data.parties.transferee.name,
      contract: { name: data.contract.name, number: data.contract.number, signedOn: data.contract.signedOn },
      reasons,
      authorityName: await issuingAuthorityName(tx, input.today),
    });
    const file = await storeFile(tx, { buffer: pdf, name: `van-ban-tu-choi-${row.referenceNo}.pdf`, allowed: ['application/pdf'], maxBytes: ISSUED_PDF_MAX_BYTES });
    const refusal = await q.insertRefusal(tx.db, { caseId: row.id, refusedOn: input.today, refusedBy: user.userId, draftedBy: input.draftedBy, reasons, letterFileId: file.id, letterSha256: file.sha256 });
    await cases.attachDocument(tx, { caseId: row.id, kind: 'refusal_letter', storedFileId: file.id });
    await recordAudit(tx, {
      action: 'registration.refusal.issue',
      objectType: 'registration_refusal',
      objectId: refusal.id,
      organisationId: row.organisationId,
      summary: { caseId: row.id, referenceNo: row.referenceNo, sha256: file.sha256, reasonsLength: reasons.length },
    });
    return { refusalId: refusal.id };
  });
}

/**
 * Revokes an issued certificate with a reason (transition `revoke`: issued → revoked). The certificate stays, marked
 * revoked with the day, the leader and the reason, and the public verification page says so. The applicant is
 * notified (no amounts). Permission: registration.revoke (DOST leader). Audit: case.revoke and
 * registration.certificate.revoke.
 */
export async function revokeCertificate(ctx: Ctx, input: RevokeCertificateInput): Promise<{ revision: number; certificateNumber: string; revokedOn: string }> {
  assertCan(ctx.actor, cases.actionPermission(REGISTRATION_WORKFLOW, 'revoke'));
  const user = requireUser(ctx.actor);
  const reason = input.reason.trim();
  assertTextLength(ctx, 'reason', reason, 5, REVOKE_REASON_MAX);
  return inTransaction(ctx, async (tx) => {
    const row = await cases.getCase(tx, input.caseId, { forUpdate: true });
    if (row.kind !== REGISTRATION_WORKFLOW.kind) throw new AppError('NOT_FOUND');
    cases.nextStatus(REGISTRATION_WORKFLOW, row.status, 'revoke');
    if (row.revision !== input.revision) throw new AppError('CONFLICT', { currentRevision: row.revision });
    const certificate = await q.findCertificateByCase(tx.db, row.id);
    if (!certificate) throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'revoke', reason: 'noCertificate' });
    const today = vietnamToday();
    const { case: updated } = await cases.transitionCase(tx, {
      workflow: REGISTRATION_WORKFLOW,
      caseId: row.id,
      action: 'revoke',
      expectedRevision: input.revision,
      note: reason,
      details: { certificateNumber: certificate.number },
      auditSummary: { certificateNumber: certificate.number },
      onDay: today,
    });
    const revoked = await q.markCertificateRevoked(tx.db, certificate.id, { revokedOn: today, revokedBy: user.userId, revokedReason: reason });
    if (!revoked) throw new AppError('CONFLICT', { reason: 'alreadyRevoked' });
    await recordAudit(tx, {
      action: 'registration.certificate.revoke',
      objectType: 'registration_certificate',
      objectId: certificate.id,
      organisationId: row.organisationId,
      summary: { caseId: row.id, referenceNo: row.referenceNo, number: certificate.number, revokedOn: today, reasonLength: reason.length },
    });
    const userIds = await memberIdsOf(tx.db, row.organisationId, 'registration.file');
    await notify(tx, { userIds, kind: 'registration.revoked', params: { referenceNo: row.referenceNo, certificateNumber: certificate.number }, link: `/registrations/${row.id}`, email: true });
    return { revision: updated.revision, certificateNumber: certificate.number, revokedOn: today };
  });
}
