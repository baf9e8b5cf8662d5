import type { Ctx } from '../../core/context.js';

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

/**
 * Issues the registration certificate (Law 07/2017 art. 31(4); Decree 76/2018 art. 6) inside the caller's approve
 * transaction: number `<n>/<year>/GCN-SKHCN`, PDF with QR code, stored file, case document `certificate`.
 * Permission registration.approve (ctx.actor is the approving leader ≠ drafter). Audit `registration.certificate.issue`.
 */
export async function issueCertificate(ctx: Ctx, input: IssueCertificateInput): Promise<IssuedCertificate> {
  void ctx;
  void input;
  throw new Error('issueCertificate: not implemented yet');
}

/**
 * Issues the written refusal with reasons (Law 07/2017 art. 31(4)) inside the caller's approve transaction.
 * Permission registration.approve. Audit `registration.refusal.issue`.
 */
export async function issueRefusal(ctx: Ctx, input: IssueRefusalInput): Promise<{ refusalId: string }> {
  void ctx;
  void input;
  throw new Error('issueRefusal: not implemented yet');
}

/**
 * Revokes an issued certificate (transition `revoke`). Permission registration.revoke. Audit
 * `registration.certificate.revoke`.
 */
export async function revokeCertificate(ctx: Ctx, input: RevokeCertificateInput): Promise<{ revision: number }> {
  void ctx;
  void input;
  throw new Error('revokeCertificate: not implemented yet');
}
