import { z } from 'zod';
import { ListingContent, ListingKind, ListingStatus, NationalListStatus, RevisionStatus, Visibility, CatalogItemCode } from './exchange-listings.js';
import { PageQuery, Uuid, pageOf } from './shared.js';

/**
 * Writing and reviewing exchange listings (issue 4 §1 and §3): the owner's drafts, submission, renewal and withdrawal;
 * the DOST review queue and decision with its checklist; reports of published listings and their handling.
 */

const Lock = { lockVersion: z.number().int().min(0) };
const ExportFormat = z.enum(['csv', 'xlsx']).default('csv');

export const CreateListingInput = z.object({
  /** The owning organisation, one of the caller's (omitted: the caller's only one, or the caller in person). */
  organisationId: Uuid.nullable().optional(),
  visibility: Visibility.default('public'),
  content: ListingContent,
});
export type CreateListingInput = z.infer<typeof CreateListingInput>;

export const UpdateListingInput = z.object({ ...Lock, visibility: Visibility, content: ListingContent });
export type UpdateListingInput = z.infer<typeof UpdateListingInput>;

export const LockInput = z.object(Lock);
export type LockInput = z.infer<typeof LockInput>;

export const WithdrawListingInput = z.object({ ...Lock, reason: z.string().trim().max(2000).optional() });
export type WithdrawListingInput = z.infer<typeof WithdrawListingInput>;

/** The reference-data classifier's suggestion stored on a revision at submission (advice; the officer confirms). */
export const ClassificationSuggestion = z.object({
  at: z.string(),
  catalogItems: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), score: z.number() })),
  listItems: z.array(z.object({ id: z.string(), listType: z.string(), nameVi: z.string(), nameEn: z.string(), citationVi: z.string(), citationEn: z.string(), score: z.number() })),
  warning: z.enum(['restricted', 'prohibited']).nullable(),
  suggestedListStatus: NationalListStatus,
});
export type ClassificationSuggestion = z.infer<typeof ClassificationSuggestion>;

/**
 * A stored revision's content in responses: it was validated with ListingContent on write; ListingContent itself has
 * parse-time transforms (empty languages dropped) that a response serializer cannot run backwards.
 */
export const StoredListingContent = z.custom<ListingContent>((value) => typeof value === 'object' && value !== null && 'kind' in value).meta({ description: 'ListingContent of the revision (exchange-listings.ts)' });

export const RevisionView = z.object({
  id: Uuid,
  number: z.number().int(),
  status: RevisionStatus,
  visibility: Visibility,
  content: StoredListingContent,
  classification: ClassificationSuggestion.nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewChecklist: z.record(z.string(), z.boolean()).nullable(),
  confirmedCatalogItemCodes: z.array(z.string()).nullable(),
  confirmedListStatus: NationalListStatus.nullable(),
});
export type RevisionView = z.infer<typeof RevisionView>;

export const ListingEventView = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  revisionNumber: z.number().int().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export type ListingEventView = z.infer<typeof ListingEventView>;

export const OWNER_ACTIONS = ['edit', 'submit', 'discard', 'renew', 'withdraw'] as const;
export const OwnerAction = z.enum(OWNER_ACTIONS);
export type OwnerAction = z.infer<typeof OwnerAction>;

export const OwnListingSummary = z.object({
  id: Uuid,
  reference: z.string(),
  kind: ListingKind,
  status: ListingStatus,
  visibility: Visibility,
  title: z.object({ vi: z.string().optional(), en: z.string().optional() }),
  organisationName: z.string().nullable(),
  workingRevisionStatus: RevisionStatus.nullable(),
  validUntil: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type OwnListingSummary = z.infer<typeof OwnListingSummary>;

export const OwnListingDetail = OwnListingSummary.extend({
  lockVersion: z.number().int(),
  organisationId: Uuid.nullable(),
  working: RevisionView.nullable(),
  published: RevisionView.nullable(),
  availableActions: z.array(OwnerAction),
  renewableFrom: z.string().nullable(),
  events: z.array(ListingEventView),
});
export type OwnListingDetail = z.infer<typeof OwnListingDetail>;

export const OWN_LISTING_SORTS = ['updated', 'reference', 'valid_until'] as const;
export const OwnListingQuery = PageQuery.extend({
  kind: ListingKind.optional(),
  status: ListingStatus.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(OWN_LISTING_SORTS).default('updated'),
});
export type OwnListingQuery = z.infer<typeof OwnListingQuery>;
export const OwnListingPage = pageOf(OwnListingSummary);
export type OwnListingPage = z.infer<typeof OwnListingPage>;

/** The four checks of a review (issue 4 §3); all must be ticked to publish. */
export const REVIEW_CHECKS = ['complete', 'notProhibited', 'notAdvertising', 'contactPolicy'] as const;
export const ReviewChecklist = z.object({ complete: z.boolean(), notProhibited: z.boolean(), notAdvertising: z.boolean(), contactPolicy: z.boolean() });
export type ReviewChecklist = z.infer<typeof ReviewChecklist>;

export const REVIEW_DECISIONS = ['publish', 'return', 'reject'] as const;
export const ReviewDecision = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ReviewDecisionInput = z
  .object({
    ...Lock,
    decision: ReviewDecision,
    checklist: ReviewChecklist,
    /** Comments for the owner (return) or the reason (reject); optional when publishing. */
    comment: z.string().trim().max(4000).optional(),
    catalogItemCodes: z.array(CatalogItemCode).max(10).optional(),
    nationalListStatus: NationalListStatus.optional(),
  })
  .refine((input) => input.decision === 'publish' || (input.comment?.length ?? 0) >= 5, { message: 'comment_required', path: ['comment'] });
export type ReviewDecisionInput = z.infer<typeof ReviewDecisionInput>;

export const REVIEW_QUEUE_SORTS = ['submitted', 'reference'] as const;
export const ReviewQueueQuery = PageQuery.extend({
  kind: ListingKind.optional(),
  /** new: a listing never published; edit: a change of a published listing. */
  type: z.enum(['new', 'edit']).optional(),
  /** Only submissions waiting at least this many days. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(REVIEW_QUEUE_SORTS).default('submitted'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;
export const ReviewQueueExportQuery = ReviewQueueQuery.omit({ page: true, pageSize: true }).extend({ format: ExportFormat });
export type ReviewQueueExportQuery = z.infer<typeof ReviewQueueExportQuery>;

export const ReviewQueueItem = z.object({
  listingId: Uuid,
  revisionId: Uuid,
  reference: z.string(),
  kind: ListingKind,
  type: z.enum(['new', 'edit']),
  title: z.object({ vi: z.string().optional(), en: z.string().optional() }),
  organisationName: z.string().nullable(),
  submittedAt: z.string(),
  ageDays: z.number().int(),
  warning: z.enum(['restricted', 'prohibited']).nullable(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;
export const ReviewQueuePage = pageOf(ReviewQueueItem);
export type ReviewQueuePage = z.infer<typeof ReviewQueuePage>;

export const ReviewDetail = z.object({
  listing: OwnListingSummary.extend({ lockVersion: z.number().int(), organisationId: Uuid.nullable() }),
  submitted: RevisionView.nullable(),
  published: RevisionView.nullable(),
  openReports: z.number().int(),
  canDecide: z.boolean(),
  events: z.array(ListingEventView),
});
export type ReviewDetail = z.infer<typeof ReviewDetail>;

export const REPORT_REASONS = ['prohibited_technology', 'advertising', 'misleading', 'contact_policy', 'duplicate', 'other'] as const;
export const ReportReason = z.enum(REPORT_REASONS);
export const REPORT_STATUSES = ['open', 'dismissed', 'upheld'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);

export const CreateReportInput = z.object({ reason: ReportReason, details: z.string().trim().max(2000).optional() });
export type CreateReportInput = z.infer<typeof CreateReportInput>;

export const HandleReportInput = z.object({ decision: z.enum(['dismiss', 'uphold']), note: z.string().trim().min(5).max(2000) });
export type HandleReportInput = z.infer<typeof HandleReportInput>;

export const ReportView = z.object({
  id: Uuid,
  listingId: Uuid,
  reference: z.string(),
  kind: ListingKind,
  listingStatus: ListingStatus,
  title: z.object({ vi: z.string().optional(), en: z.string().optional() }),
  reason: ReportReason,
  details: z.string().nullable(),
  status: ReportStatus,
  reporterName: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  handlingNote: z.string().nullable(),
  createdAt: z.string(),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportQuery = PageQuery.extend({ status: ReportStatus.optional(), reason: ReportReason.optional(), kind: ListingKind.optional() });
export type ReportQuery = z.infer<typeof ReportQuery>;
export const ReportExportQuery = ReportQuery.omit({ page: true, pageSize: true }).extend({ format: ExportFormat });
export type ReportExportQuery = z.infer<typeof ReportExportQuery>;
export const ReportPage = pageOf(ReportView);
export type ReportPage = z.infer<typeof ReportPage>;

export const ListingState = z.object({ id: Uuid, reference: z.string(), status: ListingStatus, lockVersion: z.number().int(), workingRevisionStatus: RevisionStatus.nullable() });
export type ListingState = z.infer<typeof ListingState>;
