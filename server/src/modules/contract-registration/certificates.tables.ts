import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CertificatePublicFields, CertificateStatus } from '../../../../common/src/api/registration-certificates.js';
import type { DossierPurpose } from '../../../../common/src/api/registration-dossier.js';

/** registration_certificate_counters (migration 0007): the last certificate number of each year. */
export const registrationCertificateCounters = pgTable('registration_certificate_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull().default(0),
});

/** registration_certificates (migration 0007): one per issued case, never deleted; revocation is a status. */
export const registrationCertificates = pgTable('registration_certificates', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  purpose: text('purpose').$type<DossierPurpose>().notNull(),
  number: text('number').notNull(),
  year: integer('year').notNull(),
  sequence: integer('sequence').notNull(),
  issuedOn: date('issued_on').notNull(),
  issuedBy: uuid('issued_by').notNull(),
  draftedBy: uuid('drafted_by').notNull(),
  originalCertificateId: uuid('original_certificate_id'),
  verificationCode: text('verification_code').notNull(),
  publicFields: jsonb('public_fields').$type<CertificatePublicFields>().notNull(),
  pdfFileId: uuid('pdf_file_id').notNull(),
  pdfSha256: text('pdf_sha256').notNull(),
  status: text('status').$type<CertificateStatus>().notNull().default('valid'),
  revokedOn: date('revoked_on'),
  revokedBy: uuid('revoked_by'),
  revokedReason: text('revoked_reason'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** registration_refusals (migration 0007): the written refusal with reasons, one per refused case. */
export const registrationRefusals = pgTable('registration_refusals', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  refusedOn: date('refused_on').notNull(),
  refusedBy: uuid('refused_by').notNull(),
  draftedBy: uuid('drafted_by').notNull(),
  reasons: text('reasons').notNull(),
  letterFileId: uuid('letter_file_id').notNull(),
  letterSha256: text('letter_sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type CertificateRow = typeof registrationCertificates.$inferSelect;
export type RefusalRow = typeof registrationRefusals.$inferSelect;
