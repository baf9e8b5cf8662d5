import type { CaseAssignmentsView } from '../../../../common/src/api/cases.js';
import type { CaseState } from '../../../../common/src/api/registration-processing.js';
import { assertCan } from '../../core/access/access.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as cases from '../cases/index.js';
import { vietnamToday } from '../catalog/index.js';
import type { DossierRow } from './dossier.tables.js';
import * as q from './processing.queries.js';
import * as policy from './registration.policy.js';
import { REGISTRATION_WORKFLOW, type RegistrationAction, type RegistrationStatus } from './registration.workflow.js';

/**
 * The frame of every DOST processing step: lock the case, load its dossier and assignment, check the caller handles
 * it (assigned officer or leader: CASE_NOT_ASSIGNED otherwise), then the transition table (INVALID_TRANSITION) and
 * the revision the caller saw (CONFLICT), then the step's own work and the transition, in one transaction.
 */

export interface HandledCase {
  row: cases.CaseRow;
  status: RegistrationStatus;
  dossier: DossierRow;
  assignments: CaseAssignmentsView;
  facts: policy.CaseFacts;
}

/**
 * A submitted registration case and its dossier; drafts (also one withdrawn before it was ever submitted) and other
 * kinds are NOT_FOUND for DOST staff: a dossier never filed stays the filing organisation's own.
 */
export async function loadStaffCase(ctx: Ctx, caseId: string, options: { forUpdate?: boolean } = {}): Promise<HandledCase> {
  const row = await cases.getCase(ctx, caseId, options);
  if (row.kind !== REGISTRATION_WORKFLOW.kind || row.status === 'draft') throw new AppError('NOT_FOUND');
  const dossier = await q.findDossier(ctx.db, caseId);
  if (!dossier || dossier.submittedAt === null) throw new AppError('NOT_FOUND');
  const assignments = (await cases.currentAssignments(ctx.db, [caseId])).get(caseId) ?? {};
  const facts = { organisationId: row.organisationId, assignedOfficerId: assignments.officer?.userId ?? null };
  return { row, status: row.status as RegistrationStatus, dossier, assignments, facts };
}

/** The case, locked, when the caller handles it (assigned officer or leader). */
export async function lockHandledCase(ctx: Ctx, caseId: string): Promise<HandledCase> {
  const handled = await loadStaffCase(ctx, caseId, { forUpdate: true });
  if (!policy.canHandle(ctx.actor, handled.facts)) throw new AppError('CASE_NOT_ASSIGNED', { canTake: handled.facts.assignedOfficerId === null });
  return handled;
}

export function assertRevision(row: cases.CaseRow, revision: number): void {
  if (row.revision !== revision) throw new AppError('CONFLICT', { currentRevision: row.revision });
}

export interface StepPlan {
  note?: string | null;
  details?: Record<string, unknown>;
  /** Non-confidential audit detail (never amounts, rates or the dossier's text). */
  auditSummary?: Record<string, unknown>;
  closes?: boolean;
  /** Runs after the transition, in the same transaction. */
  after?: (tx: Ctx, updated: cases.CaseRow) => Promise<Partial<CaseState> | void>;
}

/**
 * One processing step. `work` runs under the lock after the checks and before the transition (clocks, dossier
 * changes, guards such as four-eyes) and says what the transition records. Any error leaves everything as it was.
 */
export async function processStep(
  ctx: Ctx,
  input: { id: string; revision: number },
  action: RegistrationAction,
  work: (tx: Ctx, handled: HandledCase, today: string) => Promise<StepPlan>,
): Promise<CaseState> {
  assertCan(ctx.actor, cases.actionPermission(REGISTRATION_WORKFLOW, action));
  return inTransaction(ctx, async (tx) => {
    const handled = await lockHandledCase(tx, input.id);
    cases.nextStatus(REGISTRATION_WORKFLOW, handled.status, action);
    assertRevision(handled.row, input.revision);
    const today = vietnamToday();
    const plan = await work(tx, handled, today);
    const { case: updated } = await cases.transitionCase(tx, {
      workflow: REGISTRATION_WORKFLOW,
      caseId: input.id,
      action,
      expectedRevision: input.revision,
      note: plan.note ?? null,
      details: plan.details,
      closes: plan.closes,
      auditSummary: plan.auditSummary,
      onDay: today,
    });
    const extra = plan.after ? await plan.after(tx, updated) : undefined;
    const final = await cases.getCase(tx, input.id);
    return { id: final.id, status: final.status as RegistrationStatus, revision: final.revision, ...extra };
  });
}

/** The open clock of a kind, if any (clocks are the case core's). */
export async function openClock(ctx: Ctx, caseId: string, kind: string): Promise<cases.CaseClockRow | undefined> {
  return (await cases.listClocks(ctx.db, caseId)).find((clock) => clock.kind === kind && clock.stoppedOn === null);
}
