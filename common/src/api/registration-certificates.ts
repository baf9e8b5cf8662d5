import { z } from 'zod';
import { TRANSFER_FORMS } from '../reference-rules.js';
import { DOSSIER_PURPOSES } from './registration-dossier.js';
import { CountryCode, IsoDate, Uuid } from './shared.js';

/**
 * Registration certificates (Giấy chứng nhận đăng ký chuyển giao công nghệ, Law 07/2017 art. 31(4), 33), refusal
 * letters and the public verification of a certificate by the code in its QR link. The public view never holds a
 * price, a rate or a document other than the certificate's own SHA-256.
 */

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Random code in the QR link (/verify/<code>): base64url, 16–64 characters (CHECK in migration 0007). */
export const VerificationCode = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** What a certificate states publicly; stored with the certificate (public_fields) as issued. */
export const CertificatePublicFields = z.object({
  authorityName: z.string(),
  transferorName: z.string(),
  transferorCountry: CountryCode,
  transfereeName: z.string(),
  contractName: z.string(),
  contractNumber: z.string(),
  contractSignedOn: IsoDate,
  technologyName: z.string(),
  transferForm: z.enum(TRANSFER_FORMS),
});
export type CertificatePublicFields = z.infer<typeof CertificatePublicFields>;

export const CertificateLink = z.object({
  number: z.string(),
  issuedOn: IsoDate,
  purpose: z.enum(DOSSIER_PURPOSES),
  status: z.enum(CERTIFICATE_STATUSES),
  verificationCode: VerificationCode,
});
export type CertificateLink = z.infer<typeof CertificateLink>;

/** GET /api/v1/certificates/verify/:code (public). */
export const CertificateVerification = z.object({
  number: z.string(),
  issuedOn: IsoDate,
  purpose: z.enum(DOSSIER_PURPOSES),
  status: z.enum(CERTIFICATE_STATUSES),
  revokedOn: IsoDate.nullable(),
  revokedReason: z.string().nullable(),
  fields: CertificatePublicFields,
  /** The certificate this one amends or extends (for amendment / extension certificates). */
  original: CertificateLink.nullable(),
  /** Amendment and extension certificates issued on this one, oldest first. */
  amendments: z.array(CertificateLink),
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const VerificationParams = z.object({ code: z.string().min(1).max(100) });

export const CaseIdParams = z.object({ id: Uuid });

/** POST /api/v1/registration-cases/:id/revoke (DOST leader). */
export const RevokeCertificateBody = z.strictObject({
  reason: z.string().trim().min(5).max(4000),
  revision: z.number().int().min(1),
});
export type RevokeCertificateBody = z.infer<typeof RevokeCertificateBody>;

/** The case's new state, shaped like the processing steps' answer (CaseState) plus the revoked certificate. */
export const RevokeCertificateResult = z.object({
  id: Uuid,
  status: z.literal('revoked'),
  revision: z.number().int(),
  certificateNumber: z.string(),
  revokedOn: IsoDate,
});
export type RevokeCertificateResult = z.infer<typeof RevokeCertificateResult>;

/** The decision on a case, for the applicant and staff views (links to the PDFs). */
export const CaseDecisionSummary = z.object({
  certificate: CertificateLink.extend({ id: Uuid, pdfSha256: z.string(), revokedOn: IsoDate.nullable() }).nullable(),
  refusal: z.object({ id: Uuid, refusedOn: IsoDate, letterSha256: z.string() }).nullable(),
});
export type CaseDecisionSummary = z.infer<typeof CaseDecisionSummary>;
