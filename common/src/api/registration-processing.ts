import { z } from 'zod';
import { AssignedPerson, CaseAssignmentsView, CaseQueueItem } from './cases.js';
import { REGISTRATION_ACTIONS, REGISTRATION_STATUSES, type RegistrationStatus } from './registration-dossier.js';
import { RegistrationDetail } from './registration-filing.js';
import { RiskFlag } from './registration-risk.js';
import { PageQuery, pageOf } from './shared.js';

/**
 * DOST processing of technology transfer registrations (Decree 76/2018 art. 5; Law 07/2017 art. 23, 31): the officer's
 * queue, taking and assigning cases, the completeness decision, the review checklist, drafts and the leader's approval.
 * Every mutating call carries the case's `revision` (a stale one is a 409 CONFLICT).
 */

/** Statuses DOST staff can list (a draft is the applicant's own until it is submitted). */
export const STAFF_VISIBLE_STATUSES = REGISTRATION_STATUSES.filter((s): s is Exclude<RegistrationStatus, 'draft'> => s !== 'draft');
/** What the queue shows by default: cases waiting for DOST, and those waiting for the applicant's supplement. */
export const QUEUE_DEFAULT_STATUSES: readonly RegistrationStatus[] = ['submitted', 'supplement_requested', 'in_review', 'certificate_drafted', 'refusal_drafted'];

export const QUEUE_SCOPES = ['all', 'mine', 'unassigned'] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];
export const QUEUE_SORTS = ['due', 'received', 'reference', 'updated'] as const;

const BoolText = z.enum(['true', 'false']).transform((v) => v === 'true');

export const RegistrationQueueQuery = PageQuery.extend({
  status: z.enum(STAFF_VISIBLE_STATUSES).optional(),
  scope: z.enum(QUEUE_SCOPES).default('all'),
  /** Reference number, applicant, contract or technology name. */
  q: z.string().trim().max(100).optional(),
  /** Only dossiers filed after the registration window (Law art. 31). */
  late: BoolText.optional(),
  /** Only dossiers with at least one risk flag. */
  flagged: BoolText.optional(),
  sort: z.enum(QUEUE_SORTS).default('due'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type RegistrationQueueQuery = z.infer<typeof RegistrationQueueQuery>;
export const RegistrationQueueExportQuery = RegistrationQueueQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type RegistrationQueueExportQuery = z.infer<typeof RegistrationQueueExportQuery>;

export const UserRef = AssignedPerson;
export type UserRef = AssignedPerson;

/** Confidential part of a queue line: only for staff who may see the dossier (assigned officer, leaders). */
export const QueueDossierSummary = z.object({
  purpose: z.enum(['new', 'amendment', 'extension']),
  transferorName: z.string().nullable(),
  transferorCountry: z.string().nullable(),
  technologyName: z.string().nullable(),
  isLate: z.boolean(),
  flagCount: z.number().int(),
  highestSeverity: z.string().nullable(),
});

/** A queue line (case core) with the registration status and, when the caller may see it, the dossier summary. */
export const RegistrationQueueItem = CaseQueueItem.extend({
  status: z.enum(REGISTRATION_STATUSES),
  /** null when the caller may not see the dossier (an officer other than the assigned one). */
  summary: QueueDossierSummary.nullable(),
});
export type RegistrationQueueItem = z.infer<typeof RegistrationQueueItem>;

export const RegistrationQueue = pageOf(RegistrationQueueItem).extend({
  /** DOST officers a leader may assign (empty for officers). */
  officers: z.array(UserRef),
});
export type RegistrationQueue = z.infer<typeof RegistrationQueue>;

// ---- Mutations ------------------------------------------------------------------------------------------------------

export const Revision = z.object({ revision: z.number().int().min(1) });

export const AssignCaseInput = Revision.extend({ userId: z.uuid() });

/** Items the applicant must supply or correct (free text each) and the message to the applicant. */
export const RequestSupplementInput = Revision.extend({
  missingItems: z.array(z.string().trim().min(2).max(150)).min(1).max(15),
  message: z.string().trim().min(5).max(1500),
});
export type RequestSupplementInput = z.infer<typeof RequestSupplementInput>;

/** The contents a technology transfer contract must state (Law 07/2017 art. 23), in the article's order. */
export const ARTICLE_23_ITEMS = [
  'technology_name',
  'objects_products_standards',
  'ownership_or_use',
  'transfer_method',
  'rights_obligations',
  'price_payment',
  'term_effective_date',
  'definitions',
  'plan_schedule_place',
  'warranty',
  'penalties',
  'compensation',
  'governing_law',
  'dispute_resolution',
  'other_terms',
] as const;
export type Article23Item = (typeof ARTICLE_23_ITEMS)[number];
/** Items the article makes optional ("definitions, if any"; "other agreed terms"): "not applicable" is acceptable. */
export const OPTIONAL_ARTICLE_23_ITEMS: readonly Article23Item[] = ['definitions', 'other_terms'];
export const CHECKLIST_ANSWERS = ['present', 'missing', 'not_applicable'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

export const FlagAcknowledgement = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/),
  note: z.string().trim().max(1000).optional(),
});

export const ReviewFields = z.strictObject({
  checklist: z.partialRecord(z.enum(ARTICLE_23_ITEMS), z.enum(CHECKLIST_ANSWERS)),
  flagAcknowledgements: z.array(FlagAcknowledgement).max(30).default([]),
  note: z.string().trim().max(4000).optional(),
});
export type ReviewFields = z.infer<typeof ReviewFields>;

/** The saved review, with who saved it last. */
export const RegistrationReview = ReviewFields.extend({
  updatedBy: UserRef.nullable(),
  updatedAt: z.string().nullable(),
});
export type RegistrationReview = z.infer<typeof RegistrationReview>;

export const SaveReviewInput = Revision.extend(ReviewFields.shape);
export type SaveReviewInput = z.infer<typeof SaveReviewInput>;

export const DraftCertificateInput = Revision.extend({ note: z.string().trim().max(4000).optional() });
export const DraftRefusalInput = Revision.extend({ reasons: z.string().trim().min(5).max(8000) });
export const ReturnDraftInput = Revision.extend({ comment: z.string().trim().min(5).max(4000) });
export const ApproveInput = Revision;

/** A comment is a conversation, not a step of the case (no revision, like the applicant's comments). */
export const StaffCommentInput = z.object({
  visibility: z.enum(['internal', 'applicant']),
  body: z.string().trim().min(1).max(4000),
});

/** Answer of every mutation: the case's new state. */
export const CaseState = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  revision: z.number().int(),
  /** Set by approve: the certificate number or the refusal. */
  certificateNumber: z.string().nullable().optional(),
});
export type CaseState = z.infer<typeof CaseState>;

export const STAFF_ACTIONS = REGISTRATION_ACTIONS.filter((a) =>
  ['accept', 'request_supplement', 'save_review', 'draft_certificate', 'draft_refusal', 'return_draft', 'approve', 'revoke'].includes(a),
);

/** The decision in preparation (or taken): certificate or refusal, who drafted it and why. */
export const DecisionDraft = z.object({
  kind: z.enum(['certificate', 'refusal']),
  reasons: z.string().nullable(),
  draftedBy: UserRef.nullable(),
  draftedAt: z.string().nullable(),
});
export type DecisionDraft = z.infer<typeof DecisionDraft>;

/**
 * What DOST staff handling a case see (assigned officer, leaders): the applicant's view of the dossier (all comments,
 * internal ones included) plus the risk flags with their confidential numbers, the review, the decision draft, the
 * assignments and the staff actions allowed now. Every read is audited (`registration.dossier.view`).
 */
export const StaffRegistrationDetail = RegistrationDetail.extend({
  isLate: z.boolean(),
  riskFlags: z.array(RiskFlag),
  review: RegistrationReview,
  decision: DecisionDraft.nullable(),
  assignments: CaseAssignmentsView,
  /** Staff actions the caller may take now (transition table × role × assignment × four-eyes). */
  staffActions: z.array(z.enum(REGISTRATION_ACTIONS)),
  /** May the caller take the case (an officer; nobody is assigned; the case is open)? */
  canTake: z.boolean(),
  /** May the caller assign the officer (a leader; the case is open)? */
  canAssign: z.boolean(),
});
export type StaffRegistrationDetail = z.infer<typeof StaffRegistrationDetail>;
