import type { z } from 'zod';
import type { UserListQuery } from '../../../../common/src/api/admin.js';
import type { StaffInviteInput } from '../../../../common/src/api/organisations.js';
import { ROLES, ROLES_BY_ORGANISATION_KIND, STAFF_ROLES } from '../../../../common/src/roles.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../../core/access/permissions.js';
import { recordAudit } from '../../core/audit/audit.js';
import { deleteUserSessions } from '../../core/auth/sessions.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { createInvitation } from '../accounts/index.js';
import { getOrganisationForStaffInvite } from '../organisations/index.js';
import * as q from './users.queries.js';

/** Every account, filtered and paged. Permission: admin.users.read. */
export async function listUsers(ctx: Ctx, input: z.infer<typeof UserListQuery>) {
  assertCan(ctx.actor, 'admin.users.read');
  return q.listUsers(ctx.db, input);
}

/**
 * Disables or re-enables an account. Disabling ends all its sessions at once (ASVS 7.4.2). An administrator cannot
 * disable their own account. Permission: admin.users.manage. Audit: user.status_changed.
 */
export async function setUserStatus(ctx: Ctx, input: { id: string; status: 'active' | 'disabled' }) {
  assertCan(ctx.actor, 'admin.users.manage');
  const actor = requireUser(ctx.actor);
  if (input.id === actor.userId) throw new AppError('INVALID_TRANSITION');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findUserSummary(tx.db, input.id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === input.status) throw new AppError('INVALID_TRANSITION');
    await q.setStatus(tx.db, input.id, input.status);
    if (input.status === 'disabled') await deleteUserSessions(tx.db, input.id);
    await recordAudit(tx, { action: 'user.status_changed', objectType: 'user', objectId: input.id, summary: { before: { status: before.status }, after: { status: input.status } } });
    return (await q.findUserSummary(tx.db, input.id))!;
  });
}

/**
 * Invites a staff member (DOST, agency, city or administrator) by e-mail. Agency roles need an agency organisation;
 * the administrator role needs none. Permission: admin.invitations.create. Audit: invitation.created.
 */
export async function inviteStaff(ctx: Ctx, input: z.infer<typeof StaffInviteInput>) {
  assertCan(ctx.actor, 'admin.invitations.create');
  const invalidRole = () =>
    new AppError('VALIDATION_FAILED', { fields: [{ path: 'role', code: 'invalid_value', message: translate(ctx.locale, 'validation.invalid_value') }] });
  return inTransaction(ctx, async (tx) => {
    if (input.organisationId === null) {
      if (input.role !== 'admin' && input.role !== 'expert') throw invalidRole();
      return createInvitation(tx, { ...input, organisationName: null });
    }
    const organisation = await getOrganisationForStaffInvite(tx, input.organisationId);
    if (!organisation) throw new AppError('NOT_FOUND');
    if (!ROLES_BY_ORGANISATION_KIND[organisation.kind].includes(input.role)) throw invalidRole();
    return createInvitation(tx, { ...input, organisationName: organisation.name });
  });
}

/** The role → permission table, read-only. Permission: admin.roles.read. */
export function getRolePermissions(ctx: Ctx) {
  assertCan(ctx.actor, 'admin.roles.read');
  return {
    roles: ROLES.map((role) => ({ role, isStaff: STAFF_ROLES.includes(role), permissions: [...ROLE_PERMISSIONS[role]] })),
    permissions: [...PERMISSIONS],
  };
}
