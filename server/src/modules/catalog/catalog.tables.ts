import { bigint, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AmendmentChanges } from '../../../../common/src/api/catalog.js';
import type { AmendmentKind, AmendmentStatus, VersionAction, VersionStatus } from './catalog.workflow.js';

export const catalogVersions = pgTable('catalog_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  sourceInstrument: text('source_instrument').notNull(),
  sourceInstrumentEn: text('source_instrument_en').notNull(),
  sourceSection: text('source_section').notNull(),
  effectiveFrom: date('effective_from'),
  /** Exclusive: the first day the version is no longer in force. */
  effectiveTo: date('effective_to'),
  status: text('status').$type<VersionStatus>().notNull().default('approved'),
  baseVersionId: uuid('base_version_id'),
  revision: integer('revision').notNull().default(0),
  decisionNumber: text('decision_number'),
  decisionDate: date('decision_date'),
  decisionFileId: uuid('decision_file_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

const common = {
  versionId: uuid('version_id').notNull(),
  code: text('code').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionVi: text('description_vi').notNull(),
  descriptionEn: text('description_en').notNull(),
  keywordsVi: text('keywords_vi').array().notNull(),
  keywordsEn: text('keywords_en').array().notNull(),
  vsic: text('vsic').array().notNull(),
  sortOrder: integer('sort_order').notNull(),
};

export const catalogSectors = pgTable('catalog_sectors', { ...common });
export const catalogItems = pgTable('catalog_items', { ...common, sectorCode: text('sector_code').notNull(), planTextVi: text('plan_text_vi') });

export const catalogItemListLinks = pgTable('catalog_item_list_links', {
  versionId: uuid('version_id').notNull(),
  itemCode: text('item_code').notNull(),
  listItemId: uuid('list_item_id').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const catalogAmendments = pgTable('catalog_amendments', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<AmendmentKind>().notNull(),
  status: text('status').$type<AmendmentStatus>().notNull().default('proposed'),
  sectorCode: text('sector_code').notNull(),
  itemCode: text('item_code'),
  requestedCode: text('requested_code'),
  changes: jsonb('changes').$type<AmendmentChanges>().notNull(),
  justification: text('justification').notNull(),
  baseVersionId: uuid('base_version_id').notNull(),
  versionId: uuid('version_id'),
  organisationId: uuid('organisation_id'),
  organisationName: text('organisation_name'),
  proposedBy: uuid('proposed_by'),
  proposerName: text('proposer_name').notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  decisionNote: text('decision_note'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const catalogVersionEvents = pgTable('catalog_version_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  versionId: uuid('version_id').notNull(),
  action: text('action').$type<VersionAction>().notNull(),
  fromStatus: text('from_status').$type<VersionStatus>(),
  toStatus: text('to_status').$type<VersionStatus>().notNull(),
  amendmentId: uuid('amendment_id'),
  itemCode: text('item_code'),
  comment: text('comment'),
  actorUserId: uuid('actor_user_id'),
  actorName: text('actor_name'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
