import type { ClockView } from '../../../../common/src/api/cases.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { addWorkingDays, countWorkingDays } from '../calendar/index.js';
import * as q from './cases.queries.js';
import type { CaseClockRow } from './cases.tables.js';

/*
 * Statutory clocks in working days (calendar module: weekends, Tết and other days off, swapped Saturdays). Day 0 is
 * the start day: a clock of N days started on D is due on addWorkingDays(D, N). A pause on P keeps the working days
 * used so far (those after the run's start up to and including P); a resume on R gives due = addWorkingDays(R,
 * remaining). Stopping on S says whether the days used stayed within N (met) or not (missed).
 *
 * These functions are machinery for a module's step (accept, request supplement, approve…): they do not check a
 * permission (the step did), they do not add a revision (the step's transition does) and they keep the case's queue
 * columns (current_clock_kind, current_due_on, clock_paused) in step with the open clocks.
 */

export type { CaseClockRow };

/** Copies the clock that matters now onto the case: the running clock due first, else a paused one, else none. */
async function syncCaseClock(ctx: Ctx, caseId: string): Promise<void> {
  const open = await q.listClocks(ctx.db, caseId, { openOnly: true });
  const running = open.filter((c) => c.pausedOn === null).sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))[0];
  const paused = open.find((c) => c.pausedOn !== null);
  if (running) await q.setCaseClock(ctx.db, caseId, { currentClockKind: running.kind, currentDueOn: running.dueOn, clockPaused: false });
  else if (paused) await q.setCaseClock(ctx.db, caseId, { currentClockKind: paused.kind, currentDueOn: null, clockPaused: true });
  else await q.setCaseClock(ctx.db, caseId, { currentClockKind: null, currentDueOn: null, clockPaused: false });
}

async function openClock(ctx: Ctx, caseId: string, kind: string): Promise<CaseClockRow> {
  const clock = await q.findOpenClock(ctx.db, caseId, kind);
  if (!clock) throw new AppError('INVALID_TRANSITION', { clock: kind, reason: 'noOpenClock' });
  return clock;
}

/** Working days of the current run up to `on` (0 when `on` is the run's first day or earlier). */
async function usedInRun(ctx: Ctx, clock: CaseClockRow, on: string): Promise<number> {
  if (clock.pausedOn !== null) return 0;
  return Math.max(0, (await countWorkingDays(ctx, { from: clock.resumedOn, to: on })).workingDays);
}

/**
 * Starts a statutory clock of `workingDays` (the caller reads them from legal-rules under `ruleKey`, e.g.
 * registration.completenessCheck) on `startOn` (day 0). One open clock per kind: starting a second is
 * INVALID_TRANSITION. No permission check (part of the caller's step); no audit of its own.
 */
export async function startClock(ctx: Ctx, input: { caseId: string; kind: string; ruleKey: string; workingDays: number; startOn: string }): Promise<CaseClockRow> {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 0 || input.workingDays > 3660) throw new RangeError('workingDays must be an integer in 0..3660');
  return inTransaction(ctx, async (tx) => {
    if (await q.findOpenClock(tx.db, input.caseId, input.kind)) throw new AppError('INVALID_TRANSITION', { clock: input.kind, reason: 'clockRunning' });
    const due = await addWorkingDays(tx, { from: input.startOn, days: input.workingDays });
    const clock = await q.insertClock(tx.db, {
      caseId: input.caseId,
      kind: input.kind,
      ruleKey: input.ruleKey,
      workingDays: input.workingDays,
      startedOn: input.startOn,
      resumedOn: input.startOn,
      dueOn: due.to,
    });
    await syncCaseClock(tx, input.caseId);
    return clock;
  });
}

/** Pauses the open clock of `kind` on `on` (e.g. while the applicant supplements); INVALID_TRANSITION if none runs. */
export async function pauseClock(ctx: Ctx, input: { caseId: string; kind: string; on: string }): Promise<CaseClockRow> {
  return inTransaction(ctx, async (tx) => {
    const clock = await openClock(tx, input.caseId, input.kind);
    if (clock.pausedOn !== null) throw new AppError('INVALID_TRANSITION', { clock: input.kind, reason: 'clockPaused' });
    const used = clock.usedWorkingDays + (await usedInRun(tx, clock, input.on));
    const updated = await q.updateClock(tx.db, clock.id, { usedWorkingDays: used, pausedOn: input.on, dueOn: null });
    await syncCaseClock(tx, input.caseId);
    return updated;
  });
}

/** Resumes a paused clock on `on`: due = addWorkingDays(on, days not yet used). INVALID_TRANSITION if it is not paused. */
export async function resumeClock(ctx: Ctx, input: { caseId: string; kind: string; on: string }): Promise<CaseClockRow> {
  return inTransaction(ctx, async (tx) => {
    const clock = await openClock(tx, input.caseId, input.kind);
    if (clock.pausedOn === null) throw new AppError('INVALID_TRANSITION', { clock: input.kind, reason: 'clockRunning' });
    const remaining = Math.max(0, clock.workingDays - clock.usedWorkingDays);
    const due = await addWorkingDays(tx, { from: input.on, days: remaining });
    const updated = await q.updateClock(tx.db, clock.id, { resumedOn: input.on, pausedOn: null, dueOn: due.to });
    await syncCaseClock(tx, input.caseId);
    return updated;
  });
}

/**
 * Stops the open clock of `kind` on `on`: outcome `met` when the working days used stay within the clock's days
 * (acting on the due day is in time), `missed` otherwise, or `cancelled` (e.g. the case was withdrawn).
 */
export async function stopClock(ctx: Ctx, input: { caseId: string; kind: string; on: string; cancelled?: boolean | undefined }): Promise<CaseClockRow> {
  return inTransaction(ctx, async (tx) => {
    const clock = await openClock(tx, input.caseId, input.kind);
    const used = clock.usedWorkingDays + (await usedInRun(tx, clock, input.on));
    const outcome = input.cancelled ? 'cancelled' : used <= clock.workingDays ? 'met' : 'missed';
    const updated = await q.updateClock(tx.db, clock.id, { usedWorkingDays: used, stoppedOn: input.on, outcome });
    await syncCaseClock(tx, input.caseId);
    return updated;
  });
}

/** Stops every open clock of a case as `cancelled` (the case closed). */
export async function cancelOpenClocks(ctx: Ctx, input: { caseId: string; on: string }): Promise<void> {
  const open = await q.listClocks(ctx.db, input.caseId, { openOnly: true });
  for (const clock of open) await stopClock(ctx, { caseId: input.caseId, kind: clock.kind, on: input.on, cancelled: true });
}

/** Every clock of a case, oldest first. No permission check: the caller shows them to whom its policy allows. */
export async function listClocks(db: Tx, caseId: string): Promise<CaseClockRow[]> {
  return q.listClocks(db, caseId);
}

/** How a clock stands on `today`: due day, working days left (negative when overdue), paused, used, outcome. */
export async function clockView(ctx: Ctx, clock: CaseClockRow, today: string): Promise<ClockView> {
  const base = {
    kind: clock.kind,
    ruleKey: clock.ruleKey,
    workingDays: clock.workingDays,
    startedOn: clock.startedOn,
    dueOn: clock.dueOn,
    stoppedOn: clock.stoppedOn,
    outcome: clock.outcome,
  };
  if (clock.stoppedOn !== null) return { ...base, workingDaysLeft: null, isOverdue: false, isPaused: false, usedWorkingDays: clock.usedWorkingDays };
  if (clock.pausedOn !== null) {
    const left = clock.workingDays - clock.usedWorkingDays;
    return { ...base, workingDaysLeft: left, isOverdue: left < 0, isPaused: true, usedWorkingDays: clock.usedWorkingDays };
  }
  const left = (await countWorkingDays(ctx, { from: today, to: clock.dueOn! })).workingDays;
  const used = clock.usedWorkingDays + (await usedInRun(ctx, clock, today));
  return { ...base, workingDaysLeft: left, isOverdue: today > clock.dueOn!, isPaused: false, usedWorkingDays: used };
}
