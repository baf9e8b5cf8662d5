import type { Agency, AgencyLink, AgencySummary, RoleHolding } from '../../../../common/src/api/agencies.js';
import type { AgencyRow, AssignmentRow, LineageRow } from './agencies.queries.js';

/** Row → API shapes (internal columns such as created_at never leave the module). */

export function toSummary(row: AgencyRow): AgencySummary {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    shortNameVi: row.shortNameVi,
    shortNameEn: row.shortNameEn,
    kind: row.kind,
    level: row.level,
    validFrom: row.validFrom,
    validTo: row.validTo,
    verified: row.verified,
  };
}

export function toAgency(row: AgencyRow): Agency {
  return {
    ...toSummary(row),
    sourceFrom: row.sourceFrom,
    sourceTo: row.sourceTo,
    noteVi: row.noteVi,
    noteEn: row.noteEn,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toLink(event: LineageRow, other: AgencyRow): AgencyLink {
  return {
    eventId: event.id,
    agency: toSummary(other),
    eventDate: event.eventDate,
    kind: event.kind,
    citation: event.citation,
    verified: event.verified,
    note: event.note,
  };
}

export interface AssignmentWithRole {
  assignment: AssignmentRow;
  role: { code: string; nameVi: string; nameEn: string; planSection: string };
}

export function toHolding({ assignment, role }: AssignmentWithRole): RoleHolding {
  return {
    assignmentId: assignment.id,
    roleCode: role.code,
    roleNameVi: role.nameVi,
    roleNameEn: role.nameEn,
    planSection: role.planSection,
    validFrom: assignment.validFrom,
    validTo: assignment.validTo,
    citation: assignment.citation,
    verified: assignment.verified,
  };
}
