import type { z } from 'zod';
import type {
  CaseClockView,
  CaseCommentView,
  CaseDocumentView,
  CaseEventView,
  DossierProblemView,
  RegistrationSummary,
} from '../../../../common/src/api/registration-filing.js';
import { DATA_STEPS } from '../../../../common/src/api/registration-filing.js';
import {
  DOSSIER_STEP_SCHEMAS,
  requiredDocumentKinds,
  stepProblems,
  type DossierData,
  type DossierDocumentKind,
  type DossierStep,
} from '../../../../common/src/api/registration-dossier.js';
import type { DossierRow } from './dossier.tables.js';

/**
 * Pure mappers from rows to the API views of a registration, shared by the applicant's view (filing) and the DOST
 * staff view (processing). No database, no permission check: callers have checked who may see what.
 */

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : value);
const isoOrNull = (value: Date | string | null | undefined): string | null => (value == null ? null : iso(value));

/** A case document as listed by the case core (file facts joined). */
export interface DocumentLike {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date | string;
  removedAt: Date | string | null;
  note: string | null;
}

export function toDocumentView(row: DocumentLike): CaseDocumentView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: iso(row.uploadedAt),
    removedAt: isoOrNull(row.removedAt),
    note: row.note,
  };
}

export interface EventLike {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  actorName: string | null;
  onDay: string;
  createdAt: Date | string;
}

export function toEventView(row: EventLike): CaseEventView {
  return { action: row.action, fromStatus: row.fromStatus, toStatus: row.toStatus, note: row.note, actorName: row.actorName, onDay: row.onDay, createdAt: iso(row.createdAt) };
}

export interface CommentLike {
  id: string;
  visibility: 'internal' | 'applicant';
  body: string;
  authorName: string;
  createdAt: Date | string;
}

export function toCommentView(row: CommentLike): CaseCommentView {
  return { id: row.id, visibility: row.visibility, body: row.body, authorName: row.authorName, createdAt: iso(row.createdAt) };
}

/** The case core's clockView result, narrowed to the API shape. */
export function toClockView(view: CaseClockView): CaseClockView {
  return {
    kind: view.kind,
    ruleKey: view.ruleKey,
    workingDays: view.workingDays,
    startedOn: view.startedOn,
    dueOn: view.dueOn,
    workingDaysLeft: view.workingDaysLeft,
    isOverdue: view.isOverdue,
    isPaused: view.isPaused,
    usedWorkingDays: view.usedWorkingDays,
    stoppedOn: view.stoppedOn,
    outcome: view.outcome,
  };
}

export interface DossierProgress {
  /** Steps whose data is valid (schema and cross-field rules); "attachments" once every required document is there. */
  stepsDone: DossierStep[];
  /** What stops submission: missing or invalid steps, cross-field problems, missing documents. */
  problems: z.infer<typeof DossierProblemView>[];
  requiredDocumentKinds: DossierDocumentKind[];
  missingDocumentKinds: DossierDocumentKind[];
}

/**
 * How far a dossier is: per step, whether its data passes the step schema and the cross-field rules
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

/** A case row as the case core returns it (the fields the views use). */
export interface CaseLike {
  id: string;
  referenceNo: string;
  title: string;
  status: string;
  revision: number;
  organisationId: string;
  parentCaseId: string | null;
  receivedOn: string | null;
  currentClockKind: string | null;
  currentDueOn: string | null;
  clockPaused: boolean;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** One summary line: the case, its dossier's copied columns (or the draft data), the current clock. */
export function toRegistrationSummary(
  row: CaseLike,
  dossier: Pick<DossierRow, 'purpose' | 'data' | 'contractName' | 'transferorName' | 'signedOn' | 'isLate'> | undefined,
  extra: { organisationName: string | null; workingDaysLeft: number | null },
): RegistrationSummary {
  const data = dossier?.data ?? {};
  return {
    id: row.id,
    referenceNo: row.referenceNo,
    title: row.title,
    status: row.status as RegistrationSummary['status'],
    purpose: dossier?.purpose ?? 'new',
    revision: row.revision,
    organisationName: extra.organisationName,
    contractName: dossier?.contractName ?? data.contract?.name ?? null,
    transferorName: dossier?.transferorName ?? data.parties?.transferor.name ?? null,
    signedOn: dossier?.signedOn ?? data.contract?.signedOn ?? null,
    receivedOn: row.receivedOn,
    isLate: dossier?.isLate ?? false,
    clockKind: row.currentClockKind,
    dueOn: row.currentDueOn,
    clockPaused: row.clockPaused,
    workingDaysLeft: extra.workingDaysLeft,
    updatedAt: iso(row.updatedAt),
  };
}
