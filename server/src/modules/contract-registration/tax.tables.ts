import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** registration_tax_queries (migration 0007): a Tax Department question to DOST about one registered contract. */
export const registrationTaxQueries = pgTable('registration_tax_queries', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  /** The tax organisation that asked; its members (with the plan role) see and continue the thread. */
  organisationId: uuid('organisation_id').notNull(),
  subject: text('subject').notNull(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  openedBy: uuid('opened_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** registration_tax_query_messages (migration 0007): the thread, in order. */
export const registrationTaxQueryMessages = pgTable('registration_tax_query_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  queryId: uuid('query_id').notNull(),
  side: text('side').$type<'tax' | 'dost'>().notNull(),
  body: text('body').notNull(),
  authorUserId: uuid('author_user_id'),
  authorName: text('author_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type TaxQueryRow = typeof registrationTaxQueries.$inferSelect;
export type TaxQueryMessageRow = typeof registrationTaxQueryMessages.$inferSelect;
