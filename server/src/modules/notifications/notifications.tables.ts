import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Migration 0006_case_core.sql. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  params: jsonb('params').$type<NotificationParams>().notNull().default({}),
  link: text('link'),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type NotificationParams = Record<string, string | number | boolean | null>;
export type NotificationRow = typeof notifications.$inferSelect;
