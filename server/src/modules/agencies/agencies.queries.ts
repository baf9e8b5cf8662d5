import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../core/db/database.js';
import type { AgencyKind, AgencyLevel } from '../../../../common/src/api/agencies.js';
import { agencies, agencyLineageEvents, planRoleAssignments, planRoles } from './agencies.tables.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type PlanRoleRow = typeof planRoles.$inferSelect;
export type AssignmentRow = typeof planRoleAssignments.$inferSelect;
export type LineageRow = typeof agencyLineageEvents.$inferSelect;

const inForceOn = (at: string) => and(lte(agencies.validFrom, at), or(isNull(agencies.validTo), gte(agencies.validTo, at)))!;

// ---- agencies ------------------------------------------------------------------------------------------------------

export async function insertAgency(db: Tx, values: typeof agencies.$inferInsert): Promise<AgencyRow> {
  const [row] = await db.insert(agencies).values(values).returning();
  return row!;
}

export async function updateAgency(db: Tx, id: string, patch: Partial<typeof agencies.$inferInsert>): Promise<AgencyRow> {
  const [row] = await db
    .update(agencies)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(agencies.id, id))
    .returning();
  return row!;
}

export async function findAgency(db: Tx, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

/** The agency row, locked until the end of the transaction (date changes and assignments serialise on it). */
export async function lockAgency(db: Tx, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).for('update');
  return row;
}

/**
 * Serialises every change to the lineage graph: checking for a loop and inserting the link must not interleave with
 * another administrator's link (A→B and B→A, or a longer loop, recorded at the same moment).
 */
export async function lockLineage(db: Tx): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(8721, hashtext('agency_lineage'))`);
}

export async function findAgencyByCode(db: Tx, code: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
  return row;
}

export async function findAgencies(db: Tx, ids: readonly string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(agencies).where(inArray(agencies.id, [...ids]));
}

export async function listAllAgencies(db: Tx): Promise<AgencyRow[]> {
  return db.select().from(agencies).orderBy(asc(agencies.validFrom), asc(agencies.code));
}

export async function listAgenciesOn(db: Tx, at: string): Promise<AgencyRow[]> {
  return db.select().from(agencies).where(inForceOn(at)).orderBy(asc(sql`lower(f_unaccent(${agencies.nameVi}))`), asc(agencies.code));
}

export interface AgencyFilter {
  at: string;
  scope: 'in_force' | 'all';
  kind?: AgencyKind | undefined;
  level?: AgencyLevel | undefined;
  q?: string | undefined;
  sort: 'name' | 'code' | 'kind' | 'level' | 'validFrom' | 'validTo';
  order: 'asc' | 'desc';
  locale: 'vi' | 'en';
}

function agencyWhere(filter: AgencyFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.scope === 'in_force') where.push(inForceOn(filter.at));
  if (filter.kind) where.push(eq(agencies.kind, filter.kind));
  if (filter.level) where.push(eq(agencies.level, filter.level));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const folded = (column: AnyPgColumn) => sql`lower(f_unaccent(coalesce(${column}, ''))) LIKE lower(f_unaccent(${like}))`;
    where.push(
      sql`(${folded(agencies.nameVi)} OR ${folded(agencies.nameEn)} OR ${folded(agencies.shortNameVi)} OR ${folded(agencies.shortNameEn)} OR ${folded(agencies.code)})`,
    );
  }
  return where.length ? and(...where) : undefined;
}

/** One page of agencies. Names sort without diacritics (byte order would put "Ủy" after "Z"). */
export async function listAgencies(db: Tx, filter: AgencyFilter & { page: number; pageSize: number }) {
  const condition = agencyWhere(filter);
  const name = filter.locale === 'en' ? sql`lower(${agencies.nameEn})` : sql`lower(f_unaccent(${agencies.nameVi}))`;
  const sortColumn = {
    name,
    code: sql`${agencies.code}`,
    kind: sql`${agencies.kind}`,
    level: sql`${agencies.level}`,
    validFrom: sql`${agencies.validFrom}`,
    validTo: sql`coalesce(${agencies.validTo}, '9999-12-31'::date)`,
  }[filter.sort];
  const direction = filter.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(agencies)
      .where(condition)
      .orderBy(direction(sortColumn), asc(name), asc(agencies.validFrom), asc(agencies.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ value: count() }).from(agencies).where(condition),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}

// ---- lineage -------------------------------------------------------------------------------------------------------

export async function insertLineageEvent(db: Tx, values: typeof agencyLineageEvents.$inferInsert): Promise<LineageRow> {
  const [row] = await db.insert(agencyLineageEvents).values(values).returning();
  return row!;
}

export async function findLineageEvent(db: Tx, id: string): Promise<LineageRow | undefined> {
  const [row] = await db.select().from(agencyLineageEvents).where(eq(agencyLineageEvents.id, id));
  return row;
}

export async function findLineageEventBetween(db: Tx, predecessorId: string, successorId: string): Promise<LineageRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyLineageEvents)
    .where(and(eq(agencyLineageEvents.predecessorId, predecessorId), eq(agencyLineageEvents.successorId, successorId)));
  return row;
}

export async function deleteLineageEvent(db: Tx, id: string): Promise<void> {
  await db.delete(agencyLineageEvents).where(eq(agencyLineageEvents.id, id));
}

/** Every lineage event (a few dozen rows: the register of one city). */
export async function listLineageEvents(db: Tx): Promise<LineageRow[]> {
  return db.select().from(agencyLineageEvents).orderBy(asc(agencyLineageEvents.eventDate), asc(agencyLineageEvents.id));
}

export async function listLineageEventsOf(db: Tx, agencyIds: readonly string[]): Promise<LineageRow[]> {
  if (agencyIds.length === 0) return [];
  const ids = [...agencyIds];
  return db
    .select()
    .from(agencyLineageEvents)
    .where(or(inArray(agencyLineageEvents.predecessorId, ids), inArray(agencyLineageEvents.successorId, ids)))
    .orderBy(asc(agencyLineageEvents.eventDate), asc(agencyLineageEvents.id));
}

// ---- plan roles and assignments ------------------------------------------------------------------------------------

export async function insertPlanRole(db: Tx, values: typeof planRoles.$inferInsert): Promise<PlanRoleRow> {
  const [row] = await db.insert(planRoles).values(values).returning();
  return row!;
}

export async function listPlanRoles(db: Tx): Promise<PlanRoleRow[]> {
  return db.select().from(planRoles).orderBy(asc(planRoles.sortOrder), asc(planRoles.code));
}

export async function findPlanRoleByCode(db: Tx, code: string): Promise<PlanRoleRow | undefined> {
  const [row] = await db.select().from(planRoles).where(eq(planRoles.code, code));
  return row;
}

/** The role row, locked: assignments of one role are checked for overlap one at a time. */
export async function lockPlanRole(db: Tx, id: string): Promise<PlanRoleRow | undefined> {
  const [row] = await db.select().from(planRoles).where(eq(planRoles.id, id)).for('update');
  return row;
}

export async function insertAssignment(db: Tx, values: typeof planRoleAssignments.$inferInsert): Promise<AssignmentRow> {
  const [row] = await db.insert(planRoleAssignments).values(values).returning();
  return row!;
}

export async function insertAssignments(db: Tx, values: (typeof planRoleAssignments.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(planRoleAssignments).values(values);
}

export async function findAssignment(db: Tx, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(planRoleAssignments).where(eq(planRoleAssignments.id, id));
  return row;
}

export async function setAssignmentEnd(db: Tx, id: string, validTo: string): Promise<AssignmentRow> {
  const [row] = await db.update(planRoleAssignments).set({ validTo, updatedAt: new Date() }).where(eq(planRoleAssignments.id, id)).returning();
  return row!;
}

export async function listAssignments(db: Tx, filter: { planRoleId?: string; agencyIds?: readonly string[] } = {}) {
  const where: SQL[] = [];
  if (filter.planRoleId) where.push(eq(planRoleAssignments.planRoleId, filter.planRoleId));
  if (filter.agencyIds) {
    if (filter.agencyIds.length === 0) return [];
    where.push(inArray(planRoleAssignments.agencyId, [...filter.agencyIds]));
  }
  return db
    .select({
      assignment: planRoleAssignments,
      role: { code: planRoles.code, nameVi: planRoles.nameVi, nameEn: planRoles.nameEn, planSection: planRoles.planSection, sortOrder: planRoles.sortOrder },
    })
    .from(planRoleAssignments)
    .innerJoin(planRoles, eq(planRoles.id, planRoleAssignments.planRoleId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(planRoles.sortOrder), asc(planRoleAssignments.validFrom), asc(planRoleAssignments.id));
}

/** The agencies holding a role on `at` (one role may be held by several agencies at once). */
export async function listHolders(db: Tx, roleCode: string, at: string): Promise<AgencyRow[]> {
  const rows = await db
    .select({ agency: agencies })
    .from(planRoleAssignments)
    .innerJoin(planRoles, eq(planRoles.id, planRoleAssignments.planRoleId))
    .innerJoin(agencies, eq(agencies.id, planRoleAssignments.agencyId))
    .where(
      and(
        eq(planRoles.code, roleCode),
        lte(planRoleAssignments.validFrom, at),
        or(isNull(planRoleAssignments.validTo), gte(planRoleAssignments.validTo, at)),
      ),
    )
    .orderBy(asc(sql`lower(f_unaccent(${agencies.nameVi}))`), asc(agencies.code));
  return rows.map((row) => row.agency);
}
