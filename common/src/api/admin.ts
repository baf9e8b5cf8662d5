import { z } from 'zod';
import { ROLES } from '../roles.js';
import { PageQuery } from './shared.js';
import { RoleGrant } from './auth.js';

export const UserSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  emailVerified: z.boolean(),
  totpEnabled: z.boolean(),
  roles: z.array(RoleGrant),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: z.enum(['createdAt', 'email', 'name', 'lastSignInAt']).default('createdAt'),
});

export const SetUserStatusInput = z.object({ status: z.enum(['active', 'disabled']) });

export const RolePermissions = z.object({
  roles: z.array(z.object({ role: z.enum(ROLES), isStaff: z.boolean(), permissions: z.array(z.string()) })),
  permissions: z.array(z.string()),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = PageQuery.extend({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(254).optional(),
  objectType: z.string().trim().max(60).optional(),
  objectId: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  locale: z.string(),
  status: z.enum(['pending', 'sent', 'kept', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const OutboxMessageDetail = OutboxMessage.extend({ text: z.string(), html: z.string() });
export const OutboxListQuery = PageQuery.extend({
  to: z.string().trim().max(254).optional(),
  status: z.enum(['pending', 'sent', 'kept', 'failed']).optional(),
});
