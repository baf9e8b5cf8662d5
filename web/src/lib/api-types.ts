/**
 * Types of API payloads, inferred from the shared zod schemas in common/src/api (type-only: no zod in the bundle).
 */
import type { z } from 'zod';
import type * as admin from '../../../common/src/api/admin.js';
import type * as auth from '../../../common/src/api/auth.js';
import type * as catalog from '../../../common/src/api/catalog.js';
import type * as organisations from '../../../common/src/api/organisations.js';

export type SessionInfo = z.infer<typeof auth.SessionInfo>;
export type SessionUser = z.infer<typeof auth.SessionUser>;
export type TotpSetup = z.infer<typeof auth.TotpSetup>;
export type InvitationView = z.infer<typeof auth.InvitationView>;

export type CatalogItem = z.infer<typeof catalog.CatalogItem>;
export type CatalogSector = z.infer<typeof catalog.CatalogSector>;
export type CatalogSectorDetail = z.infer<typeof catalog.CatalogSectorDetail>;
export type CatalogVersion = z.infer<typeof catalog.CatalogVersionInfo>;
export type SectorList = z.infer<typeof catalog.CatalogSectorList>;

export type Organisation = z.infer<typeof organisations.Organisation>;
export type Member = z.infer<typeof organisations.Member>;
export type PendingInvitation = z.infer<typeof organisations.PendingInvitation>;
export type MembersView = z.infer<typeof organisations.MembersView>;

export type UserSummary = z.infer<typeof admin.UserSummary>;
export type RolePermissions = z.infer<typeof admin.RolePermissions>;
export type AuditEntry = z.infer<typeof admin.AuditEntry>;
export type OutboxMessage = z.infer<typeof admin.OutboxMessage>;
export type OutboxMessageDetail = z.infer<typeof admin.OutboxMessageDetail>;
