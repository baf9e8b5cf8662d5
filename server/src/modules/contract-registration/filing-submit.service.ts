import type { DossierData } from '../../../../common/src/api/registration-dossier.js';
import type { RegistrationState, SupplementInput } from '../../../../common/src/api/registration-filing.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { getCase, listClocks, listDocuments, nextStatus, startClock, stopClock, transitionCase, type CaseRow } from '../cases/index.js';
import { ruleNumber } from '../legal-rules/index.js';
import { asComplete, submissionFacts } from './dossier.facts.js';
import * as dq from './dossier.queries.js';
import type { DossierRow } from './dossier.tables.js';
import { dossierProgress } from './dossier.view.js';
import { applicantCase, assertRevision, notifyDost, stateOf } from './filing.common.js';
import { REGISTRATION_WORKFLOW, type RegistrationStatus } from './registration.workflow.js';

const COMPLETENESS_RULE = 'registration.completenessCheck';

/** REGISTRATION_INCOMPLETE with every problem (steps, cross-field rules, missing documents) unless complete. */
async function assertComplete(ctx: Ctx, caseId: string, data: DossierData): Promise<string[]> {
  const documents = await listDocuments(ctx.db, { caseId });
  const progress = dossierProgress(data, documents.map((document) => document.kind));
  if (progress.problems.length > 0) throw new AppError('REGISTRATION_INCOMPLETE', { problems: progress.problems, missingDocumentKinds: progress.missingDocumentKinds });
  return documents.map((document) => document.id);
}

/** The authority that registered the case an amendment amends (Law art. 33: file with the same authority). */
async function parentAuthority(ctx: Ctx, row: CaseRow, dossier: DossierRow) {
  if (dossier.purpose === 'new' || !row.parentCaseId) return null;
  return (await dq.findDossier(ctx.db, row.parentCaseId))?.authority ?? null;
}

/**
 * Stores what the submission fixes and snapshots the version, then starts a new completeness clock
 * (registration.completenessCheck working days from `today`, Decree 76/2018 art. 5). An open completeness clock
 * left from an earlier round is stopped first.
 */
async function recordSubmission(ctx: Ctx, input: { row: CaseRow; dossier: DossierRow; data: DossierData; documentIds: string[]; filedOn: string; today: string; idempotencyKey: string | null }) {
  const { row, dossier } = input;
  const facts = await submissionFacts(ctx, { caseId: row.id, data: asComplete(input.data), purpose: dossier.purpose, today: input.filedOn, originalAuthority: await parentAuthority(ctx, row, dossier) });
  const version = dossier.version + 1;
  await dq.updateDossier(ctx.db, row.id, {
    ...facts.patch,
    data: input.data,
    version,
    ...(dossier.submittedAt ? {} : { submittedAt: new Date(), submitIdempotencyKey: input.idempotencyKey }),
  });
  await dq.insertDossierVersion(ctx.db, { caseId: row.id, version, data: input.data, documentIds: input.documentIds, submittedBy: requireUser(ctx.actor).userId });
  const open = (await listClocks(ctx.db, row.id)).find((clock) => clock.kind === 'completeness' && clock.stoppedOn === null);
  if (open) await stopClock(ctx, { caseId: row.id, kind: 'completeness', on: input.today, cancelled: true });
  const workingDays = await ruleNumber(ctx, COMPLETENESS_RULE, input.today);
  await startClock(ctx, { caseId: row.id, kind: 'completeness', ruleKey: COMPLETENESS_RULE, workingDays, startOn: input.today });
  return { version, isLate: facts.isLate, authority: facts.patch.authority ?? null };
}

/**
 * The filer submits the dossier (Law 07/2017 art. 31(3); Decree 76/2018 art. 5), in one transaction: every step
 * valid and every required document attached (else REGISTRATION_INCOMPLETE with the list), the copied columns, the
 * filing deadline (late filing is allowed and marked), authority, fee and risk flags, the version snapshot, the
 * received day, the completeness clock, and a notice to DOST. A repeat with the same idempotency key answers with
 * the case as it is, changing nothing. Permission: registration.file (own organisation). Audit: case.submit,
 * registration.submit.
 */
export async function submitRegistration(ctx: Ctx, input: { caseId: string; revision: number; idempotencyKey?: string | undefined }): Promise<RegistrationState> {
  assertCan(ctx.actor, 'registration.file');
  return inTransaction(ctx, async (tx) => {
    const row = await applicantCase(tx, input.caseId, { forUpdate: true });
    const dossier = (await dq.lockDossier(tx.db, row.id))!;
    if (input.idempotencyKey && dossier.submitIdempotencyKey === input.idempotencyKey) return stateOf(row);
    assertRevision(row, input.revision);
    nextStatus(REGISTRATION_WORKFLOW, row.status as RegistrationStatus, 'submit');
    const documentIds = await assertComplete(tx, row.id, dossier.data);
    const today = vietnamToday();
    const facts = await recordSubmission(tx, { row, dossier, data: dossier.data, documentIds, filedOn: today, today, idempotencyKey: input.idempotencyKey ?? null });
    const { case: submitted } = await transitionCase(tx, {
      workflow: REGISTRATION_WORKFLOW,
      caseId: row.id,
      action: 'submit',
      expectedRevision: input.revision,
      patch: { receivedOn: today },
      details: { version: facts.version, isLate: facts.isLate },
      onDay: today,
    });
    await recordAudit(tx, {
      action: 'registration.submit',
      objectType: 'case',
      objectId: row.id,
      organisationId: row.organisationId,
      summary: { referenceNo: row.referenceNo, version: facts.version, isLate: facts.isLate, authority: facts.authority, documents: documentIds.length },
    });
    await notifyDost(tx, submitted, 'registration.submitted', { email: true });
    return stateOf(await getCase(tx, row.id));
  });
}

/**
 * The filer answers DOST's request for a supplement (Decree 76/2018 art. 5): changed steps (each replaced whole)
 * and new documents uploaded before, a new version snapshot, a new completeness clock from today; the decision clock
 * stays paused until DOST accepts again. The filing deadline and flags are computed for the first filing day.
 * Permission: registration.file (own organisation). Audit: case.supplement, registration.supplement.
 */
export async function supplementRegistration(ctx: Ctx, input: SupplementInput & { caseId: string }): Promise<RegistrationState> {
  assertCan(ctx.actor, 'registration.file');
  return inTransaction(ctx, async (tx) => {
    const row = await applicantCase(tx, input.caseId, { forUpdate: true });
    assertRevision(row, input.revision);
    nextStatus(REGISTRATION_WORKFLOW, row.status as RegistrationStatus, 'supplement');
    const dossier = (await dq.lockDossier(tx.db, row.id))!;
    const data: DossierData = { ...dossier.data, ...input.data };
    const documentIds = await assertComplete(tx, row.id, data);
    const today = vietnamToday();
    const filedOn = dossier.submittedAt ? vietnamToday(dossier.submittedAt) : today;
    const facts = await recordSubmission(tx, { row, dossier, data, documentIds, filedOn, today, idempotencyKey: null });
    const { case: updated } = await transitionCase(tx, {
      workflow: REGISTRATION_WORKFLOW,
      caseId: row.id,
      action: 'supplement',
      expectedRevision: input.revision,
      note: input.note ?? null,
      details: { version: facts.version, changedSteps: Object.keys(input.data ?? {}) },
      onDay: today,
    });
    await recordAudit(tx, {
      action: 'registration.supplement',
      objectType: 'case',
      objectId: row.id,
      organisationId: row.organisationId,
      summary: { referenceNo: row.referenceNo, version: facts.version, changedSteps: Object.keys(input.data ?? {}), documents: documentIds.length },
    });
    await notifyDost(tx, updated, 'registration.supplemented', { email: true });
    return stateOf(await getCase(tx, row.id));
  });
}
