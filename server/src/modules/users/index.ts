import type { Tx } from '../../core/db/database.js';
import { findUserNames } from './users.queries.js';

export { usersRoutes } from './users.routes.js';

/**
 * Display names of users by id, for other modules that show who did something (e.g. who added a legal-rule value).
 * No permission check: the caller decides who may see the names. Unknown ids are absent from the map.
 */
export async function userNames(db: Tx, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  return new Map((await findUserNames(db, wanted)).map((row) => [row.id, row.name]));
}
