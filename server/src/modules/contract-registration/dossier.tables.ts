import { boolean, bigint, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DossierData, DossierPurpose } from '../../../../common/src/api/registration-dossier.js';

/** registration_dossiers (migration 0007): the dossier of one case, with the columns copied from it at submission. */
export const registrationDossiers = pgTable('registration_dossiers', {
  caseId: uuid('case_id').primaryKey(),
  purpose: text('purpose').$type<DossierPurpose>().notNull().default('new'),
  originalCaseId: uuid('original_case_id'),
  data: jsonb('data').$type<DossierData>().notNull().default({}),
  version: integer('version').notNull().default(0),
  direction: text('direction').$type<'inbound' | 'outbound' | 'domestic'>(),
  transferForm: text('transfer_form'),
  transferorName: text('transferor_name'),
  transferorCountry: text('transferor_country'),
  transfereeName: text('transferee_name'),
  contractName: text('contract_name'),
  contractNumber: text('contract_number'),
  signedOn: date('signed_on'),
  technologyName: text('technology_name'),
  sectorCode: text('sector_code'),
  catalogItemCodes: text('catalog_item_codes').array().notNull().default([]),
  vsicCode: text('vsic_code'),
  paymentMethods: text('payment_methods').array().notNull().default([]),
  currency: text('currency'),
  contractValue: numeric('contract_value', { precision: 24, scale: 2 }),
  valueVnd: numeric('value_vnd', { precision: 24, scale: 0 }),
  maxRoyaltyPercent: numeric('max_royalty_percent', { precision: 6, scale: 3 }),
  relationship: text('relationship').$type<'none' | 'parent_subsidiary' | 'related_party'>(),
  usesStateCapital: boolean('uses_state_capital'),
  filingDueOn: date('filing_due_on'),
  isLate: boolean('is_late').notNull().default(false),
  authority: text('authority').$type<'MOST' | 'DOST' | 'UNKNOWN'>(),
  feeVnd: bigint('fee_vnd', { mode: 'number' }),
  riskFlags: jsonb('risk_flags').$type<unknown[]>().notNull().default([]),
  review: jsonb('review').$type<Record<string, unknown>>().notNull().default({}),
  decisionKind: text('decision_kind').$type<'certificate' | 'refusal'>(),
  decisionReasons: text('decision_reasons'),
  decisionDraftedBy: uuid('decision_drafted_by'),
  decisionDraftedAt: timestamp('decision_drafted_at', { withTimezone: true, mode: 'date' }),
  submitIdempotencyKey: text('submit_idempotency_key'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** registration_dossier_versions (migration 0007): every submitted version, as submitted (append-only). */
export const registrationDossierVersions = pgTable(
  'registration_dossier_versions',
  {
    caseId: uuid('case_id').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').$type<DossierData>().notNull(),
    documentIds: uuid('document_ids').array().notNull().default([]),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.version] })],
);

export type DossierRow = typeof registrationDossiers.$inferSelect;
export type DossierVersionRow = typeof registrationDossierVersions.$inferSelect;
