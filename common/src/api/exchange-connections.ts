import { z } from 'zod';
import { ListingKind } from './exchange-listings.js';
import { IsoDate, PageQuery, pageOf, Uuid } from './shared.js';

/**
 * Connections of the technology exchange (issue 4 §6): an expression of interest with three standard questions, the
 * owner's answer, a private thread between the two organisations, and the outcome trail.
 */

export const CONNECTION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const ConnectionStatus = z.enum(CONNECTION_STATUSES);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const CONNECTION_OUTCOME_KINDS = ['no_deal', 'meeting_held', 'mou_signed', 'contract_signed'] as const;
export const ConnectionOutcomeKind = z.enum(CONNECTION_OUTCOME_KINDS);
export type ConnectionOutcomeKind = z.infer<typeof ConnectionOutcomeKind>;

export const CONNECTION_SIDES = ['owner', 'initiator'] as const;
export const ConnectionSide = z.enum(CONNECTION_SIDES);
export type ConnectionSide = z.infer<typeof ConnectionSide>;

/** Attachments of a thread message: PDF or image, checked by content. */
export const CONNECTION_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The expression of interest: three questions (what cooperation, what is missing, who we are). */
export const ExpressInterestInput = z.strictObject({
  cooperationSought: z.string().trim().min(10).max(2000),
  missingInformation: z.string().trim().min(1).max(2000),
  aboutUs: z.string().trim().min(10).max(2000),
  /** The initiator's own published listing the interest comes from (optional). */
  initiatorListingId: Uuid.optional(),
});
export type ExpressInterestInput = z.infer<typeof ExpressInterestInput>;

export const DecideConnectionInput = z.strictObject({
  lockVersion: z.number().int().min(0),
  reason: z.string().trim().max(2000).optional(),
});
export type DecideConnectionInput = z.infer<typeof DecideConnectionInput>;

export const WithdrawConnectionInput = z.strictObject({
  lockVersion: z.number().int().min(0),
});
export type WithdrawConnectionInput = z.infer<typeof WithdrawConnectionInput>;

/** A message body (plain text; attachments are sent as multipart parts `file`). */
export const ConnectionMessageBody = z.string().trim().min(1).max(8000);

export const RecordOutcomeInput = z.strictObject({
  outcome: ConnectionOutcomeKind,
  occurredOn: IsoDate,
  note: z.string().trim().max(2000).optional(),
  /** A signed contract's registration dossier (a case of the recording party's organisation). */
  registrationCaseId: Uuid.optional(),
});
export type RecordOutcomeInput = z.infer<typeof RecordOutcomeInput>;

export const CONNECTION_SORTS = ['created', 'updated', 'reply_due'] as const;
export const CONNECTION_DIRECTIONS = ['all', 'received', 'sent'] as const;

export const ConnectionListQuery = PageQuery.extend({
  direction: z.enum(CONNECTION_DIRECTIONS).default('all'),
  status: ConnectionStatus.optional(),
  outcome: ConnectionOutcomeKind.optional(),
  kind: ListingKind.optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(CONNECTION_SORTS).default('updated'),
});
export type ConnectionListQuery = z.infer<typeof ConnectionListQuery>;

export const ConnectionExportQuery = ConnectionListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type ConnectionExportQuery = z.infer<typeof ConnectionExportQuery>;

/** Reply target of one connection: due date and whether the first answer came in time (null while pending and not due). */
export const ReplyTargetState = z.enum(['pending', 'met', 'missed']);
export type ReplyTargetState = z.infer<typeof ReplyTargetState>;

export const ConnectionSummary = z.object({
  id: Uuid,
  side: ConnectionSide,
  status: ConnectionStatus,
  listingId: Uuid,
  listingReference: z.string(),
  listingKind: ListingKind,
  listingTitle: z.string(),
  otherPartyName: z.string(),
  replyDueOn: IsoDate,
  replyTarget: ReplyTargetState,
  firstReplyAt: z.string().nullable(),
  latestOutcome: ConnectionOutcomeKind.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectionSummary = z.infer<typeof ConnectionSummary>;
export const ConnectionList = pageOf(ConnectionSummary);
export type ConnectionList = z.infer<typeof ConnectionList>;

export const ConnectionAttachmentView = z.object({
  id: Uuid,
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export type ConnectionAttachmentView = z.infer<typeof ConnectionAttachmentView>;

export const ConnectionMessageView = z.object({
  id: Uuid,
  side: ConnectionSide,
  authorName: z.string().nullable(),
  body: z.string(),
  attachments: z.array(ConnectionAttachmentView),
  createdAt: z.string(),
});
export type ConnectionMessageView = z.infer<typeof ConnectionMessageView>;

export const ConnectionOutcomeView = z.object({
  id: Uuid,
  outcome: ConnectionOutcomeKind,
  occurredOn: IsoDate,
  note: z.string().nullable(),
  registrationCaseId: Uuid.nullable(),
  registrationReference: z.string().nullable(),
  side: ConnectionSide,
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ConnectionOutcomeView = z.infer<typeof ConnectionOutcomeView>;

export const ConnectionDetail = ConnectionSummary.extend({
  ownerPartyName: z.string(),
  initiatorPartyName: z.string(),
  initiatorListing: z.object({ id: Uuid, reference: z.string(), title: z.string() }).nullable(),
  cooperationSought: z.string(),
  missingInformation: z.string(),
  aboutUs: z.string(),
  declineReason: z.string().nullable(),
  lockVersion: z.number().int(),
  actions: z.array(z.enum(['accept', 'decline', 'withdraw', 'message', 'record_outcome'])),
  messages: z.array(ConnectionMessageView),
  outcomes: z.array(ConnectionOutcomeView),
});
export type ConnectionDetail = z.infer<typeof ConnectionDetail>;

/** What the interest button needs to know about the reader and a listing. */
export const InterestState = z.object({
  canExpress: z.boolean(),
  reason: z.enum(['ok', 'not_published', 'own_listing', 'exists', 'not_allowed']),
  connectionId: Uuid.nullable(),
});
export type InterestState = z.infer<typeof InterestState>;

/** Reply target of a listing: the target in working days, answers given, answers given within the target. */
export const ListingReplyTarget = z.object({ workingDays: z.number().int(), answered: z.number().int(), met: z.number().int() });
export type ListingReplyTarget = z.infer<typeof ListingReplyTarget>;
