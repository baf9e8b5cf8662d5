import { bigint, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorOrganisationId: uuid('actor_organisation_id'),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  ip: text('ip'),
  requestId: text('request_id'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
