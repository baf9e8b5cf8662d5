import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const catalogVersions = pgTable('catalog_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  sourceInstrument: text('source_instrument').notNull(),
  sourceInstrumentEn: text('source_instrument_en').notNull(),
  sourceSection: text('source_section').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
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
