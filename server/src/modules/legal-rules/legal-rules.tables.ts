import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LegalRuleValueKind } from '../../../../common/src/api/legal-rules.js';

export const legalRules = pgTable('legal_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionVi: text('description_vi').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  valueKind: text('value_kind').$type<LegalRuleValueKind>().notNull(),
  unit: text('unit'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const legalRuleValues = pgTable('legal_rule_values', {
  id: uuid('id').primaryKey().defaultRandom(),
  ruleId: uuid('rule_id').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  value: jsonb('value').$type<unknown>().notNull(),
  citationVi: text('citation_vi').notNull(),
  citationEn: text('citation_en').notNull(),
  sourceUrl: text('source_url'),
  verified: boolean('verified').notNull().default(false),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
