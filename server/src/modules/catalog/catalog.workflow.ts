import { AMENDMENT_KINDS, AMENDMENT_STATUSES, VERSION_ACTIONS, VERSION_STATUSES } from '../../../../common/src/api/catalog.js';
import type { Permission } from '../../core/access/permissions.js';
import { AppError } from '../../core/errors.js';

/**
 * The catalog amendment workflow of plan section IV.6 as data: sector departments propose, the DOST officer
 * consolidates a draft version, the DOST leader submits it to the People's Committee (or returns it to the officer),
 * and an administrator records the Committee's decision. Pure: no database, no clock.
 *
 *   version:   (none) ─create→ draft ─submit→ submitted ─approve→ approved
 *                               │  ↖──return──┘        └─reject→ rejected
 *                               ├─include/exclude/edit_item→ draft
 *                               └─discard→ discarded
 *   proposal:  (none) ─propose→ proposed ─include→ included ─exclude/release→ proposed
 *                                  ├─reject→ rejected
 *                                  └─withdraw→ withdrawn
 */

export type VersionStatus = (typeof VERSION_STATUSES)[number];
export type VersionAction = (typeof VERSION_ACTIONS)[number];
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
export type AmendmentAction = 'propose' | 'include' | 'exclude' | 'release' | 'reject' | 'withdraw';

interface Transition<S, A> {
  from: S | null;
  action: A;
  to: S;
  permission: Permission;
}

export const VERSION_TRANSITIONS: readonly Transition<VersionStatus, VersionAction>[] = [
  { from: null, action: 'create', to: 'draft', permission: 'catalog.versions.draft' },
  { from: 'draft', action: 'include', to: 'draft', permission: 'catalog.versions.draft' },
  { from: 'draft', action: 'exclude', to: 'draft', permission: 'catalog.versions.draft' },
  { from: 'draft', action: 'edit_item', to: 'draft', permission: 'catalog.versions.draft' },
  { from: 'draft', action: 'discard', to: 'discarded', permission: 'catalog.versions.draft' },
  { from: 'draft', action: 'submit', to: 'submitted', permission: 'catalog.versions.submit' },
  { from: 'submitted', action: 'return', to: 'draft', permission: 'catalog.versions.submit' },
  { from: 'submitted', action: 'approve', to: 'approved', permission: 'catalog.versions.approve' },
  { from: 'submitted', action: 'reject', to: 'rejected', permission: 'catalog.versions.approve' },
];

export const AMENDMENT_TRANSITIONS: readonly Transition<AmendmentStatus, AmendmentAction>[] = [
  { from: null, action: 'propose', to: 'proposed', permission: 'catalog.amendments.propose' },
  { from: 'proposed', action: 'include', to: 'included', permission: 'catalog.versions.draft' },
  { from: 'included', action: 'exclude', to: 'proposed', permission: 'catalog.versions.draft' },
  // A discarded draft or a version the Committee rejected gives its proposals back, to be included again or rejected.
  { from: 'included', action: 'release', to: 'proposed', permission: 'catalog.versions.draft' },
  { from: 'proposed', action: 'reject', to: 'rejected', permission: 'catalog.versions.draft' },
  { from: 'proposed', action: 'withdraw', to: 'withdrawn', permission: 'catalog.amendments.propose' },
];

function permissionIn<S, A>(table: readonly Transition<S, A>[], action: A): Permission {
  const transition = table.find((t) => t.action === action);
  if (!transition) throw new Error(`unknown action ${String(action)}`);
  return transition.permission;
}

function nextIn<S, A>(table: readonly Transition<S, A>[], from: S | null, action: A): S {
  const transition = table.find((t) => t.action === action && t.from === from);
  if (!transition) throw new AppError('INVALID_TRANSITION', { from, action });
  return transition.to;
}

/** The permission an action on a version needs (the same from every status). */
export const versionPermission = (action: VersionAction): Permission => permissionIn(VERSION_TRANSITIONS, action);
/** The status after `action`, or INVALID_TRANSITION. */
export const nextVersionStatus = (from: VersionStatus | null, action: VersionAction): VersionStatus => nextIn(VERSION_TRANSITIONS, from, action);

export const amendmentPermission = (action: AmendmentAction): Permission => permissionIn(AMENDMENT_TRANSITIONS, action);
export const nextAmendmentStatus = (from: AmendmentStatus | null, action: AmendmentAction): AmendmentStatus => nextIn(AMENDMENT_TRANSITIONS, from, action);

/** The actions a caller with these permissions may take on a version in `status` now. */
export function availableVersionActions(status: VersionStatus, has: (permission: Permission) => boolean): VersionAction[] {
  return VERSION_TRANSITIONS.filter((t) => t.from === status && has(t.permission)).map((t) => t.action);
}

// ---- Guards ---------------------------------------------------------------------------------------------------

/** Days are YYYY-MM-DD strings, so they compare as text. */
export interface ApprovalDates {
  decisionDate: string;
  effectiveFrom: string;
  today: string;
  /** effective_from of the latest approved version (the one the new version follows). */
  latestApprovedFrom: string | null;
}

/**
 * The Committee's decision is signed before it is recorded (not in the future); the version takes effect on or after
 * the decision day and strictly after the latest approved version, so approved versions form one dated chain.
 * Returns the field and error, or null when the dates are acceptable.
 */
export function approvalDateProblem(dates: ApprovalDates): { field: 'decisionDate' | 'effectiveFrom'; code: 'date_in_future' | 'CATALOG_EFFECTIVE_DATE_INVALID' } | null {
  if (dates.decisionDate > dates.today) return { field: 'decisionDate', code: 'date_in_future' };
  if (dates.effectiveFrom < dates.decisionDate) return { field: 'effectiveFrom', code: 'CATALOG_EFFECTIVE_DATE_INVALID' };
  if (dates.latestApprovedFrom !== null && dates.effectiveFrom <= dates.latestApprovedFrom) return { field: 'effectiveFrom', code: 'CATALOG_EFFECTIVE_DATE_INVALID' };
  return null;
}

/** `1.3.12` → 12; the direction number within its sector. */
function directionNumber(code: string): number {
  return Number(code.split('.').pop());
}

/**
 * The next free code of a sector: one more than the highest direction number ever used in it (in any version), so
 * a retired code is never given again.
 */
export function nextFreeCode(sectorCode: string, usedCodes: readonly string[]): string {
  const numbers = usedCodes.filter((code) => code.startsWith(`${sectorCode}.`) && code.split('.').length === sectorCode.split('.').length + 1).map(directionNumber);
  return `${sectorCode}.${Math.max(0, ...numbers) + 1}`;
}

/** A code asked for by a proposer must belong to the sector and never have been used. */
export function isCodeAvailable(code: string, sectorCode: string, usedCodes: readonly string[]): boolean {
  return code.startsWith(`${sectorCode}.`) && code.split('.').length === sectorCode.split('.').length + 1 && !usedCodes.includes(code);
}
