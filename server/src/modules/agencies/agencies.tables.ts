import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AgencyKind, AgencyLevel, LineageKind } from '../../../../common/src/api/agencies.js';

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  shortNameVi: text('short_name_vi'),
  shortNameEn: text('short_name_en'),
  kind: text('kind').$type<AgencyKind>().notNull(),
  level: text('level').$type<AgencyLevel>().notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  sourceFrom: text('source_from').notNull(),
  sourceTo: text('source_to'),
  verified: boolean('verified').notNull().default(false),
  noteVi: text('note_vi'),
  noteEn: text('note_en'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const agencyLineageEvents = pgTable('agency_lineage_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  predecessorId: uuid('predecessor_id').notNull(),
  successorId: uuid('successor_id').notNull(),
  eventDate: date('event_date').notNull(),
  kind: text('kind').$type<LineageKind>().notNull(),
  citation: text('citation').notNull(),
  verified: boolean('verified').notNull().default(false),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const planRoles = pgTable('plan_roles', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  planSection: text('plan_section').notNull(),
  dutyVi: text('duty_vi').notNull(),
  dutyEn: text('duty_en').notNull(),
  recurrence: text('recurrence').$type<'ongoing' | 'yearly' | 'as_needed'>().notNull(),
  dueMonthDay: text('due_month_day'),
  dueVi: text('due_vi'),
  dueEn: text('due_en'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const planRoleAssignments = pgTable('plan_role_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  planRoleId: uuid('plan_role_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  citation: text('citation').notNull(),
  verified: boolean('verified').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
