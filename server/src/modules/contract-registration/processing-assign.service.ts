import type { CaseState } from '../../../../common/src/api/registration-processing.js';
import type { CaseCommentView } from '../../../../common/src/api/cases.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import * as cases from '../cases/index.js';
import { userIdsWithPermission } from '../users/index.js';
import { notifyApplicant, notifyUsers } from './processing.notify.js';
import { assertRevision, loadStaffCase, lockHandledCase } from './processing.steps.js';
import { OPEN_STATUSES, type RegistrationStatus } from './registration.workflow.js';

/** Statuses in which a case can change hands: waiting for DOST, or for the applicant's supplement. */
export const ASSIGNABLE_STATUSES: readonly RegistrationStatus[] = [...OPEN_STATUSES, 'supplement_requested'];

function assertAssignable(status: RegistrationStatus): void {
  if (!ASSIGNABLE_STATUSES.includes(status)) throw new AppError('INVALID_TRANSITION', { from: status, action: 'assign' });
}

async function stateOf(ctx: Ctx, caseId: string): Promise<CaseState> {
  const row = await cases.getCase(ctx, caseId);
  return { id: row.id, status: row.status as RegistrationStatus, revision: row.revision };
}

/**
 * A DOST officer takes an open case nobody handles yet (CONFLICT with the current officer otherwise).
 * Permission: registration.process. Audit: case.assign (event `assign`).
 */
export async function takeCase(ctx: Ctx, input: { id: string; revision: number }): Promise<CaseState> {
  assertCan(ctx.actor, 'registration.process');
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const handled = await loadStaffCase(tx, input.id, { forUpdate: true });
    assertAssignable(handled.status);
    assertRevision(handled.row, input.revision);
    if (handled.assignments.officer) throw new AppError('CONFLICT', { currentRevision: handled.row.revision, officer: handled.assignments.officer.name });
    await cases.assignCase(tx, { caseId: input.id, userId: user.userId, role: 'officer', expectedRevision: input.revision });
    return stateOf(tx, input.id);
  });
}

/**
 * A DOST leader assigns (or reassigns) the officer of an open case; the officer is notified. The user must hold
 * registration.process (VALIDATION_FAILED on userId otherwise). Permission: registration.assign. Audit: case.assign.
 */
export async function assignOfficer(ctx: Ctx, input: { id: string; revision: number; userId: string }): Promise<CaseState> {
  assertCan(ctx.actor, 'registration.assign');
  return inTransaction(ctx, async (tx) => {
    const handled = await loadStaffCase(tx, input.id, { forUpdate: true });
    assertAssignable(handled.status);
    assertRevision(handled.row, input.revision);
    if (!(await userIdsWithPermission(tx.db, 'registration.process')).includes(input.userId)) {
      throw validationError([{ path: 'userId', code: 'invalid_value', message: translate(tx.locale, 'validation.invalid_value') }]);
    }
    if (handled.assignments.officer?.userId === input.userId) return stateOf(tx, input.id);
    await cases.assignCase(tx, { caseId: input.id, userId: input.userId, role: 'officer', expectedRevision: input.revision });
    await notifyUsers(tx, [input.userId], handled.row, 'registration.assigned');
    return stateOf(tx, input.id);
  });
}

/**
 * DOST staff handling the case write an internal note or a message to the applicant (who is notified). A comment is
 * a conversation, not a step: no revision. Permission: registration.process (assigned officer or leader).
 * Audit: case.comment_added.
 */
export async function addStaffComment(ctx: Ctx, input: { id: string; visibility: 'internal' | 'applicant'; body: string }): Promise<CaseCommentView> {
  assertCan(ctx.actor, 'registration.process');
  return inTransaction(ctx, async (tx) => {
    const handled = await lockHandledCase(tx, input.id);
    const comment = await cases.addComment(tx, { caseId: input.id, visibility: input.visibility, body: input.body });
    if (input.visibility === 'applicant') await notifyApplicant(tx, handled.row, 'registration.staff_comment');
    return comment;
  });
}
