import { STAFF_ROLES } from '../../../../common/src/roles.js';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import { PUBLIC_PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './permissions.js';

export function permissionsOf(actor: Actor): Set<Permission> {
  if (actor.kind === 'anonymous') return new Set(PUBLIC_PERMISSIONS);
  const result = new Set<Permission>(PUBLIC_PERMISSIONS);
  for (const grant of actor.grants) for (const p of ROLE_PERMISSIONS[grant.role]) result.add(p);
  return result;
}

export function can(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor).has(permission);
}

/**
 * First line of every use case. Anonymous callers get UNAUTHENTICATED, signed-in callers without the
 * permission get FORBIDDEN. `allowed` is the module policy's verdict on the object, when there is one.
 */
export function assertCan(actor: Actor, permission: Permission, allowed = true): void {
  if (can(actor, permission) && allowed) return;
  if (actor.kind === 'anonymous' && !PUBLIC_PERMISSIONS.includes(permission)) throw new AppError('UNAUTHENTICATED');
  throw new AppError('FORBIDDEN');
}

export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function isStaff(actor: Actor): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => STAFF_ROLES.includes(g.role));
}
