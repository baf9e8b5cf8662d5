import {
  DOSSIER_STEP_SCHEMAS,
  REGISTRATION_STATUSES,
  stepProblems,
  type DataStep,
  type DossierPurpose,
  type RegistrationAction,
} from '../../../../common/src/api/registration-dossier.js';
import type {
  CreateAmendmentInput,
  RegistrationDetail,
  RegistrationList,
  RegistrationListQuery,
  RegistrationState,
  WithdrawInput,
} from '../../../../common/src/api/registration-filing.js';
import type { CaseCommentView } from '../../../../common/src/api/cases.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, can } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { addComment, availableActions, caseQueue, createCase, recordCaseEvent, transitionCase } from '../cases/index.js';
import * as dq from './dossier.queries.js';
import { dossierDetail, toRegistrationSummary } from './dossier.view.js';
import { applicantCase, assertEditable, assertRevision, notifyDost, problemsError, schemaError, stateOf } from './filing.common.js';
import { filingGrant, filingOrganisationIds } from './registration.policy.js';
import { REGISTRATION_WORKFLOW } from './registration.workflow.js';

const TITLE_MAX = 300;

/**
 * The filing organisation opens a draft registration dossier (Law 07/2017 art. 31: the Vietnamese party files).
 * A repeat with the same idempotency key returns the draft made the first time. Permission: registration.file (for
 * the caller's own organisation). Audit: case.create.
 */
export async function createRegistration(ctx: Ctx, input: { idempotencyKey?: string | undefined }): Promise<RegistrationState & { created: boolean }> {
  assertCan(ctx.actor, 'registration.file');
  const grant = filingGrant(ctx.actor);
  if (!grant) throw new AppError('FORBIDDEN');
  return inTransaction(ctx, async (tx) => {
    const { case: row, created } = await createCase(tx, {
      workflow: REGISTRATION_WORKFLOW,
      organisationId: grant.organisationId!,
      title: translate('vi', 'registrationFiling.defaultTitle'),
      idempotencyKey: input.idempotencyKey,
      details: { purpose: 'new' },
    });
    if (!created && row.parentCaseId !== null) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (created) await dq.insertDossier(tx.db, { caseId: row.id, purpose: 'new', originalCaseId: null, data: {} });
    return { ...stateOf(row), created };
  });
}

/** The case title: the contract's name, after "Gia hạn" / "Sửa đổi, bổ sung" for an amendment or extension. */
function titleOf(purpose: DossierPurpose, contractName: string): string {
  const title = purpose === 'new' ? contractName : `${translate('vi', `registrationFiling.purposeTitle.${purpose}`)}: ${contractName}`;
  return title.slice(0, TITLE_MAX);
}

/**
 * The applicant saves one step of the dossier form: the step's schema, then its cross-field rules (`stepProblems`),
 * each failure a translated field error with nothing saved. In a draft (or while supplementing) only. The contract
 * step's name becomes the case title. Permission: registration.file (own organisation). Audit: case.save_draft.
 */
export async function saveDossierStep(ctx: Ctx, input: { caseId: string; step: DataStep; revision: number; data: unknown }): Promise<RegistrationState> {
  assertCan(ctx.actor, 'registration.file');
  return inTransaction(ctx, async (tx) => {
    const row = await applicantCase(tx, input.caseId, { forUpdate: true });
    assertRevision(row, input.revision);
    assertEditable(row, 'save_draft');
    const parsed = DOSSIER_STEP_SCHEMAS[input.step].safeParse(input.data);
    if (!parsed.success) throw schemaError(tx, parsed.error.issues, input.data ?? {});
    const dossier = (await dq.lockDossier(tx.db, row.id))!;
    const data = { ...dossier.data, [input.step]: parsed.data };
    const problems = stepProblems(data).filter((problem) => problem.step === input.step);
    if (problems.length > 0) throw problemsError(tx, problems);
    await dq.updateDossier(tx.db, row.id, { data });
    const contractName = input.step === 'contract' ? titleOf(dossier.purpose, (parsed.data as { name: string }).name) : undefined;
    const step = {
      caseId: row.id,
      expectedRevision: input.revision,
      details: { step: input.step },
      auditSummary: { step: input.step },
      ...(contractName ? { patch: { title: contractName } } : {}),
    };
    // While supplementing, the status stays supplement_requested: the step is an event, not a transition.
    const result = row.status === 'draft' ? await transitionCase(tx, { ...step, workflow: REGISTRATION_WORKFLOW, action: 'save_draft' }) : await recordCaseEvent(tx, { ...step, action: 'save_draft' });
    return stateOf(result.case);
  });
}

/**
 * The caller's organisations' registrations, a page at a time (status filter, search, sort). Permission:
 * registration.file; the query is limited to the caller's organisations in SQL. No audit (no confidential detail).
 */
export async function listRegistrations(ctx: Ctx, input: RegistrationListQuery): Promise<RegistrationList> {
  assertCan(ctx.actor, 'registration.file');
  const organisationIds = filingOrganisationIds(ctx.actor);
  const { items, total } = await caseQueue(ctx, {
    kind: REGISTRATION_WORKFLOW.kind,
    statuses: input.status ? [input.status] : REGISTRATION_STATUSES,
    organisationIds,
    search: input.search,
    sort: input.sort,
    order: input.order,
    page: input.page,
    pageSize: input.pageSize,
    today: vietnamToday(),
  });
  const dossiers = await dq.findDossiers(ctx.db, items.map((item) => item.id));
  return { items: items.map((item) => toRegistrationSummary(item, dossiers.get(item.id))), total, page: input.page, pageSize: input.pageSize };
}

/** The actions of the transition table an applicant may take now (their permission: registration.file). */
function applicantActions(ctx: Ctx, status: string): RegistrationAction[] {
  return availableActions(REGISTRATION_WORKFLOW, status as never, (permission) => permission === 'registration.file' && can(ctx.actor, permission));
}

/**
 * One registration as its filer sees it: data, progress, documents, comments to and from DOST (not internal ones),
 * the timeline, clocks, the actions allowed now and the decision's download links. Permission: registration.file
 * (own organisation; another's is NOT_FOUND). Audit: registration.dossier.view (confidential detail).
 */
export async function getRegistration(ctx: Ctx, input: { caseId: string }): Promise<RegistrationDetail> {
  assertCan(ctx.actor, 'registration.file');
  const row = await applicantCase(ctx, input.caseId);
  const base = `/api/v1/registrations/${row.id}`;
  const detail = await dossierDetail(ctx, row, {
    includeInternalComments: false,
    availableActions: applicantActions(ctx, row.status),
    certificateUrl: row.status === 'issued' || row.status === 'revoked' ? `${base}/certificate.pdf` : null,
    refusalUrl: row.status === 'refused' ? `${base}/refusal.pdf` : null,
  });
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, { action: 'registration.dossier.view', objectType: 'case', objectId: row.id, organisationId: row.organisationId, summary: { referenceNo: row.referenceNo, audience: 'applicant' } }),
  );
  return detail;
}

/**
 * The filer withdraws the dossier (before a decision is drafted); open clocks stop as cancelled and DOST is told.
 * Permission: registration.file (own organisation). Audit: case.withdraw.
 */
export async function withdrawRegistration(ctx: Ctx, input: WithdrawInput & { caseId: string }): Promise<RegistrationState> {
  assertCan(ctx.actor, 'registration.file');
  return inTransaction(ctx, async (tx) => {
    const row = await applicantCase(tx, input.caseId, { forUpdate: true });
    const { case: updated } = await transitionCase(tx, {
      workflow: REGISTRATION_WORKFLOW,
      caseId: row.id,
      action: 'withdraw',
      expectedRevision: input.revision,
      note: input.reason || null,
      closes: true,
    });
    if (row.status !== 'draft') await notifyDost(tx, updated, 'registration.withdrawn');
    return stateOf(updated);
  });
}

/**
 * The filer writes to DOST about the dossier (visible to the filer and the staff handling it); the assigned officer
 * (or the leaders) are told once the dossier was received. Permission: registration.file (own organisation).
 * Audit: case.comment_added.
 */
export async function commentOnRegistration(ctx: Ctx, input: { caseId: string; body: string }): Promise<CaseCommentView> {
  assertCan(ctx.actor, 'registration.file');
  return inTransaction(ctx, async (tx) => {
    const row = await applicantCase(tx, input.caseId);
    if (row.status === 'draft' || row.status === 'withdrawn') throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'comment' });
    const comment = await addComment(tx, { caseId: row.id, visibility: 'applicant', body: input.body });
    await notifyDost(tx, row, 'registration.applicant_comment');
    return comment;
  });
}

/**
 * The filer starts an amendment or extension of an issued registration (Law 07/2017 art. 33; Circular 02/2018): a
 * new draft linked to it (parent case; original = the first registration of the chain), prefilled with its data,
 * filed at the authority that issued it. Permission: registration.file (same organisation). Audit: case.create.
 */
export async function createAmendment(ctx: Ctx, input: CreateAmendmentInput & { caseId: string; idempotencyKey?: string | undefined }): Promise<RegistrationState & { created: boolean }> {
  assertCan(ctx.actor, 'registration.file');
  return inTransaction(ctx, async (tx) => {
    const parent = await applicantCase(tx, input.caseId);
    if (parent.status !== 'issued') throw new AppError('INVALID_TRANSITION', { from: parent.status, action: input.purpose });
    const parentDossier = (await dq.findDossier(tx.db, parent.id))!;
    const { case: row, created } = await createCase(tx, {
      workflow: REGISTRATION_WORKFLOW,
      organisationId: parent.organisationId,
      title: titleOf(input.purpose, parentDossier.contractName ?? parent.title),
      parentCaseId: parent.id,
      idempotencyKey: input.idempotencyKey,
      details: { purpose: input.purpose, parentReferenceNo: parent.referenceNo },
    });
    // The key answers only the same request again: the same registration amended for the same purpose.
    if (!created && (row.parentCaseId !== parent.id || (await dq.findDossier(tx.db, row.id))?.purpose !== input.purpose)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (created) {
      const originalCaseId = parentDossier.originalCaseId ?? parent.id;
      await dq.insertDossier(tx.db, { caseId: row.id, purpose: input.purpose, originalCaseId, data: parentDossier.data });
    }
    return { ...stateOf(row), created };
  });
}
