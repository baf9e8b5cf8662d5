import type { z } from 'zod';
import type { AgencySummary, AssignPlanRoleInput, PlanRoleAssignment, PlanRoleWithHolders } from '../../../../common/src/api/agencies.js';
import { assertCan } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { assertOrdered } from './agencies.service.js';
import * as q from './agencies.queries.js';
import { isInForce, isWithin, overlaps } from './agencies.rules.js';
import { toSummary } from './agencies.views.js';

/**
 * The agencies holding a plan role (a duty of plan section IV) on `at`, default today in Vietnam: work routed now
 * reaches today's agency (e.g. investment_registration → Finance since 01/03/2025), history keeps the old one
 * (Planning and Investment in 2024). Empty for an unknown role. No permission check: for other modules.
 */
export async function resolvePlanRole(ctx: Ctx, input: { role: string; at?: string }): Promise<AgencySummary[]> {
  return (await q.listHolders(ctx.db, input.role, input.at ?? vietnamToday())).map(toSummary);
}

/** Every plan role with the agencies holding it on `at` (default today) and all its assignments. Permission: catalog.read. */
export async function listPlanRoles(ctx: Ctx, input: { at?: string | undefined }): Promise<{ at: string; items: PlanRoleWithHolders[] }> {
  assertCan(ctx.actor, 'catalog.read');
  const at = input.at ?? vietnamToday();
  const [roles, assignments, agencies] = await Promise.all([q.listPlanRoles(ctx.db), q.listAssignments(ctx.db), q.listAllAgencies(ctx.db)]);
  const agencyById = new Map(agencies.map((row) => [row.id, toSummary(row)]));
  const items = roles.map((role) => {
    const own: PlanRoleAssignment[] = assignments
      .filter((a) => a.assignment.planRoleId === role.id)
      .map(({ assignment }) => ({
        id: assignment.id,
        roleCode: role.code,
        agency: agencyById.get(assignment.agencyId)!,
        validFrom: assignment.validFrom,
        validTo: assignment.validTo,
        citation: assignment.citation,
        verified: assignment.verified,
      }));
    return {
      id: role.id,
      code: role.code,
      nameVi: role.nameVi,
      nameEn: role.nameEn,
      planSection: role.planSection,
      dutyVi: role.dutyVi,
      dutyEn: role.dutyEn,
      recurrence: role.recurrence,
      dueMonthDay: role.dueMonthDay,
      dueVi: role.dueVi,
      dueEn: role.dueEn,
      holders: own.filter((a) => isInForce(a, at)).map((a) => a.agency),
      assignments: own,
    };
  });
  return { at, items };
}

function toAssignment(row: q.AssignmentRow, roleCode: string, agency: q.AgencyRow): PlanRoleAssignment {
  return { id: row.id, roleCode, agency: toSummary(agency), validFrom: row.validFrom, validTo: row.validTo, citation: row.citation, verified: row.verified };
}

/**
 * Assigns a plan role to an agency for a period. The agency must be in force over the whole period, and one role is
 * never assigned twice to the same agency for overlapping days. Permission: reference.manage. Audit: plan_role.assigned.
 */
export async function assignPlanRole(ctx: Ctx, input: { code: string } & z.infer<typeof AssignPlanRoleInput>): Promise<PlanRoleAssignment> {
  assertCan(ctx.actor, 'reference.manage');
  const period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertOrdered(ctx, period);
  return inTransaction(ctx, async (tx) => {
    const agency = await q.lockAgency(tx.db, input.agencyId);
    const found = await q.findPlanRoleByCode(tx.db, input.code);
    if (!agency || !found) throw new AppError('NOT_FOUND');
    const role = (await q.lockPlanRole(tx.db, found.id))!;
    if (!isWithin(period, agency)) throw new AppError('AGENCY_NOT_IN_FORCE', { validFrom: agency.validFrom, validTo: agency.validTo });
    const existing = await q.listAssignments(tx.db, { planRoleId: role.id, agencyIds: [agency.id] });
    if (existing.some(({ assignment }) => overlaps(assignment, period))) throw new AppError('VALIDITY_OVERLAP');
    const row = await q.insertAssignment(tx.db, { planRoleId: role.id, agencyId: agency.id, ...period, citation: input.citation, verified: input.verified });
    await recordAudit(tx, {
      action: 'plan_role.assigned',
      objectType: 'plan_role_assignment',
      objectId: row.id,
      summary: { after: { role: role.code, agency: agency.code, ...period, citation: input.citation, verified: input.verified } },
    });
    return toAssignment(row, role.code, agency);
  });
}

/** Ends an open assignment: validTo is the agency's last day in the role. Permission: reference.manage. Audit: plan_role.assignment_ended. */
export async function endAssignment(ctx: Ctx, input: { id: string; validTo: string }): Promise<PlanRoleAssignment> {
  assertCan(ctx.actor, 'reference.manage');
  return inTransaction(ctx, async (tx) => {
    const current = await q.findAssignment(tx.db, input.id);
    if (!current) throw new AppError('NOT_FOUND');
    const role = (await q.lockPlanRole(tx.db, current.planRoleId))!;
    const assignment = (await q.findAssignment(tx.db, input.id))!;
    if (assignment.validTo !== null) throw new AppError('INVALID_TRANSITION', { validTo: assignment.validTo });
    assertOrdered(tx, { validFrom: assignment.validFrom, validTo: input.validTo });
    const row = await q.setAssignmentEnd(tx.db, assignment.id, input.validTo);
    const agency = (await q.findAgency(tx.db, row.agencyId))!;
    await recordAudit(tx, {
      action: 'plan_role.assignment_ended',
      objectType: 'plan_role_assignment',
      objectId: row.id,
      summary: { role: role.code, agency: agency.code, before: { validTo: null }, after: { validTo: input.validTo } },
    });
    return toAssignment(row, role.code, agency);
  });
}
