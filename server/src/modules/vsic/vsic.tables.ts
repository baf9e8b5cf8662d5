import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const vsicVersions = pgTable('vsic_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  sourceInstrument: text('source_instrument').notNull(),
  sourceInstrumentEn: text('source_instrument_en').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  isComplete: boolean('is_complete').notNull(),
  verified: boolean('verified').notNull(),
  noteVi: text('note_vi'),
  noteEn: text('note_en'),
  sourceUrl: text('source_url'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const vsicCodes = pgTable('vsic_codes', {
  versionId: uuid('version_id').notNull(),
  code: text('code').notNull(),
  level: integer('level').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  parentCode: text('parent_code'),
  sourceUrl: text('source_url'),
  verified: boolean('verified').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const vsicCodeMappings = pgTable('vsic_code_mappings', {
  id: uuid('id').primaryKey().defaultRandom(),
  fromVersionId: uuid('from_version_id').notNull(),
  fromCode: text('from_code').notNull(),
  toVersionId: uuid('to_version_id').notNull(),
  toCode: text('to_code').notNull(),
  note: text('note'),
  sourceUrl: text('source_url'),
  verified: boolean('verified').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
