import { z } from 'zod';
import { IsoDate, PageQuery } from './shared.js';

/** Agencies as dated data, their lineage, and the plan's duties (section IV of Decision 872/QĐ-UBND) as plan roles. */

export const AGENCY_KINDS = [
  'people_committee',
  'provincial_department',
  'ez_authority',
  'bank_branch',
  'tax_office',
  'district_pc',
  'commune_pc',
  'ministry',
  'public_fund',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const LINEAGE_KINDS = ['merged_into', 'absorbed', 'renamed', 're_established', 'abolished', 'split'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

export const PLAN_ROLE_RECURRENCES = ['ongoing', 'yearly', 'as_needed'] as const;

export const AGENCY_SORTS = ['name', 'code', 'kind', 'level', 'validFrom', 'validTo'] as const;

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const AgencyDate = IsoDate;

export const AgencyCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,63}$/);
export const PlanRoleCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,63}$/);
const Citation = z.string().trim().min(2).max(1000);
const Note = z.string().trim().max(2000);
const AgencyName = z.string().trim().min(2).max(200);
const ShortName = z.string().trim().min(1).max(60);

export const AgencySummary = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  shortNameVi: z.string().nullable(),
  shortNameEn: z.string().nullable(),
  kind: z.enum(AGENCY_KINDS),
  level: z.enum(AGENCY_LEVELS),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  verified: z.boolean(),
});
export type AgencySummary = z.infer<typeof AgencySummary>;

export const Agency = AgencySummary.extend({
  sourceFrom: z.string(),
  sourceTo: z.string().nullable(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  updatedAt: z.string(),
});
export type Agency = z.infer<typeof Agency>;

/** A lineage event seen from one agency: the agency at the other end. */
export const AgencyLink = z.object({
  eventId: z.string(),
  agency: AgencySummary,
  eventDate: z.string(),
  kind: z.enum(LINEAGE_KINDS),
  citation: z.string(),
  verified: z.boolean(),
  note: z.string().nullable(),
});
export type AgencyLink = z.infer<typeof AgencyLink>;

/** A plan role an agency holds (or held) between two dates. */
export const RoleHolding = z.object({
  assignmentId: z.string(),
  roleCode: z.string(),
  roleNameVi: z.string(),
  roleNameEn: z.string(),
  planSection: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  citation: z.string(),
  verified: z.boolean(),
});
export type RoleHolding = z.infer<typeof RoleHolding>;

export const AgencyListItem = Agency.extend({
  /** scope in_force: the roles held on `at`; scope all: every assignment, past and present. */
  roles: z.array(RoleHolding),
  predecessors: z.array(AgencyLink),
  successors: z.array(AgencyLink),
});
export type AgencyListItem = z.infer<typeof AgencyListItem>;

export const AgencyListQuery = PageQuery.extend({
  /** The day the list is read on (default: today in Vietnam). */
  at: AgencyDate.optional(),
  scope: z.enum(['in_force', 'all']).default('in_force'),
  kind: z.enum(AGENCY_KINDS).optional(),
  level: z.enum(AGENCY_LEVELS).optional(),
  /** Name, short name or code, with or without Vietnamese diacritics. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(AGENCY_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const AgencyList = z.object({
  at: z.string(),
  items: z.array(AgencyListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const LinkedOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  status: z.enum(['active', 'suspended']),
});

export const AgencyDetail = Agency.extend({
  predecessors: z.array(AgencyLink),
  successors: z.array(AgencyLink),
  /** Every plan role assignment of the agency, past and present. */
  roles: z.array(RoleHolding),
  /** Platform organisations linked to this agency; null when the caller may not see organisations. */
  organisations: z.array(LinkedOrganisation).nullable(),
  /** Today's agency carrying this one's functions (itself when in force; null when none). */
  currentSuccessor: AgencySummary.nullable(),
});
export type AgencyDetail = z.infer<typeof AgencyDetail>;

export const CreateAgencyInput = z.object({
  code: AgencyCode,
  nameVi: AgencyName,
  nameEn: AgencyName,
  shortNameVi: ShortName.nullable().optional(),
  shortNameEn: ShortName.nullable().optional(),
  kind: z.enum(AGENCY_KINDS),
  level: z.enum(AGENCY_LEVELS),
  validFrom: AgencyDate,
  validTo: AgencyDate.nullable().optional(),
  sourceFrom: Citation,
  sourceTo: Citation.nullable().optional(),
  verified: z.boolean().default(false),
  noteVi: Note.nullable().optional(),
  noteEn: Note.nullable().optional(),
});

/** Every field but the code (stable, used by other modules) may change; dates are checked against roles and lineage. */
export const UpdateAgencyInput = CreateAgencyInput.omit({ code: true }).partial().extend({ verified: z.boolean().optional() });

export const EndAgencyInput = z.object({ validTo: AgencyDate, sourceTo: Citation });

export const LineageEventInput = z.object({
  successorId: z.uuid(),
  /** First day the successor carries the predecessor's functions; the predecessor ends the day before if still open. */
  eventDate: AgencyDate,
  kind: z.enum(LINEAGE_KINDS),
  citation: Citation,
  verified: z.boolean().default(false),
  note: Note.nullable().optional(),
  /** Give the successor, from eventDate, the roles the predecessor held the day before (unverified assignments). */
  transferRoles: z.boolean().default(false),
});

export const LineageEvent = z.object({
  id: z.string(),
  predecessorId: z.string(),
  successorId: z.string(),
  eventDate: z.string(),
  kind: z.enum(LINEAGE_KINDS),
  citation: z.string(),
  verified: z.boolean(),
  note: z.string().nullable(),
  /** Roles given to the successor by transferRoles. */
  transferredRoles: z.array(z.string()),
});

export const PlanRole = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  planSection: z.string(),
  dutyVi: z.string(),
  dutyEn: z.string(),
  recurrence: z.enum(PLAN_ROLE_RECURRENCES),
  dueMonthDay: z.string().nullable(),
  dueVi: z.string().nullable(),
  dueEn: z.string().nullable(),
});
export type PlanRole = z.infer<typeof PlanRole>;

export const PlanRoleAssignment = z.object({
  id: z.string(),
  roleCode: z.string(),
  agency: AgencySummary,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  citation: z.string(),
  verified: z.boolean(),
});
export type PlanRoleAssignment = z.infer<typeof PlanRoleAssignment>;

export const PlanRoleWithHolders = PlanRole.extend({
  /** The agencies holding the role on `at`. */
  holders: z.array(AgencySummary),
  /** Every assignment, past and present, oldest first. */
  assignments: z.array(PlanRoleAssignment),
});
export type PlanRoleWithHolders = z.infer<typeof PlanRoleWithHolders>;

export const PlanRoleListQuery = z.object({ at: AgencyDate.optional() });
export const PlanRoleList = z.object({ at: z.string(), items: z.array(PlanRoleWithHolders) });

export const AssignPlanRoleInput = z.object({
  agencyId: z.uuid(),
  validFrom: AgencyDate,
  validTo: AgencyDate.nullable().optional(),
  citation: Citation,
  verified: z.boolean().default(false),
});

export const EndAssignmentInput = z.object({ validTo: AgencyDate });

const Format = z.enum(['csv', 'xlsx']).default('csv');
export const AgencyExportQuery = AgencyListQuery.omit({ page: true, pageSize: true }).extend({ format: Format });
export const PlanRoleExportQuery = PlanRoleListQuery.extend({ format: Format });
