import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AssignmentRole, ClockOutcome, CommentVisibility } from '../../../../common/src/api/cases.js';
import type { CaseKind } from './cases.workflow.js';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Migration 0006_case_core.sql. */
export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<CaseKind>().notNull(),
  referenceNo: text('reference_no').notNull(),
  status: text('status').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  title: text('title').notNull(),
  parentCaseId: uuid('parent_case_id'),
  revision: integer('revision').notNull().default(1),
  idempotencyKey: text('idempotency_key'),
  receivedOn: date('received_on'),
  closedAt: tz('closed_at'),
  currentClockKind: text('current_clock_kind'),
  currentDueOn: date('current_due_on'),
  clockPaused: boolean('clock_paused').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const caseEvents = pgTable('case_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  caseId: uuid('case_id').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  revision: integer('revision').notNull(),
  note: text('note'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  actorUserId: uuid('actor_user_id'),
  actorName: text('actor_name'),
  onDay: date('on_day').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const caseAssignments = pgTable('case_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  userId: uuid('user_id').notNull(),
  role: text('role').$type<AssignmentRole>().notNull(),
  assignedBy: uuid('assigned_by'),
  assignedAt: tz('assigned_at').notNull().defaultNow(),
  endedAt: tz('ended_at'),
});

export const caseComments = pgTable('case_comments', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  visibility: text('visibility').$type<CommentVisibility>().notNull(),
  body: text('body').notNull(),
  authorUserId: uuid('author_user_id'),
  authorName: text('author_name').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const caseDocuments = pgTable('case_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').notNull(),
  storedFileId: uuid('stored_file_id').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: tz('uploaded_at').notNull().defaultNow(),
  removedAt: tz('removed_at'),
  note: text('note'),
});

export const caseClocks = pgTable('case_clocks', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').notNull(),
  ruleKey: text('rule_key').notNull(),
  workingDays: integer('working_days').notNull(),
  startedOn: date('started_on').notNull(),
  usedWorkingDays: integer('used_working_days').notNull().default(0),
  resumedOn: date('resumed_on').notNull(),
  pausedOn: date('paused_on'),
  dueOn: date('due_on'),
  stoppedOn: date('stopped_on'),
  outcome: text('outcome').$type<ClockOutcome>(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const caseReferenceCounters = pgTable('case_reference_counters', {
  kind: text('kind').notNull(),
  year: integer('year').notNull(),
  lastNumber: integer('last_number').notNull().default(0),
});

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseClockRow = typeof caseClocks.$inferSelect;
