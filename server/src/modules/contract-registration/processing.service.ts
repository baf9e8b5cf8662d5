import {
  ARTICLE_23_ITEMS,
  OPTIONAL_ARTICLE_23_ITEMS,
  type CaseState,
  type RequestSupplementInput,
  type ReviewFields,
} from '../../../../common/src/api/registration-processing.js';
import { parseRiskFlags } from '../../../../common/src/api/registration-risk.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { requireUser } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import * as cases from '../cases/index.js';
import { ruleNumber } from '../legal-rules/index.js';
import { issueCertificate, issueRefusal } from './certificates.service.js';
import type { DossierRow } from './dossier.tables.js';
import { notifyApplicant, notifyUsers, registrationLeaderIds } from './processing.notify.js';
import * as q from './processing.queries.js';
import { openClock, processStep } from './processing.steps.js';

/*
 * DOST processing of a submitted registration (Decree 76/2018 art. 5; Law 07/2017 art. 23, 31): completeness
 * (registration.completenessCheck working days), review, a draft decision and the leader's approval within the
 * decision clock (registration.decisionDeadline, or amendment.decisionDeadline). Every step: permission of the
 * transition (REGISTRATION_WORKFLOW), the caller handles the case (assigned officer or leader), the case revision,
 * one transaction with the event and the audit record (case.<action>). Amounts and rates never reach an audit
 * summary or a notification.
 */

const decisionRuleKey = (dossier: DossierRow) => (dossier.purpose === 'new' ? 'registration.decisionDeadline' : 'amendment.decisionDeadline');

/**
 * The dossier is complete: stop the completeness clock and start the decision clock (5 working days per Decree 76
 * art. 5(2); amendments per Circular 02/2018, both from legal-rules), or resume it when the dossier came back after a
 * supplement asked during review; the applicant is notified. Permission: registration.process (assigned officer or leader). Audit: case.accept.
 */
export async function acceptDossier(ctx: Ctx, input: { id: string; revision: number }): Promise<CaseState> {
  return processStep(ctx, input, 'accept', async (tx, { row, dossier }, today) => {
    if (await openClock(tx, row.id, 'completeness')) await cases.stopClock(tx, { caseId: row.id, kind: 'completeness', on: today });
    const decision = await openClock(tx, row.id, 'decision');
    if (decision?.pausedOn) {
      await cases.resumeClock(tx, { caseId: row.id, kind: 'decision', on: today });
    } else if (!decision) {
      const ruleKey = decisionRuleKey(dossier);
      await cases.startClock(tx, { caseId: row.id, kind: 'decision', ruleKey, workingDays: await ruleNumber(tx, ruleKey, today), startOn: today });
    }
    return {
      auditSummary: { clock: 'decision', resumed: Boolean(decision?.pausedOn) },
      after: async (after) => {
        await notifyApplicant(after, row, 'registration.accepted');
      },
    };
  });
}

/**
 * Asks the applicant to complete the dossier, listing what is missing (Decree 76 art. 5(2): in writing, within the
 * completeness period). From `submitted` the completeness clock stops; from `in_review` the decision clock pauses
 * until the applicant supplements. Notifies the applicant's members. Permission: registration.process.
 * Audit: case.request_supplement.
 */
export async function requestSupplement(ctx: Ctx, input: RequestSupplementInput & { id: string }): Promise<CaseState> {
  return processStep(ctx, input, 'request_supplement', async (tx, { row, status }, today) => {
    if (status === 'submitted' && (await openClock(tx, row.id, 'completeness'))) await cases.stopClock(tx, { caseId: row.id, kind: 'completeness', on: today });
    const decision = await openClock(tx, row.id, 'decision');
    if (decision && !decision.pausedOn) await cases.pauseClock(tx, { caseId: row.id, kind: 'decision', on: today });
    const note = `${input.message}\n\n${input.missingItems.map((item) => `• ${item}`).join('\n')}`;
    return {
      note,
      details: { missingItems: input.missingItems },
      auditSummary: { missingItems: input.missingItems.length },
      after: async (after) => {
        await notifyApplicant(after, row, 'registration.supplement_requested');
      },
    };
  });
}

function fieldError(ctx: Ctx, path: string, code: string): AppError {
  return validationError([{ path, code, message: translate(ctx.locale, `validation.${code}`) }]);
}

/**
 * Saves the officer's review: the checklist of the 15 contract contents of Law 07/2017 art. 23, an acknowledgement
 * of each risk flag (flags inform, never decide) and a note. Permission: registration.process. Audit: case.save_review.
 */
export async function saveReview(ctx: Ctx, input: ReviewFields & { id: string; revision: number }): Promise<CaseState> {
  const user = requireUser(ctx.actor);
  return processStep(ctx, input, 'save_review', async (tx, { row, dossier }) => {
    const codes = new Set(parseRiskFlags(dossier.riskFlags).map((flag) => flag.code));
    input.flagAcknowledgements.forEach((ack, index) => {
      if (!codes.has(ack.code as never)) throw fieldError(tx, `flagAcknowledgements.${index}.code`, 'invalid_value');
    });
    const review = { checklist: input.checklist, flagAcknowledgements: input.flagAcknowledgements, note: input.note, updatedBy: { userId: user.userId, name: user.name }, updatedAt: new Date().toISOString() };
    await q.updateReview(tx.db, row.id, review);
    const missing = ARTICLE_23_ITEMS.filter((item) => input.checklist[item] === 'missing');
    return { auditSummary: { checked: Object.keys(input.checklist).length, missing, flagsAcknowledged: input.flagAcknowledgements.length } };
  });
}

/** What still stops a certificate draft: art. 23 items not confirmed present, risk flags not acknowledged. */
export function reviewGaps(dossier: Pick<DossierRow, 'review' | 'riskFlags'>): { items: string[]; flags: string[] } {
  const review = dossier.review as Partial<ReviewFields>;
  const checklist = review.checklist ?? {};
  const items = ARTICLE_23_ITEMS.filter((item) => {
    const answer = checklist[item];
    return !(answer === 'present' || (answer === 'not_applicable' && OPTIONAL_ARTICLE_23_ITEMS.includes(item)));
  });
  const acknowledged = new Set((review.flagAcknowledgements ?? []).map((ack) => ack.code));
  const flags = [...new Set(parseRiskFlags(dossier.riskFlags).map((flag) => flag.code))].filter((code) => !acknowledged.has(code));
  return { items, flags };
}

/**
 * Drafts the registration certificate for the leader's approval: the review must confirm every mandatory art. 23
 * content and acknowledge every risk flag (REVIEW_INCOMPLETE otherwise). The note for the leader is an internal
 * comment. Notifies DOST leaders.
 * Permission: registration.process. Audit: case.draft_certificate.
 */
export async function draftCertificate(ctx: Ctx, input: { id: string; revision: number; note?: string | undefined }): Promise<CaseState> {
  const user = requireUser(ctx.actor);
  return processStep(ctx, input, 'draft_certificate', async (tx, { row, dossier }) => {
    const gaps = reviewGaps(dossier);
    if (gaps.items.length > 0 || gaps.flags.length > 0) throw new AppError('REVIEW_INCOMPLETE', { items: gaps.items, flags: gaps.flags });
    await q.setDecisionDraft(tx.db, row.id, { kind: 'certificate', reasons: null, draftedBy: user.userId });
    return {
      after: async (after) => {
        if (input.note) await cases.addComment(after, { caseId: row.id, visibility: 'internal', body: input.note });
        await notifyUsers(after, await registrationLeaderIds(after, user.userId), row, 'registration.draft_ready');
      },
    };
  });
}

/**
 * Drafts a written refusal with its reasons (Law 07/2017 art. 31(4): refusal in writing, with reasons). Notifies DOST
 * leaders. Permission: registration.process. Audit: case.draft_refusal (the reasons' length, not their text).
 */
export async function draftRefusal(ctx: Ctx, input: { id: string; revision: number; reasons: string }): Promise<CaseState> {
  const user = requireUser(ctx.actor);
  return processStep(ctx, input, 'draft_refusal', async (tx, { row }) => {
    await q.setDecisionDraft(tx.db, row.id, { kind: 'refusal', reasons: input.reasons, draftedBy: user.userId });
    return {
      auditSummary: { reasonsLength: input.reasons.length },
      after: async (after) => {
        await notifyUsers(after, await registrationLeaderIds(after, user.userId), row, 'registration.draft_ready');
      },
    };
  });
}

/**
 * The leader sends the draft back to review; the draft is cleared and the comment kept as an internal note (the
 * applicant's timeline shows the step, not DOST's deliberation). Permission: registration.approve. Audit: case.return_draft.
 */
export async function returnDraft(ctx: Ctx, input: { id: string; revision: number; comment: string }): Promise<CaseState> {
  return processStep(ctx, input, 'return_draft', async (tx, { row, dossier }) => {
    const drafter = dossier.decisionDraftedBy;
    await q.setDecisionDraft(tx.db, row.id, null);
    return {
      details: { kind: dossier.decisionKind },
      after: async (after) => {
        await cases.addComment(after, { caseId: row.id, visibility: 'internal', body: input.comment });
        if (drafter) await notifyUsers(after, [drafter], row, 'registration.draft_returned');
      },
    };
  });
}

/**
 * The DOST leader approves the draft: four-eyes (the approver is never the drafter: FOUR_EYES_REQUIRED, also a CHECK
 * in the database), the decision clock stops (met or missed), and the certificate (number, PDF, QR) or the refusal
 * letter is issued in the same transaction; the applicant is notified. Permission: registration.approve.
 * Audit: case.approve (+ the certificates part's own records).
 */
export async function approveDecision(ctx: Ctx, input: { id: string; revision: number }): Promise<CaseState> {
  const user = requireUser(ctx.actor);
  return processStep(ctx, input, 'approve', async (tx, { row, dossier }, today) => {
    const draftedBy = dossier.decisionDraftedBy;
    if (!draftedBy || !dossier.decisionKind) throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'approve', reason: 'noDraft' });
    if (draftedBy === user.userId) throw new AppError('FOUR_EYES_REQUIRED');
    if (await openClock(tx, row.id, 'decision')) await cases.stopClock(tx, { caseId: row.id, kind: 'decision', on: today });
    const kind = dossier.decisionKind;
    return {
      closes: true,
      details: { kind },
      auditSummary: { kind, draftedBy },
      after: async (after) => {
        if (kind === 'certificate') {
          const issued = await issueCertificate(after, { caseId: row.id, draftedBy, today });
          await notifyApplicant(after, row, 'registration.issued', { certificateNumber: issued.number });
          return { certificateNumber: issued.number };
        }
        await issueRefusal(after, { caseId: row.id, draftedBy, reasons: dossier.decisionReasons ?? '', today });
        await notifyApplicant(after, row, 'registration.refused');
        return { certificateNumber: null };
      },
    };
  });
}
