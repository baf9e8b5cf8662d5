import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CalendarDayKind } from '../../../../common/src/api/calendar.js';

export const calendarYears = pgTable('calendar_years', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  isComplete: boolean('is_complete').notNull().default(false),
  noteVi: text('note_vi'),
  noteEn: text('note_en'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const calendarDays = pgTable('calendar_days', {
  id: uuid('id').primaryKey().defaultRandom(),
  day: date('day').notNull(),
  year: integer('year').notNull(),
  kind: text('kind').$type<CalendarDayKind>().notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  sourceUrl: text('source_url'),
  verified: boolean('verified').notNull().default(false),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
