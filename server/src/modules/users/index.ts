import { ROLES } from '../../../../common/src/roles.js';
import { ROLE_PERMISSIONS, type Permission } from '../../core/access/permissions.js';
import type { Tx } from '../../core/db/database.js';
import { findActiveUserIdsWithRoles, findUserContacts, findUserNames } from './users.queries.js';

export { usersRoutes } from './users.routes.js';

/**
 * Display names of users by id, for other modules that show who did something (e.g. who added a legal-rule value).
 * No permission check: the caller decides who may see the names. Unknown ids are absent from the map.
 */
export async function userNames(db: Tx, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  return new Map((await findUserNames(db, wanted)).map((row) => [row.id, row.name]));
}

const rolesWith = (permission: Permission) => ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));

/** Active users whose roles grant `permission` (e.g. every DOST leader for registration.assign): notification recipients. */
export async function userIdsWithPermission(db: Tx, permission: Permission): Promise<string[]> {
  return findActiveUserIdsWithRoles(db, rolesWith(permission));
}

/** Active members of one organisation whose role there grants `permission` (e.g. the filer's registration.file). */
export async function memberIdsOf(db: Tx, organisationId: string, permission: Permission): Promise<string[]> {
  return findActiveUserIdsWithRoles(db, rolesWith(permission), organisationId);
}

/** E-mail address, name and language of active users (disabled or unknown ids are absent). No permission check. */
export async function userContacts(db: Tx, ids: readonly string[]) {
  return findUserContacts(db, ids);
}
