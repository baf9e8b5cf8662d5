import type { Ctx } from '../../core/context.js';
import type { CaseRow } from '../cases/index.js';
import { memberIdsOf, notify, userIdsWithPermission } from '../notifications/index.js';

/**
 * Who hears about a processing step, and the link they open. Parameters carry the reference number (and a certificate
 * number once issued), never amounts or rates.
 */

export type ProcessingNotice =
  | 'registration.accepted'
  | 'registration.supplement_requested'
  | 'registration.issued'
  | 'registration.refused'
  | 'registration.staff_comment'
  | 'registration.draft_ready'
  | 'registration.draft_returned'
  | 'registration.assigned';

/** The filing organisation's members who file registrations (they see the applicant's page). */
export async function notifyApplicant(ctx: Ctx, row: CaseRow, kind: ProcessingNotice, params: Record<string, string | number> = {}): Promise<void> {
  const userIds = await memberIdsOf(ctx.db, row.organisationId, 'registration.file');
  await notify(ctx, { userIds, kind, params: { referenceNo: row.referenceNo, ...params }, link: `/registrations/${row.id}`, email: true });
}

/** DOST staff (the staff page of the case). */
export async function notifyUsers(ctx: Ctx, userIds: readonly string[], row: CaseRow, kind: ProcessingNotice): Promise<void> {
  if (userIds.length === 0) return;
  await notify(ctx, { userIds: [...userIds], kind, params: { referenceNo: row.referenceNo }, link: `/work/registrations/${row.id}` });
}

/** DOST leaders who may approve, but not `except` (the drafter cannot approve their own draft). */
export async function registrationLeaderIds(ctx: Ctx, except: string): Promise<string[]> {
  return (await userIdsWithPermission(ctx.db, 'registration.approve')).filter((id) => id !== except);
}
