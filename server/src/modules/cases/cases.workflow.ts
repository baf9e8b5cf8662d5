import type { Permission } from '../../core/access/permissions.js';
import { AppError } from '../../core/errors.js';

/**
 * A case workflow as data: the statuses a module's case can be in and, for each action, the status it moves from
 * and to and the permission it needs. Pure: no database, no clock. Modules declare one (e.g. REGISTRATION_WORKFLOW)
 * and the case core applies it (`transitionCase`).
 */
export interface CaseTransition<S extends string, A extends string> {
  /** null: the action creates the case. */
  from: S | null;
  action: A;
  to: S;
  permission: Permission;
}

/** A state machine as data; other modules with statuses (e.g. exchange listings) use the same shape and functions. */
export interface Workflow<S extends string, A extends string> {
  transitions: readonly CaseTransition<S, A>[];
}

export interface CaseWorkflow<S extends string, A extends string> extends Workflow<S, A> {
  kind: CaseKind;
}

/** Kinds of case (CHECK in migration 0006; add a kind there and here). */
export const CASE_KINDS = ['contract_registration'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Prefix of each kind's reference number (`CGCN-2026-00012`: chuyển giao công nghệ). */
export const REFERENCE_PREFIXES: Record<CaseKind, string> = { contract_registration: 'CGCN' };

/** The reference number shown to people: prefix, year, number of the year on five digits. */
export function referenceNumber(kind: CaseKind, year: number, n: number): string {
  return `${REFERENCE_PREFIXES[kind]}-${year}-${String(n).padStart(5, '0')}`;
}

/** The permission an action needs (the same from every status), or an Error for an action the workflow lacks. */
export function actionPermission<S extends string, A extends string>(workflow: Workflow<S, A>, action: A): Permission {
  const transition = workflow.transitions.find((t) => t.action === action);
  if (!transition) throw new Error(`unknown action ${action}`);
  return transition.permission;
}

/** The status after `action` from `from`, or INVALID_TRANSITION. */
export function nextStatus<S extends string, A extends string>(workflow: Workflow<S, A>, from: S | null, action: A): S {
  const transition = workflow.transitions.find((t) => t.action === action && t.from === from);
  if (!transition) throw new AppError('INVALID_TRANSITION', { from, action });
  return transition.to;
}

/** The actions a caller with these permissions may take from `status`. */
export function availableActions<S extends string, A extends string>(workflow: Workflow<S, A>, status: S, has: (permission: Permission) => boolean): A[] {
  return workflow.transitions.filter((t) => t.from === status && has(t.permission)).map((t) => t.action);
}
