import { ORGANISATION_ADMIN_ROLES, ROLES_BY_ORGANISATION_KIND, type OrganisationKind, type Role } from '../../../../common/src/roles.js';
import { can } from '../../core/access/access.js';
import type { Actor } from '../../core/context.js';

/** A member of the organisation, or an administrator, may see its members. */
export function canReadMembers(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  return can(actor, 'organisations.read_all') || actor.grants.some((g) => g.organisationId === organisationId);
}

/** An administrator role of THIS organisation, or a platform administrator, may manage its members. */
export function canManageMembers(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  if (can(actor, 'organisations.manage_all')) return true;
  return actor.grants.some((g) => g.organisationId === organisationId && ORGANISATION_ADMIN_ROLES.includes(g.role));
}

/** Roles that may be given in an organisation of this kind. Only platform administrators hand out DOST and city roles. */
export function assignableRoles(actor: Actor, kind: OrganisationKind): readonly Role[] {
  const roles = ROLES_BY_ORGANISATION_KIND[kind];
  if (can(actor, 'organisations.manage_all')) return roles;
  if (kind === 'agency') return roles.filter((r) => r === 'agency_officer' || r === 'agency_leader');
  return roles;
}
