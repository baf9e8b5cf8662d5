import type { z } from 'zod';
import type { CaseQueueItem } from '../../../../common/src/api/cases.js';
import type { DossierProblemView, RegistrationDetail, RegistrationSummary } from '../../../../common/src/api/registration-filing.js';
import { DATA_STEPS } from '../../../../common/src/api/registration-filing.js';
import {
  DOSSIER_STEP_SCHEMAS,
  requiredDocumentKinds,
  stepProblems,
  type DossierData,
  type DossierDocumentKind,
  type DossierStep,
  type RegistrationAction,
  type RegistrationStatus,
} from '../../../../common/src/api/registration-dossier.js';
import { addDays } from '../../../../common/src/dates.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { clockView, listCaseEvents, listClocks, listComments, listDocuments, type CaseRow } from '../cases/index.js';
import { getOrganisationName } from '../organisations/index.js';
import * as dq from './dossier.queries.js';
import type { DossierRow } from './dossier.tables.js';
import { rule, ruleNumber } from '../legal-rules/index.js';

/**
 * Views of a registration shared by the applicant's side (filing) and the DOST staff side (processing): the
 * dossier's progress, a summary line, and the whole detail. No permission check and no audit here: callers check
 * who may see what (registration.policy) and audit confidential reads.
 */

export interface DossierProgress {
  /** Steps whose data is valid (schema and cross-field rules); "attachments" once every required document is there. */
  stepsDone: DossierStep[];
  /** What stops submission: missing or invalid steps, cross-field problems, missing documents. */
  problems: z.infer<typeof DossierProblemView>[];
  requiredDocumentKinds: DossierDocumentKind[];
  missingDocumentKinds: DossierDocumentKind[];
}

/**
 * How far a dossier is (pure): per step, whether its data passes the step schema and the cross-field rules
 * (`stepProblems`), and which required documents (`requiredDocumentKinds`, Law art. 31(3)) are not attached.
 */
export function dossierProgress(data: DossierData, attachedKinds: readonly string[]): DossierProgress {
  const problems: DossierProgress['problems'] = [];
  const cross = stepProblems(data);
  const stepsDone: DossierStep[] = [];
  for (const step of DATA_STEPS) {
    const value = data[step];
    if (value === undefined) {
      problems.push({ step, field: '', code: 'step_missing' });
      continue;
    }
    const parsed = DOSSIER_STEP_SCHEMAS[step].safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ step, field: issue.path.join('.'), code: 'invalid' });
      continue;
    }
    const own = cross.filter((problem) => problem.step === step);
    problems.push(...own);
    if (own.length === 0) stepsDone.push(step);
  }
  const required = requiredDocumentKinds(data);
  const missing = required.filter((kind) => !attachedKinds.includes(kind));
  for (const kind of missing) problems.push({ step: 'attachments', field: kind, code: 'document_missing' });
  if (missing.length === 0) stepsDone.push('attachments');
  return { stepsDone, problems, requiredDocumentKinds: required, missingDocumentKinds: missing };
}

/** One summary line: the queue line of the case core plus the dossier's columns (or its draft data). */
export function toRegistrationSummary(item: CaseQueueItem, dossier: DossierRow | undefined): RegistrationSummary {
  const data = dossier?.data ?? {};
  return {
    id: item.id,
    referenceNo: item.referenceNo,
    title: item.title,
    status: item.status as RegistrationStatus,
    purpose: dossier?.purpose ?? 'new',
    revision: item.revision,
    organisationName: item.organisationName,
    contractName: dossier?.contractName ?? data.contract?.name ?? null,
    transferorName: dossier?.transferorName ?? data.parties?.transferor.name ?? null,
    signedOn: dossier?.signedOn ?? data.contract?.signedOn ?? null,
    receivedOn: item.receivedOn,
    isLate: dossier?.isLate ?? false,
    isOverdue: item.isOverdue,
    clockKind: item.clockKind,
    dueOn: item.dueOn,
    clockPaused: item.isClockPaused,
    workingDaysLeft: item.workingDaysLeft,
    updatedAt: item.updatedAt,
  };
}

/** The filing window of the dossier: as fixed at submission, or as it would be if filed today. */
async function filingWindowOf(ctx: Ctx, dossier: DossierRow, today: string): Promise<RegistrationDetail['filingWindow']> {
  const signedOn = dossier.signedOn ?? dossier.data.contract?.signedOn;
  if (!signedOn) return null;
  const filedOn = dossier.submittedAt ? vietnamToday(dossier.submittedAt) : today;
  const found = await rule(ctx, 'registration.filingWindow', filedOn);
  const windowDays = await ruleNumber(ctx, 'registration.filingWindow', filedOn);
  const dueOn = dossier.filingDueOn ?? addDays(signedOn, windowDays);
  return {
    signedOn,
    windowDays,
    dueOn,
    isLate: dossier.submittedAt ? dossier.isLate : today > dueOn,
    citation: { ...found.citation, verified: found.verified, sourceUrl: found.sourceUrl },
  };
}

export interface DetailOptions {
  /** Staff handling the case also see internal comments. */
  includeInternalComments: boolean;
  /** The actions the caller may take now (the caller's policy decides). */
  availableActions: RegistrationAction[];
  /** Links to the issued decision, when there is one (certificates part). */
  certificateUrl?: string | null;
  refusalUrl?: string | null;
}

/** The whole registration: case, dossier, progress, filing window, documents, comments, events, clocks. */
export async function dossierDetail(ctx: Ctx, row: CaseRow, options: DetailOptions): Promise<RegistrationDetail> {
  const dossier = await dq.findDossier(ctx.db, row.id);
  if (!dossier) throw new AppError('NOT_FOUND');
  const today = vietnamToday();
  const [documents, comments, events, clocks, organisationName] = await Promise.all([
    listDocuments(ctx.db, { caseId: row.id }),
    listComments(ctx.db, { caseId: row.id, includeInternal: options.includeInternalComments }),
    listCaseEvents(ctx.db, row.id),
    listClocks(ctx.db, row.id),
    getOrganisationName(ctx.db, row.organisationId),
  ]);
  const progress = dossierProgress(dossier.data, documents.map((d) => d.kind));
  return {
    id: row.id,
    referenceNo: row.referenceNo,
    title: row.title,
    status: row.status as RegistrationStatus,
    purpose: dossier.purpose,
    revision: row.revision,
    organisationId: row.organisationId,
    organisationName,
    parentCaseId: row.parentCaseId,
    originalCaseId: dossier.originalCaseId,
    version: dossier.version,
    data: dossier.data,
    ...progress,
    filingWindow: await filingWindowOf(ctx, dossier, today),
    authority: dossier.authority,
    feeVnd: dossier.feeVnd,
    receivedOn: row.receivedOn,
    submittedAt: dossier.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    documents,
    comments,
    events,
    clocks: await Promise.all(clocks.map((clock) => clockView(ctx, clock, today))),
    availableActions: options.availableActions,
    certificateUrl: options.certificateUrl ?? null,
    refusalUrl: options.refusalUrl ?? null,
  };
}
