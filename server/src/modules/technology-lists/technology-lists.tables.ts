import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ListDirection, ListType } from '../../../../common/src/api/technology-lists.js';

export const technologyListVersions = pgTable('technology_list_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  sourceInstrument: text('source_instrument').notNull(),
  sourceInstrumentEn: text('source_instrument_en').notNull(),
  listTypes: text('list_types').array().$type<ListType[]>().notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  isComplete: boolean('is_complete').notNull(),
  verified: boolean('verified').notNull(),
  noteVi: text('note_vi'),
  noteEn: text('note_en'),
  sourceUrl: text('source_url'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const technologyListItems = pgTable('technology_list_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  versionId: uuid('version_id').notNull(),
  listType: text('list_type').$type<ListType>().notNull(),
  appendix: text('appendix'),
  section: text('section'),
  itemNo: text('item_no'),
  vsicCode: text('vsic_code'),
  direction: text('direction').$type<ListDirection>().notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  nameEnOfficial: boolean('name_en_official').notNull().default(false),
  conditionVi: text('condition_vi'),
  conditionEn: text('condition_en'),
  keywordsVi: text('keywords_vi').array().notNull(),
  keywordsEn: text('keywords_en').array().notNull(),
  verified: boolean('verified').notNull(),
  sourceUrl: text('source_url'),
  sortOrder: integer('sort_order'),
});

export const technologyListImports = pgTable('technology_list_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  versionId: uuid('version_id').notNull(),
  fileName: text('file_name').notNull(),
  fileFormat: text('file_format').$type<'csv' | 'xlsx'>().notNull(),
  fileSha256: text('file_sha256').notNull(),
  fileBytes: integer('file_bytes').notNull(),
  rowCount: integer('row_count').notNull(),
  counts: jsonb('counts').$type<Record<ListType, number>>().notNull(),
  closedVersionIds: uuid('closed_version_ids').array().notNull().default([]),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
