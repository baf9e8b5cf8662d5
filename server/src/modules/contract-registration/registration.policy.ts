import { can } from '../../core/access/access.js';
import { ROLE_PERMISSIONS, type Permission } from '../../core/access/permissions.js';
import type { Actor, Grant } from '../../core/context.js';

/**
 * Who may see and act on a registration case (issue 5 item 7: "a dossier is visible to the filing organisation and to
 * the DOST staff assigned and their leaders"). Pure functions over the actor and the case's facts.
 *
 * - Applicant: a member of the filing organisation whose role has registration.file.
 * - Assigned officer: the DOST staff member currently assigned as officer (registration.process).
 * - Leader: registration.approve (DOST leaders see and act on every case).
 * - Tax users (registration.tax_view, agency holding the plan role tax_control_of_transfer_contracts) never see the
 *   dossier itself: only the tax view (value band, flags), checked in the oversight service.
 * - Other DOST officers see a case's queue line (reference, applicant, status, clock) but no confidential detail
 *   until assigned (they may take an unassigned case).
 */
export interface CaseFacts {
  organisationId: string;
  /** Current officer assignment (case_assignments role officer), or null. */
  assignedOfficerId: string | null;
}

function grantHas(grant: Grant, permission: Permission): boolean {
  return ROLE_PERMISSIONS[grant.role].includes(permission);
}

/** The grant through which the caller files for an organisation (its first grant with registration.file). */
export function filingGrant(actor: Actor): Grant | null {
  if (actor.kind !== 'user') return null;
  return actor.grants.find((g) => g.organisationId !== null && grantHas(g, 'registration.file')) ?? null;
}

/** Organisations the caller files for. */
export function filingOrganisationIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => g.organisationId !== null && grantHas(g, 'registration.file')).map((g) => g.organisationId!);
}

export function isApplicant(actor: Actor, facts: Pick<CaseFacts, 'organisationId'>): boolean {
  return filingOrganisationIds(actor).includes(facts.organisationId);
}

export function isLeader(actor: Actor): boolean {
  return can(actor, 'registration.approve');
}

export function isAssignedOfficer(actor: Actor, facts: CaseFacts): boolean {
  return actor.kind === 'user' && can(actor, 'registration.process') && facts.assignedOfficerId === actor.userId;
}

/** DOST staff who may handle this case now: its assigned officer, or a leader. */
export function canHandle(actor: Actor, facts: CaseFacts): boolean {
  return isAssignedOfficer(actor, facts) || (isLeader(actor) && can(actor, 'registration.process'));
}

/** May the caller read the confidential dossier (data, prices, documents)? Every such read is audited. */
export function canSeeDossier(actor: Actor, facts: CaseFacts): boolean {
  return isApplicant(actor, facts) || canHandle(actor, facts);
}

/** May the caller see the case's queue line (no confidential detail)? Any DOST staff member, and the applicant. */
export function canSeeQueueLine(actor: Actor, facts: Pick<CaseFacts, 'organisationId'>): boolean {
  return can(actor, 'registration.process') || isApplicant(actor, facts);
}
