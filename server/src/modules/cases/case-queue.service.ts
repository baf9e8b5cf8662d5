import type { CaseQueueItem } from '../../../../common/src/api/cases.js';
import type { Ctx } from '../../core/context.js';
import { loadCalendar, workingDays } from '../calendar/index.js';
import { organisationNames } from '../organisations/index.js';
import * as q from './cases.queries.js';

export interface CaseQueueInput extends q.QueueFilter {
  /** Vietnam day the working days left are counted from. */
  today: string;
}

/**
 * A page of a work queue: cases of a kind in some statuses, with organisation, received day, the current clock
 * (due day, paused, working days left from `today`, overdue) and the assigned officer. Sorting by `due` is sorting
 * by time left (cases whose clock is paused or absent last). No permission check: the calling module checks its
 * permission and narrows the filter to what the actor may see (SQL filters, so a page never leaks rows).
 */
export async function caseQueue(ctx: Ctx, input: CaseQueueInput): Promise<{ items: CaseQueueItem[]; total: number }> {
  const [{ rows, total }, calendar] = await Promise.all([q.listQueue(ctx.db, input), loadCalendar(ctx)]);
  const ids = rows.map((r) => r.id);
  const [names, officers] = await Promise.all([organisationNames(ctx.db, rows.map((r) => r.organisationId)), q.listCurrentAssignments(ctx.db, ids)]);
  const officerOf = new Map(officers.filter((a) => a.role === 'officer').map((a) => [a.caseId, { userId: a.userId, name: a.name }]));
  const items = rows.map((r): CaseQueueItem => {
    const left = r.dueOn && !r.isClockPaused ? workingDays.countWorkingDays(calendar, input.today, r.dueOn).workingDays : null;
    return {
      id: r.id,
      referenceNo: r.referenceNo,
      title: r.title,
      status: r.status,
      organisationId: r.organisationId,
      organisationName: names.get(r.organisationId) ?? '',
      receivedOn: r.receivedOn,
      updatedAt: r.updatedAt.toISOString(),
      clockKind: r.clockKind,
      dueOn: r.dueOn,
      isClockPaused: r.isClockPaused,
      workingDaysLeft: left,
      isOverdue: r.dueOn !== null && !r.isClockPaused && input.today > r.dueOn,
      officer: officerOf.get(r.id) ?? null,
      revision: r.revision,
    };
  });
  return { items, total };
}
