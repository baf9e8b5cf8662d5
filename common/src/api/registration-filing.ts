import { z } from 'zod';
import { CaseCommentView, CaseDocumentView, CaseEventView, CASE_QUEUE_SORTS, ClockView } from './cases.js';
import { Citation } from './contract-registration.js';
import {
  DOSSIER_DOCUMENT_KINDS,
  DOSSIER_PURPOSES,
  DOSSIER_STEPS,
  DossierData,
  REGISTRATION_ACTIONS,
  REGISTRATION_STATUSES,
  type DataStep,
} from './registration-dossier.js';
import { IsoDate, PageQuery, pageOf } from './shared.js';

/**
 * The applicant's side of a registration (Law 07/2017 art. 31, 33): create a draft, fill it step by step, attach
 * PDFs, submit, supplement when DOST asks, withdraw, comment, and start an amendment or extension of an issued one.
 * The view schemas (documents, clocks, events, comments, dossier) are shared with the DOST staff view.
 */

/** The steps that hold data (the attachments step is the documents). */
export const DATA_STEPS = ['parties', 'contract', 'technology', 'transfer', 'price', 'equipment'] as const satisfies readonly DataStep[];

export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);
export const RegistrationAction = z.enum(REGISTRATION_ACTIONS);
export const DossierPurpose = z.enum(DOSSIER_PURPOSES);
export const DossierStepName = z.enum(DOSSIER_STEPS);
export const DataStepName = z.enum(DATA_STEPS);
export const DossierDocumentKind = z.enum(DOSSIER_DOCUMENT_KINDS);

/** Optimistic concurrency: the case revision the caller saw (a stale one is a 409 CONFLICT). */
export const Revision = z.number().int().min(1);

/** Client key of a create or submit request: a repeat with the same key returns the first result. */
export const IdempotencyKey = z.string().trim().regex(/^[A-Za-z0-9_-]{8,100}$/);

export const CreateRegistrationInput = z.strictObject({
  purpose: z.literal('new').default('new'),
});
export type CreateRegistrationInput = z.infer<typeof CreateRegistrationInput>;

export const CreateAmendmentInput = z.strictObject({
  purpose: z.enum(['amendment', 'extension']),
});
export type CreateAmendmentInput = z.infer<typeof CreateAmendmentInput>;

export const RegistrationListQuery = PageQuery.extend({
  status: RegistrationStatus.optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(CASE_QUEUE_SORTS).default('updated'),
});
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

// Views of the case core, shared by every module's cases (documents, events, comments, clocks).
export { CaseCommentView, CaseDocumentView, CaseEventView, ClockView } from './cases.js';

/** A cross-field or missing-step problem of the draft (error key under registrationFiling.problems). */
export const DossierProblemView = z.object({
  step: DossierStepName,
  field: z.string(),
  code: z.string(),
});

/** Filing deadline: signing day + registration.filingWindow days (Law art. 31); late filing is allowed, with a warning. */
export const FilingWindowView = z.object({
  signedOn: IsoDate,
  windowDays: z.number().int(),
  dueOn: IsoDate,
  isLate: z.boolean(),
  citation: Citation,
});

/** Summary line of a registration (the applicant's list; also the staff queue's dossier columns). */
export const RegistrationSummary = z.object({
  id: z.uuid(),
  referenceNo: z.string(),
  title: z.string(),
  status: RegistrationStatus,
  purpose: DossierPurpose,
  revision: z.number().int(),
  organisationName: z.string().nullable(),
  contractName: z.string().nullable(),
  transferorName: z.string().nullable(),
  signedOn: IsoDate.nullable(),
  receivedOn: IsoDate.nullable(),
  isLate: z.boolean(),
  isOverdue: z.boolean(),
  clockKind: z.string().nullable(),
  dueOn: IsoDate.nullable(),
  clockPaused: z.boolean(),
  workingDaysLeft: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type RegistrationSummary = z.infer<typeof RegistrationSummary>;
export const RegistrationList = pageOf(RegistrationSummary);
export type RegistrationList = z.infer<typeof RegistrationList>;

/** The full dossier as its filer (or the DOST staff handling it) sees it. */
export const RegistrationDetail = z.object({
  id: z.uuid(),
  referenceNo: z.string(),
  title: z.string(),
  status: RegistrationStatus,
  purpose: DossierPurpose,
  revision: z.number().int(),
  organisationId: z.uuid(),
  organisationName: z.string().nullable(),
  parentCaseId: z.uuid().nullable(),
  originalCaseId: z.uuid().nullable(),
  version: z.number().int(),
  data: DossierData,
  stepsDone: z.array(DossierStepName),
  problems: z.array(DossierProblemView),
  missingDocumentKinds: z.array(DossierDocumentKind),
  requiredDocumentKinds: z.array(DossierDocumentKind),
  filingWindow: FilingWindowView.nullable(),
  authority: z.enum(['MOST', 'DOST', 'UNKNOWN']).nullable(),
  feeVnd: z.number().int().nullable(),
  receivedOn: IsoDate.nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  documents: z.array(CaseDocumentView),
  comments: z.array(CaseCommentView),
  events: z.array(CaseEventView),
  clocks: z.array(ClockView),
  availableActions: z.array(RegistrationAction),
  /** Links to the decision, once there is one (downloads served by the certificates part). */
  certificateUrl: z.string().nullable(),
  refusalUrl: z.string().nullable(),
});
export type RegistrationDetail = z.infer<typeof RegistrationDetail>;

/** Result of a change: the case's new state (the client keeps the revision for its next change). */
export const RegistrationState = z.object({
  id: z.uuid(),
  referenceNo: z.string(),
  status: RegistrationStatus,
  revision: z.number().int(),
});
export type RegistrationState = z.infer<typeof RegistrationState>;

export const SaveStepParams = z.object({ id: z.uuid(), step: DataStepName });
/** The step's data is checked against its schema (DOSSIER_STEP_SCHEMAS) by the service, field by field. */
export const SaveStepInput = z.strictObject({
  revision: Revision,
  data: z.unknown(),
});
export type SaveStepInput = z.infer<typeof SaveStepInput>;

export const RevisionInput = z.strictObject({ revision: Revision });
export type RevisionInput = z.infer<typeof RevisionInput>;

export const WithdrawInput = z.strictObject({
  revision: Revision,
  reason: z.string().trim().max(2000).optional(),
});
export type WithdrawInput = z.infer<typeof WithdrawInput>;

/** Answer to DOST's request: changed data (whole steps) and a note; new documents are uploaded before. */
export const SupplementInput = z.strictObject({
  revision: Revision,
  data: DossierData.optional(),
  note: z.string().trim().min(1).max(4000).optional(),
});
export type SupplementInput = z.infer<typeof SupplementInput>;

export const ApplicantCommentInput = z.strictObject({
  body: z.string().trim().min(1).max(4000),
});
export type ApplicantCommentInput = z.infer<typeof ApplicantCommentInput>;

export const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
/** DELETE carries the case revision in the query string (`?revision=7`). */
export const DocumentRemoveQuery = z.object({ revision: z.coerce.number().int().min(1) });

/** Multipart upload fields (the file part is named `file`). */
export const DocumentUploadFields = z.object({
  kind: DossierDocumentKind,
  revision: z.coerce.number().int().min(1),
  note: z.string().trim().max(500).optional(),
});
export type DocumentUploadFields = z.infer<typeof DocumentUploadFields>;

export const UploadedDocument = z.object({
  document: CaseDocumentView,
  revision: z.number().int(),
});
