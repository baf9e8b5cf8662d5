import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AgencyKind, AgencyLevel, LineageKind } from '../../../../common/src/api/agencies.js';
import type { Tx } from '../../core/db/database.js';
import { linkOrganisationToAgencyByName } from '../organisations/index.js';
import * as q from './agencies.queries.js';

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds/reference');
export const AGENCIES_SEED = path.join(SEEDS, 'agencies.json');
export const PLAN_ROLES_SEED = path.join(SEEDS, 'plan-roles.json');

interface AgencySeed {
  code: string;
  nameVi: string;
  nameEn: string;
  shortNameVi: string | null;
  shortNameEn: string | null;
  kind: AgencyKind;
  level: AgencyLevel;
  validFrom: string;
  validTo: string | null;
  sourceFrom: string;
  sourceTo: string | null;
  verified: boolean;
  noteVi: string | null;
  noteEn: string | null;
}
interface AgenciesFile {
  agencies: AgencySeed[];
  lineage: { predecessor: string; successor: string; date: string; kind: LineageKind; citation: string; verified: boolean; note?: string }[];
  organisationLinks: { organisationName: string; agency: string }[];
}
interface PlanRolesFile {
  roles: {
    code: string;
    nameVi: string;
    nameEn: string;
    planSection: string;
    dutyVi: string;
    dutyEn: string;
    recurrence: 'ongoing' | 'yearly' | 'as_needed';
    dueMonthDay: string | null;
    dueVi: string | null;
    dueEn: string | null;
    sortOrder: number;
  }[];
  assignments: { role: string; agency: string; validFrom: string; validTo: string | null; citation: string; verified: boolean }[];
}

/**
 * Loads the agencies of plan section IV, their 2025 lineage and the plan roles with their dated assignments.
 * Idempotent and respectful of later edits: agencies and roles are added by code when missing; lineage events when
 * missing; a role's assignments only together with the role; seeded organisations are linked only to agencies added
 * in this run (so an administrator's unlinking is never undone).
 */
export async function seedAgencies(db: Tx): Promise<{ agencies: number; roles: number }> {
  const file = JSON.parse(await readFile(AGENCIES_SEED, 'utf8')) as AgenciesFile;
  const roles = JSON.parse(await readFile(PLAN_ROLES_SEED, 'utf8')) as PlanRolesFile;
  const ids = new Map<string, string>();
  const added = new Set<string>();
  for (const agency of file.agencies) {
    const existing = await q.findAgencyByCode(db, agency.code);
    if (existing) {
      ids.set(agency.code, existing.id);
      continue;
    }
    ids.set(agency.code, (await q.insertAgency(db, agency)).id);
    added.add(agency.code);
  }
  for (const event of file.lineage) {
    const predecessorId = ids.get(event.predecessor)!;
    const successorId = ids.get(event.successor)!;
    if (await q.findLineageEventBetween(db, predecessorId, successorId)) continue;
    await q.insertLineageEvent(db, { predecessorId, successorId, eventDate: event.date, kind: event.kind, citation: event.citation, verified: event.verified, note: event.note ?? null });
  }
  let rolesAdded = 0;
  for (const role of roles.roles) {
    if (await q.findPlanRoleByCode(db, role.code)) continue;
    const row = await q.insertPlanRole(db, role);
    rolesAdded++;
    await q.insertAssignments(
      db,
      roles.assignments
        .filter((a) => a.role === role.code)
        .map((a) => ({ planRoleId: row.id, agencyId: ids.get(a.agency)!, validFrom: a.validFrom, validTo: a.validTo, citation: a.citation, verified: a.verified })),
    );
  }
  for (const link of file.organisationLinks) {
    if (added.has(link.agency)) await linkOrganisationToAgencyByName(db, link.organisationName, ids.get(link.agency)!);
  }
  return { agencies: added.size, roles: rolesAdded };
}
