import type { CompleteDossier, DossierPurpose } from '../../../../common/src/api/registration-dossier.js';
import type { Role } from '../../../../common/src/roles.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { TestApp, TestUser } from '../../../test/harness.js';
import * as cases from '../cases/index.js';
import { sampleCompleteDossier } from './certificates.test-data.js';
import { insertDossier, updateDossier } from './dossier.queries.js';
import { approveDecision } from './processing.service.js';
import { REGISTRATION_WORKFLOW } from './registration.workflow.js';

/**
 * Test factory (tests only): a registration case moved through the real case core to a drafted decision
 * (certificate_drafted or refusal_drafted, drafted by `officer`), its dossier written as filing leaves it, so the
 * certificate tests start from the leader's approval.
 */

export function actorOf(user: TestUser, name = `Người dùng ${user.role}`): Actor {
  return { kind: 'user', userId: user.id, email: user.email, name, grants: [{ role: user.role as Role, organisationId: user.organisationId, organisationName: null }], sessionId: 'test' };
}

export function ctxFor(t: TestApp, user: TestUser | null): Ctx {
  return { db: t.database.db, database: t.database, actor: user ? actorOf(user) : { kind: 'anonymous' }, locale: 'vi', requestId: 'test', ip: null, config: t.config };
}

export interface DraftedCaseInput {
  applicant: TestUser;
  officer: TestUser;
  decision: 'certificate' | 'refusal';
  purpose?: DossierPurpose;
  /** For an amendment or extension: the issued case it amends. */
  amendsCaseId?: string;
  data?: CompleteDossier;
  reasons?: string;
}

export async function draftedCase(t: TestApp, input: DraftedCaseInput): Promise<{ caseId: string; revision: number }> {
  const applicantCtx = ctxFor(t, input.applicant);
  const officerCtx = ctxFor(t, input.officer);
  const data = input.data ?? sampleCompleteDossier();
  const { case: created } = await cases.createCase(applicantCtx, { workflow: REGISTRATION_WORKFLOW, organisationId: input.applicant.organisationId!, title: data.contract.name, parentCaseId: input.amendsCaseId ?? null });
  await insertDossier(t.database.db, { caseId: created.id, purpose: input.purpose ?? 'new', originalCaseId: input.amendsCaseId ?? null, data });
  await cases.transitionCase(applicantCtx, { workflow: REGISTRATION_WORKFLOW, caseId: created.id, action: 'submit' });
  await updateDossier(t.database.db, created.id, { version: 1, submittedAt: new Date() });
  await cases.transitionCase(officerCtx, { workflow: REGISTRATION_WORKFLOW, caseId: created.id, action: 'accept' });
  const action = input.decision === 'certificate' ? 'draft_certificate' : 'draft_refusal';
  const { case: drafted } = await cases.transitionCase(officerCtx, { workflow: REGISTRATION_WORKFLOW, caseId: created.id, action });
  await updateDossier(t.database.db, created.id, {
    decisionKind: input.decision,
    decisionDraftedBy: input.officer.id,
    decisionDraftedAt: new Date(),
    decisionReasons: input.decision === 'refusal' ? (input.reasons ?? 'Hợp đồng thiếu nội dung về giá chuyển giao (khoản 7 Điều 23).') : null,
  });
  return { caseId: created.id, revision: drafted.revision };
}

/** The leader approves through the processing service (which issues in the same transaction). */
export async function approve(t: TestApp, leader: TestUser, drafted: { caseId: string; revision: number }) {
  return approveDecision(ctxFor(t, leader), { id: drafted.caseId, revision: drafted.revision });
}

/** A case with an issued certificate. */
export async function issuedCase(t: TestApp, users: { applicant: TestUser; officer: TestUser; leader: TestUser }, extra: Partial<DraftedCaseInput> = {}) {
  const drafted = await draftedCase(t, { applicant: users.applicant, officer: users.officer, decision: 'certificate', ...extra });
  const state = await approve(t, users.leader, drafted);
  return { caseId: drafted.caseId, revision: state.revision, certificateNumber: state.certificateNumber ?? null };
}
