import type { z } from 'zod';
import type * as processing from '../../../../../common/src/api/registration-processing.js';
import { api, type Page } from '../../../lib/api.js';

export type RegistrationQueueItem = z.infer<typeof processing.RegistrationQueueItem>;
/** A page of the queue, and the officers a leader may assign. */
export type RegistrationQueue = Page<RegistrationQueueItem> & { officers?: z.infer<typeof processing.UserRef>[] };
export type StaffRegistrationDetail = z.infer<typeof processing.StaffRegistrationDetail>;
export type CaseState = z.infer<typeof processing.CaseState>;
export type ReviewFields = z.input<typeof processing.ReviewFields>;
export type StaffAction = StaffRegistrationDetail['staffActions'][number];

const base = (caseId: string) => `/registration-cases/${encodeURIComponent(caseId)}`;

/** One processing step; `revision` is the one the page showed (a stale one answers CONFLICT). */
export function caseStep(caseId: string, step: string, body: Record<string, unknown>) {
  return api.post<CaseState>(`${base(caseId)}/${step}`, body);
}

export function saveReview(caseId: string, body: ReviewFields & { revision: number }) {
  return api.put<CaseState>(`${base(caseId)}/review`, body);
}

export function addStaffComment(caseId: string, body: { visibility: 'internal' | 'applicant'; body: string }) {
  return api.post(`${base(caseId)}/comments`, body);
}

/** Path of the staff detail (relative to /api/v1). */
export const caseDetailPath = (caseId: string) => base(caseId);
