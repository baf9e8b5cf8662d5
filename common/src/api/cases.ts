import { z } from 'zod';
import { IsoDate, Uuid } from './shared.js';

/**
 * Views of the reusable case core (hồ sơ): events, assignments, comments, documents and statutory clocks. Any
 * module's case (contract registration now, appraisals later) answers with these shapes, so the web components
 * (ClockBadge, CaseTimeline, CommentsPanel, DocumentList) work for every kind.
 */

export const COMMENT_VISIBILITIES = ['internal', 'applicant'] as const;
export const CommentVisibility = z.enum(COMMENT_VISIBILITIES);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

export const ASSIGNMENT_ROLES = ['officer', 'leader'] as const;
export const AssignmentRole = z.enum(ASSIGNMENT_ROLES);
export type AssignmentRole = z.infer<typeof AssignmentRole>;

export const CLOCK_OUTCOMES = ['met', 'missed', 'cancelled'] as const;
export type ClockOutcome = (typeof CLOCK_OUTCOMES)[number];

/** One step of a case (append-only). `action` and the statuses are the module's vocabulary (translate them there). */
export const CaseEventView = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  revision: z.number().int(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  onDay: IsoDate,
  createdAt: z.string(),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

export const AssignedPerson = z.object({ userId: Uuid, name: z.string() });
export type AssignedPerson = z.infer<typeof AssignedPerson>;

export const CaseAssignmentsView = z.object({ officer: AssignedPerson.optional(), leader: AssignedPerson.optional() });
export type CaseAssignmentsView = z.infer<typeof CaseAssignmentsView>;

export const CaseCommentView = z.object({
  id: Uuid,
  visibility: CommentVisibility,
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type CaseCommentView = z.infer<typeof CaseCommentView>;

export const CaseDocumentView = z.object({
  id: Uuid,
  kind: z.string(),
  storedFileId: Uuid,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  uploadedAt: z.string(),
  removedAt: z.string().nullable(),
});
export type CaseDocumentView = z.infer<typeof CaseDocumentView>;

/** A statutory clock as the reader sees it today (working days; day 0 is the start day). */
export const ClockView = z.object({
  kind: z.string(),
  ruleKey: z.string(),
  workingDays: z.number().int(),
  startedOn: IsoDate,
  /** Last day to act; null while paused. */
  dueOn: IsoDate.nullable(),
  /** Working days from today to the due day (negative when overdue); while paused, the days still to use; null once stopped. */
  workingDaysLeft: z.number().int().nullable(),
  isOverdue: z.boolean(),
  isPaused: z.boolean(),
  usedWorkingDays: z.number().int(),
  stoppedOn: IsoDate.nullable(),
  outcome: z.enum(CLOCK_OUTCOMES).nullable(),
});
export type ClockView = z.infer<typeof ClockView>;

export const CASE_QUEUE_SORTS = ['due', 'received', 'updated', 'reference'] as const;
export type CaseQueueSort = (typeof CASE_QUEUE_SORTS)[number];

/** One row of a staff work queue. */
export const CaseQueueItem = z.object({
  id: Uuid,
  referenceNo: z.string(),
  title: z.string(),
  status: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  receivedOn: IsoDate.nullable(),
  updatedAt: z.string(),
  clockKind: z.string().nullable(),
  dueOn: IsoDate.nullable(),
  isClockPaused: z.boolean(),
  workingDaysLeft: z.number().int().nullable(),
  isOverdue: z.boolean(),
  officer: AssignedPerson.nullable(),
  revision: z.number().int(),
});
export type CaseQueueItem = z.infer<typeof CaseQueueItem>;
