import { can } from '../../core/access/access.js';
import { ROLE_PERMISSIONS } from '../../core/access/permissions.js';
import type { Actor, Grant } from '../../core/context.js';
import type { VersionStatus } from './catalog.workflow.js';

/**
 * DOST (who consolidate and submit), administrators (who record the decision) and readers who do not propose (city
 * leaders) see every proposal; a sector department's officers see their own organisation's proposals only.
 */
export function seesAllAmendments(actor: Actor): boolean {
  if (actor.kind !== 'user') return false;
  if (can(actor, 'catalog.versions.draft') || can(actor, 'catalog.versions.submit') || can(actor, 'catalog.versions.approve')) return true;
  return can(actor, 'catalog.amendments.read') && !can(actor, 'catalog.amendments.propose');
}

/** The organisation a proposal is made for: the caller's first grant whose role may propose. */
export function proposingGrant(actor: Actor): Grant | null {
  if (actor.kind !== 'user') return null;
  return actor.grants.find((g) => ROLE_PERMISSIONS[g.role].includes('catalog.amendments.propose')) ?? null;
}

/** The organisations whose proposals the caller sees when not seeing all. */
export function ownOrganisationIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => g.organisationId !== null && ROLE_PERMISSIONS[g.role].includes('catalog.amendments.read')).map((g) => g.organisationId!);
}

/** May the caller read this proposal? Everyone who sees all, or a member of the proposing organisation, or the proposer. */
export function canReadAmendment(actor: Actor, amendment: { organisationId: string | null; proposedBy: string | null }): boolean {
  if (actor.kind !== 'user' || !can(actor, 'catalog.amendments.read')) return false;
  if (seesAllAmendments(actor)) return true;
  return amendment.proposedBy === actor.userId || (amendment.organisationId !== null && ownOrganisationIds(actor).includes(amendment.organisationId));
}

/** A proposal is withdrawn by its proposer's organisation (any of its members who may propose), or by the proposer. */
export function canWithdrawAmendment(actor: Actor, amendment: { organisationId: string | null; proposedBy: string | null }): boolean {
  if (actor.kind !== 'user' || !can(actor, 'catalog.amendments.propose')) return false;
  if (amendment.proposedBy === actor.userId) return true;
  return amendment.organisationId !== null && actor.grants.some((g) => g.organisationId === amendment.organisationId && ROLE_PERMISSIONS[g.role].includes('catalog.amendments.propose'));
}

/** Approved versions are public; versions in preparation, rejected or discarded are for catalog staff only. */
export function canReadVersion(actor: Actor, status: VersionStatus): boolean {
  return status === 'approved' ? can(actor, 'catalog.read') : can(actor, 'catalog.amendments.read');
}
