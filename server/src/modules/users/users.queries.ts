import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { users } from '../../core/auth/auth.tables.js';
import type { Role } from '../../../../common/src/roles.js';

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
  sort: 'createdAt' | 'email' | 'name' | 'lastSignInAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const grantsJson = sql<{ role: Role; organisationId: string | null; organisationName: string | null }[]>`coalesce((
  SELECT json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id, 'organisationName', o.name) ORDER BY g.created_at)
    FROM role_grants g LEFT JOIN organisations o ON o.id = g.organisation_id WHERE g.user_id = users.id), '[]'::json)`;

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  status: users.status,
  emailVerifiedAt: users.emailVerifiedAt,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
  roles: grantsJson,
};

export async function listUsers(db: Tx, filter: UserFilter) {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(users.status, filter.status));
  if (filter.role) where.push(sql`EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = users.id AND g.role = ${filter.role})`);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${users.email} LIKE ${like} OR lower(f_unaccent(${users.name})) LIKE lower(f_unaccent(${like})))`);
  }
  const condition = where.length ? and(...where) : undefined;
  const sortColumn = { createdAt: users.createdAt, email: users.email, name: users.name, lastSignInAt: users.lastSignInAt }[filter.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .where(condition)
      .orderBy(filter.order === 'asc' ? sql`${sortColumn} ASC NULLS LAST` : sql`${sortColumn} DESC NULLS LAST`, asc(users.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ value: count() }).from(users).where(condition),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function findUserSummary(db: Tx, id: string) {
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row;
}

/** Display names of some users (ids that do not exist are left out). */
export async function findUserNames(db: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]));
}

export async function setStatus(db: Tx, id: string, status: 'active' | 'disabled') {
  await db.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, id));
}


/** Active users holding one of `roles` (in `organisationId` when given), each once. */
export async function findActiveUserIdsWithRoles(db: Tx, roles: readonly string[], organisationId?: string) {
  if (roles.length === 0) return [];
  const grant = organisationId
    ? sql`EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = ${users.id} AND g.role IN (${sql.join(roles.map((r) => sql`${r}`), sql`, `)}) AND g.organisation_id = ${organisationId})`
    : sql`EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = ${users.id} AND g.role IN (${sql.join(roles.map((r) => sql`${r}`), sql`, `)}))`;
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.status, 'active'), grant)).orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/** E-mail address and language of some active users (for notification e-mails). */
export async function findUserContacts(db: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.status, 'active')));
}
