import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor, TEST_WORKFLOW } from './cases.fixtures.js';
import { clockView, createCase, getCase, listClocks, pauseClock, resumeClock, startClock, stopClock } from './index.js';

let t: TestApp;
let filer: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  filer = await createUser(t.database, 'enterprise_member');
});
afterAll(() => t.close());

const ctx = () => ctxFor(t, actorOf(filer));
async function newCase(): Promise<string> {
  return (await createCase(ctx(), { workflow: TEST_WORKFLOW, organisationId: filer.organisationId!, title: 'Clock test' })).case.id;
}
const decision = (caseId: string, startOn: string, workingDays = 5) => startClock(ctx(), { caseId, kind: 'decision', ruleKey: 'registration.decisionDeadline', workingDays, startOn });
const clockOf = async (caseId: string, kind = 'decision') => (await listClocks(t.database.db, caseId)).find((c) => c.kind === kind)!;

describe('statutory clocks in working days (seeded 2026 calendar)', () => {
  it('counts from day 0 across the Tết break (14–22 Feb 2026) and weekends', async () => {
    const caseId = await newCase();
    // Thu 12 Feb is day 0; Fri 13 is day 1; Tết and its weekends are skipped; Mon 23–Thu 26 are days 2–5.
    const clock = await decision(caseId, '2026-02-12');
    expect(clock).toMatchObject({ startedOn: '2026-02-12', dueOn: '2026-02-26', usedWorkingDays: 0, pausedOn: null });
    expect(await getCase(ctx(), caseId)).toMatchObject({ currentClockKind: 'decision', currentDueOn: '2026-02-26', clockPaused: false });
  });

  it('skips an ordinary weekend and counts a swapped working Saturday', async () => {
    expect((await decision(await newCase(), '2026-03-06', 1)).dueOn).toBe('2026-03-09');
    expect((await decision(await newCase(), '2026-01-09', 1)).dueOn).toBe('2026-01-10');
    expect((await decision(await newCase(), '2026-03-06', 0)).dueOn).toBe('2026-03-06');
  });

  it('pauses (days used are kept) and resumes with the days left, then stops in time or late', async () => {
    const caseId = await newCase();
    await decision(caseId, '2026-02-12');
    const paused = await pauseClock(ctx(), { caseId, kind: 'decision', on: '2026-02-13' });
    expect(paused).toMatchObject({ usedWorkingDays: 1, pausedOn: '2026-02-13', dueOn: null });
    expect(await getCase(ctx(), caseId)).toMatchObject({ currentClockKind: 'decision', currentDueOn: null, clockPaused: true });
    expect(await clockView(ctx(), paused, '2026-02-24')).toMatchObject({ isPaused: true, workingDaysLeft: 4, dueOn: null, isOverdue: false, usedWorkingDays: 1 });

    // Resumed on Tue 24 Feb with 4 days left: Wed 25, Thu 26, Fri 27, Mon 2 March.
    const resumed = await resumeClock(ctx(), { caseId, kind: 'decision', on: '2026-02-24' });
    expect(resumed).toMatchObject({ resumedOn: '2026-02-24', dueOn: '2026-03-02', pausedOn: null });
    expect(await getCase(ctx(), caseId)).toMatchObject({ currentDueOn: '2026-03-02', clockPaused: false });
    expect(await clockView(ctx(), resumed, '2026-02-25')).toMatchObject({ workingDaysLeft: 3, isOverdue: false, usedWorkingDays: 2, isPaused: false });
    expect(await clockView(ctx(), resumed, '2026-03-04')).toMatchObject({ workingDaysLeft: -2, isOverdue: true });

    const stopped = await stopClock(ctx(), { caseId, kind: 'decision', on: '2026-03-02' });
    expect(stopped).toMatchObject({ stoppedOn: '2026-03-02', outcome: 'met', usedWorkingDays: 5 });
    expect(await clockView(ctx(), stopped, '2026-03-10')).toMatchObject({ workingDaysLeft: null, isOverdue: false, outcome: 'met' });
    expect(await getCase(ctx(), caseId)).toMatchObject({ currentClockKind: null, currentDueOn: null, clockPaused: false });
  });

  it('a clock stopped after its due day is missed', async () => {
    const caseId = await newCase();
    await decision(caseId, '2026-03-02', 2);
    expect((await stopClock(ctx(), { caseId, kind: 'decision', on: '2026-03-05' })).outcome).toBe('missed');
  });

  it('keeps the running clock on the case while another is paused, and refuses impossible clock steps', async () => {
    const caseId = await newCase();
    await decision(caseId, '2026-03-02');
    await pauseClock(ctx(), { caseId, kind: 'decision', on: '2026-03-03' });
    await startClock(ctx(), { caseId, kind: 'completeness', ruleKey: 'registration.completenessCheck', workingDays: 3, startOn: '2026-03-10' });
    expect(await getCase(ctx(), caseId)).toMatchObject({ currentClockKind: 'completeness', currentDueOn: '2026-03-13', clockPaused: false });
    await stopClock(ctx(), { caseId, kind: 'completeness', on: '2026-03-11' });
    expect(await getCase(ctx(), caseId)).toMatchObject({ currentClockKind: 'decision', currentDueOn: null, clockPaused: true });

    const codes = await Promise.all([
      pauseClock(ctx(), { caseId, kind: 'decision', on: '2026-03-12' }),
      startClock(ctx(), { caseId, kind: 'decision', ruleKey: 'registration.decisionDeadline', workingDays: 5, startOn: '2026-03-12' }),
      stopClock(ctx(), { caseId, kind: 'completeness', on: '2026-03-12' }),
    ].map((p) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)))));
    expect(codes).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION', 'INVALID_TRANSITION']);
    expect((await clockOf(caseId)).pausedOn).toBe('2026-03-03');
  });
});
