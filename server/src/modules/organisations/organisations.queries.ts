import { and, asc, count, desc, eq, isNull, gt, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { invitations, roleGrants, users } from '../../core/auth/auth.tables.js';
import { organisations } from './organisations.tables.js';
import type { OrganisationKind, Role } from '../../../../common/src/roles.js';

const memberCount = sql<number>`(SELECT count(*)::int FROM role_grants g WHERE g.organisation_id = organisations.id)`;
const columns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  nameEn: organisations.nameEn,
  taxCode: organisations.taxCode,
  country: organisations.country,
  status: organisations.status,
  agencyId: organisations.agencyId,
  createdAt: organisations.createdAt,
  memberCount,
};

export async function insertOrganisation(db: Tx, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function findOrganisation(db: Tx, id: string) {
  const [row] = await db.select(columns).from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisationByTaxCode(db: Tx, taxCode: string) {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.taxCode, taxCode));
  return row;
}

export interface OrganisationFilter {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  sort: 'name' | 'createdAt' | 'kind';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export async function listOrganisations(db: Tx, filter: OrganisationFilter) {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(organisations.kind, filter.kind));
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(lower(f_unaccent(${organisations.name})) LIKE lower(f_unaccent(${like})) OR ${organisations.taxCode} = ${filter.q})`);
  }
  const condition = where.length ? and(...where) : undefined;
  const sortColumn = { name: organisations.name, createdAt: organisations.createdAt, kind: organisations.kind }[filter.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(organisations)
      .where(condition)
      .orderBy(filter.order === 'asc' ? asc(sortColumn) : desc(sortColumn), asc(organisations.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ value: count() }).from(organisations).where(condition),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function setOrganisationAgency(db: Tx, id: string, agencyId: string | null) {
  await db.update(organisations).set({ agencyId, updatedAt: new Date() }).where(eq(organisations.id, id));
}

export async function listOrganisationsByAgency(db: Tx, agencyId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, nameEn: organisations.nameEn, status: organisations.status })
    .from(organisations)
    .where(eq(organisations.agencyId, agencyId))
    .orderBy(asc(organisations.name));
}

/** Seeds: links the agency organisation of this exact name when it has no link yet. */
export async function linkAgencyOrganisationByName(db: Tx, name: string, agencyId: string) {
  await db
    .update(organisations)
    .set({ agencyId })
    .where(and(eq(organisations.name, name), eq(organisations.kind, 'agency'), isNull(organisations.agencyId)));
}

export async function listMembers(db: Tx, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: roleGrants.role, status: users.status, joinedAt: roleGrants.createdAt })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(roleGrants.organisationId, organisationId))
    .orderBy(asc(roleGrants.createdAt));
}

export async function findMembership(db: Tx, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: roleGrants.id, role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.organisationId, organisationId), eq(roleGrants.userId, userId)));
  return row;
}

/** Locks the organisation's grants until the end of the transaction, so two admins demoting each other cannot both pass. */
export async function countMembersWithRoles(db: Tx, organisationId: string, roles: readonly Role[]) {
  const rows = await db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.organisationId, organisationId)).orderBy(asc(roleGrants.id)).for('update');
  return rows.filter((r) => roles.includes(r.role as Role)).length;
}

export async function updateMembershipRole(db: Tx, id: string, role: Role) {
  await db.update(roleGrants).set({ role }).where(eq(roleGrants.id, id));
}

export async function deleteMembership(db: Tx, id: string) {
  await db.delete(roleGrants).where(eq(roleGrants.id, id));
}

export async function listPendingInvitations(db: Tx, organisationId: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, organisationId: invitations.organisationId, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Tx, organisationId: string, invitationId: string) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id, email: invitations.email });
  return row;
}

export async function findPendingInvitationFor(db: Tx, organisationId: string, email: string) {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  return row;
}

export async function findMemberByEmail(db: Tx, organisationId: string, email: string) {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.organisationId, organisationId), eq(users.email, email)));
  return row;
}
