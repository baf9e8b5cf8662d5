import { STAFF_ACTIONS, type DecisionDraft, type RegistrationReview, type StaffRegistrationDetail } from '../../../../common/src/api/registration-processing.js';
import { parseRiskFlags, sortRiskFlags } from '../../../../common/src/api/registration-risk.js';
import { assertCan, can } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Actor, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as cases from '../cases/index.js';
import { userNames } from '../users/index.js';
import type { DossierRow } from './dossier.tables.js';
import { dossierDetail } from './dossier.view.js';
import { ASSIGNABLE_STATUSES } from './processing-assign.service.js';
import { loadStaffCase, type HandledCase } from './processing.steps.js';
import * as policy from './registration.policy.js';
import { REGISTRATION_WORKFLOW, type RegistrationAction } from './registration.workflow.js';

/** Staff actions the caller may take now: the transition table for their permissions, less approving their own draft. */
export function staffActionsFor(actor: Actor, handled: Pick<HandledCase, 'status' | 'dossier'>): RegistrationAction[] {
  const userId = actor.kind === 'user' ? actor.userId : null;
  return cases
    .availableActions(REGISTRATION_WORKFLOW, handled.status, (permission) => can(actor, permission))
    .filter((action) => STAFF_ACTIONS.includes(action))
    .filter((action) => !(action === 'approve' && handled.dossier.decisionDraftedBy === userId));
}

function reviewOf(dossier: DossierRow): RegistrationReview {
  const stored = dossier.review as Partial<RegistrationReview>;
  return {
    checklist: stored.checklist ?? {},
    flagAcknowledgements: stored.flagAcknowledgements ?? [],
    ...(stored.note ? { note: stored.note } : {}),
    updatedBy: stored.updatedBy ?? null,
    updatedAt: stored.updatedAt ?? null,
  };
}

async function decisionOf(ctx: Ctx, dossier: DossierRow): Promise<DecisionDraft | null> {
  if (!dossier.decisionKind) return null;
  const names = await userNames(ctx.db, [dossier.decisionDraftedBy]);
  const drafter = dossier.decisionDraftedBy;
  return {
    kind: dossier.decisionKind,
    reasons: dossier.decisionReasons,
    draftedBy: drafter ? { userId: drafter, name: names.get(drafter) ?? '' } : null,
    draftedAt: dossier.decisionDraftedAt?.toISOString() ?? null,
  };
}

/**
 * The confidential dossier as the DOST staff handling it see it: data, documents, all comments, risk flags with their
 * numbers, review, decision draft, assignments and the actions allowed now. Only the assigned officer and leaders
 * (registration.policy canHandle): another officer gets CASE_NOT_ASSIGNED (with whether they may take it).
 * Issue 5 item 7: every read is audited. Permission: registration.process. Audit: registration.dossier.view.
 */
export async function getStaffDetail(ctx: Ctx, input: { id: string }): Promise<StaffRegistrationDetail> {
  assertCan(ctx.actor, 'registration.process');
  return inTransaction(ctx, async (tx) => {
    const handled = await loadStaffCase(tx, input.id);
    const { row, dossier, facts } = handled;
    if (!policy.canHandle(tx.actor, facts)) {
      throw new AppError('CASE_NOT_ASSIGNED', { canTake: facts.assignedOfficerId === null && ASSIGNABLE_STATUSES.includes(handled.status), revision: row.revision, referenceNo: row.referenceNo });
    }
    const staffActions = staffActionsFor(tx.actor, handled);
    const isAssignable = ASSIGNABLE_STATUSES.includes(handled.status);
    const isIssued = row.status === 'issued' || row.status === 'revoked';
    const detail = await dossierDetail(tx, row, {
      includeInternalComments: true,
      availableActions: staffActions,
      certificateUrl: isIssued ? `/api/v1/registrations/${row.id}/certificate.pdf` : null,
      refusalUrl: row.status === 'refused' ? `/api/v1/registrations/${row.id}/refusal.pdf` : null,
    });
    await recordAudit(tx, { action: 'registration.dossier.view', objectType: 'case', objectId: row.id, organisationId: row.organisationId, summary: { referenceNo: row.referenceNo, status: row.status } });
    return {
      ...detail,
      isLate: dossier.isLate,
      riskFlags: sortRiskFlags(parseRiskFlags(dossier.riskFlags)),
      review: reviewOf(dossier),
      decision: await decisionOf(tx, dossier),
      assignments: handled.assignments,
      staffActions,
      canTake: isAssignable && facts.assignedOfficerId === null && !policy.isLeader(tx.actor),
      canAssign: isAssignable && can(tx.actor, 'registration.assign'),
    };
  });
}
