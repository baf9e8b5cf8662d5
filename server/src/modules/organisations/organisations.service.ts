import type { z } from 'zod';
import type { CreateOrganisationInput, LinkAgencyInput, OrganisationListQuery } from '../../../../common/src/api/organisations.js';
import { ORGANISATION_ADMIN_ROLES, type OrganisationKind, type Role } from '../../../../common/src/roles.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { createInvitation } from '../accounts/index.js';
import { findAgencySummary } from '../agencies/index.js';
import * as policy from './organisations.policy.js';
import * as q from './organisations.queries.js';

type Organisation = NonNullable<Awaited<ReturnType<typeof q.findOrganisation>>>;

/** Inside a caller's transaction (sign-up): the organisation row only; the caller audits. */
export async function createOrganisationRecord(ctx: Ctx, input: { kind: OrganisationKind; name: string; taxCode: string | null; country: string }) {
  return q.insertOrganisation(ctx.db, input);
}

export function findOrganisationByTaxCode(ctx: Ctx, taxCode: string) {
  return q.findOrganisationByTaxCode(ctx.db, taxCode);
}

/** All organisations, filtered and paged. Permission: organisations.read_all (administrators). */
export async function listOrganisations(ctx: Ctx, input: z.infer<typeof OrganisationListQuery>) {
  assertCan(ctx.actor, 'organisations.read_all');
  return q.listOrganisations(ctx.db, input);
}

/** Only an organisation of kind agency links to an agency record, and the record must exist. */
async function assertAgencyLink(ctx: Ctx, kind: OrganisationKind, agencyId: string | null | undefined): Promise<void> {
  if (!agencyId) return;
  if (kind !== 'agency') throw new AppError('ORGANISATION_NOT_AGENCY');
  if (!(await findAgencySummary(ctx, agencyId))) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'agencyId', code: 'invalid_value', message: translate(ctx.locale, 'validation.invalid_value') }] });
  }
}

/** Registers an organisation (e.g. a government agency, linked to its agency record). Permission: organisations.create. Audit: organisation.created. */
export async function createOrganisation(ctx: Ctx, input: z.infer<typeof CreateOrganisationInput>): Promise<Organisation> {
  assertCan(ctx.actor, 'organisations.create');
  return inTransaction(ctx, async (tx) => {
    if (input.taxCode && (await q.findOrganisationByTaxCode(tx.db, input.taxCode))) throw new AppError('CONFLICT', { field: 'taxCode' });
    await assertAgencyLink(tx, input.kind, input.agencyId);
    const row = await q.insertOrganisation(tx.db, {
      kind: input.kind,
      name: input.name,
      nameEn: input.nameEn ?? null,
      taxCode: input.taxCode ?? null,
      country: input.country,
      agencyId: input.agencyId ?? null,
    });
    await recordAudit(tx, { action: 'organisation.created', objectType: 'organisation', objectId: row.id, organisationId: row.id, summary: { after: input } });
    return (await q.findOrganisation(tx.db, row.id))!;
  });
}

/**
 * Links an organisation of kind agency to its dated agency record (or unlinks it with null), so that work routed to a
 * plan role reaches the people of today's agency. Permission: organisations.manage_all. Audit: organisation.agency_linked.
 */
export async function linkOrganisationAgency(ctx: Ctx, input: { id: string } & z.infer<typeof LinkAgencyInput>): Promise<Organisation> {
  assertCan(ctx.actor, 'organisations.manage_all');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findOrganisation(tx.db, input.id);
    if (!before) throw new AppError('NOT_FOUND');
    await assertAgencyLink(tx, before.kind, input.agencyId);
    await q.setOrganisationAgency(tx.db, before.id, input.agencyId);
    await recordAudit(tx, {
      action: 'organisation.agency_linked',
      objectType: 'organisation',
      objectId: before.id,
      organisationId: before.id,
      summary: { before: { agencyId: before.agencyId }, after: { agencyId: input.agencyId } },
    });
    return (await q.findOrganisation(tx.db, before.id))!;
  });
}

/** Organisations linked to an agency record. No permission check: the agencies module shows them to those who may see organisations. */
export function listOrganisationsLinkedToAgency(ctx: Ctx, agencyId: string) {
  return q.listOrganisationsByAgency(ctx.db, agencyId);
}

/** Seeds only: links the reference organisation of this name to its agency record when it has no link yet. */
export function linkOrganisationToAgencyByName(db: Tx, name: string, agencyId: string) {
  return q.linkAgencyOrganisationByName(db, name, agencyId);
}

/** One organisation, for its members and administrators; others get NOT_FOUND (no existence leak). */
export async function getOrganisation(ctx: Ctx, input: { id: string }): Promise<Organisation> {
  assertCan(ctx.actor, 'organisation.members.read');
  const organisation = await q.findOrganisation(ctx.db, input.id);
  if (!organisation || !policy.canReadMembers(ctx.actor, organisation.id)) throw new AppError('NOT_FOUND');
  return organisation;
}

/** Members and pending invitations. Permission: organisation.members.read on this organisation. */
export async function getMembersView(ctx: Ctx, input: { id: string }) {
  const organisation = await getOrganisation(ctx, input);
  const canManage = policy.canManageMembers(ctx.actor, organisation.id);
  const [members, invitations] = await Promise.all([
    q.listMembers(ctx.db, organisation.id),
    canManage ? q.listPendingInvitations(ctx.db, organisation.id) : Promise.resolve([]),
  ]);
  return { organisation, members, invitations, canManage };
}

async function manageable(ctx: Ctx, id: string): Promise<Organisation> {
  assertCan(ctx.actor, 'organisation.members.manage');
  const organisation = await getOrganisation(ctx, { id });
  assertCan(ctx.actor, 'organisation.members.manage', policy.canManageMembers(ctx.actor, organisation.id));
  return organisation;
}

function assertAssignable(ctx: Ctx, organisation: Organisation, role: Role): void {
  if (!policy.assignableRoles(ctx.actor, organisation.kind).includes(role)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'role', code: 'invalid_value', message: translate(ctx.locale, 'validation.invalid_value') }] });
  }
}

/** Invites a colleague by e-mail with a role allowed for the organisation's kind. Permission: organisation.members.manage. Audit: invitation.created. */
export async function inviteMember(ctx: Ctx, input: { id: string; email: string; role: Role }) {
  const organisation = await manageable(ctx, input.id);
  assertAssignable(ctx, organisation, input.role);
  return inTransaction(ctx, async (tx) => {
    if (await q.findMemberByEmail(tx.db, organisation.id, input.email)) throw new AppError('ALREADY_MEMBER');
    if (await q.findPendingInvitationFor(tx.db, organisation.id, input.email)) throw new AppError('CONFLICT', { field: 'email' });
    return createInvitation(tx, { email: input.email, role: input.role, organisationId: organisation.id, organisationName: organisation.name });
  });
}

/** Withdraws a pending invitation. Permission: organisation.members.manage. Audit: invitation.revoked. */
export async function revokeInvitation(ctx: Ctx, input: { id: string; invitationId: string }): Promise<void> {
  const organisation = await manageable(ctx, input.id);
  await inTransaction(ctx, async (tx) => {
    const row = await q.revokeInvitation(tx.db, organisation.id, input.invitationId);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { action: 'invitation.revoked', objectType: 'invitation', objectId: row.id, organisationId: organisation.id, summary: { email: row.email } });
  });
}

async function assertKeepsAnAdmin(ctx: Ctx, organisation: Organisation, currentRole: Role, nextRole: Role | null): Promise<void> {
  const isAdminRole = (role: Role | null) => role !== null && ORGANISATION_ADMIN_ROLES.includes(role);
  if (!isAdminRole(currentRole) || isAdminRole(nextRole)) return;
  if ((await q.countMembersWithRoles(ctx.db, organisation.id, ORGANISATION_ADMIN_ROLES)) <= 1) throw new AppError('LAST_ADMIN');
}

/** Changes a member's role; takes effect on their next request. Permission: organisation.members.manage. Audit: member.role_changed. */
export async function changeMemberRole(ctx: Ctx, input: { id: string; userId: string; role: Role }) {
  const organisation = await manageable(ctx, input.id);
  assertAssignable(ctx, organisation, input.role);
  return inTransaction(ctx, async (tx) => {
    const membership = await q.findMembership(tx.db, organisation.id, input.userId);
    if (!membership) throw new AppError('NOT_FOUND');
    await assertKeepsAnAdmin(tx, organisation, membership.role as Role, input.role);
    await q.updateMembershipRole(tx.db, membership.id, input.role);
    await recordAudit(tx, {
      action: 'member.role_changed',
      objectType: 'user',
      objectId: input.userId,
      organisationId: organisation.id,
      summary: { before: { role: membership.role }, after: { role: input.role } },
    });
    const members = await q.listMembers(tx.db, organisation.id);
    return members.find((m) => m.userId === input.userId)!;
  });
}

/** Removes a member from the organisation (their account stays). Permission: organisation.members.manage. Audit: member.removed. */
export async function removeMember(ctx: Ctx, input: { id: string; userId: string }): Promise<void> {
  const organisation = await manageable(ctx, input.id);
  requireUser(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const membership = await q.findMembership(tx.db, organisation.id, input.userId);
    if (!membership) throw new AppError('NOT_FOUND');
    await assertKeepsAnAdmin(tx, organisation, membership.role as Role, null);
    await q.deleteMembership(tx.db, membership.id);
    await recordAudit(tx, { action: 'member.removed', objectType: 'user', objectId: input.userId, organisationId: organisation.id, summary: { before: { role: membership.role } } });
  });
}

/** For an administrator's staff invitation: the target organisation, or nothing. The caller checks the permission. */
export async function getOrganisationForStaffInvite(ctx: Ctx, id: string) {
  return q.findOrganisation(ctx.db, id);
}
