import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor, TEST_WORKFLOW } from './cases.fixtures.js';
import { assignCase, caseQueue, createCase, pauseClock, startClock, transitionCase, type CaseQueueInput } from './index.js';

let t: TestApp;
let filer: TestUser;
let officer: TestUser;
let leader: TestUser;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  filer = await createUser(t.database, 'enterprise_member');
  officer = await createUser(t.database, 'dost_officer');
  leader = await createUser(t.database, 'dost_leader');
  // Five submitted cases with decision clocks of different lengths from Mon 2 March 2026, one paused, one clockless.
  for (const [name, days] of [['slow', 15], ['fast', 2], ['middle', 5], ['paused', 3], ['none', null]] as const) {
    const { case: row } = await createCase(asFiler(), { workflow: TEST_WORKFLOW, organisationId: filer.organisationId!, title: `Hợp đồng ${name}` });
    await transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'submit', patch: { receivedOn: '2026-03-02' } });
    if (days !== null) await startClock(asFiler(), { caseId: row.id, kind: 'decision', ruleKey: 'registration.decisionDeadline', workingDays: days, startOn: '2026-03-02' });
    ids[name] = row.id;
  }
  await pauseClock(asFiler(), { caseId: ids.paused!, kind: 'decision', on: '2026-03-03' });
  await assignCase(ctxFor(t, actorOf(leader)), { caseId: ids.middle!, userId: officer.id, role: 'officer' });
});
afterAll(() => t.close());

const asFiler = () => ctxFor(t, actorOf(filer));
const base: CaseQueueInput = { kind: 'contract_registration', statuses: ['submitted'], sort: 'due', order: 'asc', page: 1, pageSize: 20, today: '2026-03-05' };
const queue = (input: Partial<CaseQueueInput> = {}) => caseQueue(asFiler(), { ...base, ...input });
const names = (items: { id: string }[]) => items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]);

describe('caseQueue', () => {
  it('sorts by time left (due first), paused and clockless cases last, with working days left and overdue', async () => {
    const { items, total } = await queue();
    expect(total).toBe(5);
    expect(names(items).slice(0, 3)).toEqual(['fast', 'middle', 'slow']);
    expect(names(items).slice(3).sort()).toEqual(['none', 'paused']);
    const fast = items[0]!;
    // Due Wed 4 March; on Thu 5 March it is one working day late.
    expect(fast).toMatchObject({ dueOn: '2026-03-04', workingDaysLeft: -1, isOverdue: true, clockKind: 'decision', isClockPaused: false, receivedOn: '2026-03-02', status: 'submitted' });
    expect(items[1]).toMatchObject({ dueOn: '2026-03-09', workingDaysLeft: 2, isOverdue: false, officer: { userId: officer.id } });
    const paused = items.find((i) => i.id === ids.paused)!;
    expect(paused).toMatchObject({ isClockPaused: true, dueOn: null, workingDaysLeft: null, isOverdue: false });
    expect(items[0]!.organisationName).toMatch(/^Test enterprise/);
    const descending = await queue({ order: 'desc' });
    expect(names(descending.items).slice(0, 3)).toEqual(['slow', 'middle', 'fast']);
  });

  it('filters by assignment, organisation, status and search, and pages', async () => {
    expect(names((await queue({ assignedUserId: officer.id })).items)).toEqual(['middle']);
    expect((await queue({ unassignedOnly: true })).total).toBe(4);
    expect((await queue({ organisationIds: [] })).total).toBe(0);
    expect((await queue({ statuses: ['in_review'] })).total).toBe(0);
    expect(names((await queue({ search: 'hop dong slow' })).items)).toEqual(['slow']);
    expect((await queue({ search: 'TEST ENTERPRISE' })).total).toBe(5); // the applicant's name
    expect((await queue({ search: '100%_' })).total).toBe(0);
    const page2 = await queue({ pageSize: 2, page: 2 });
    expect(page2.total).toBe(5);
    expect(names(page2.items)).toEqual(['slow', names((await queue()).items)[3]]);
    const byReference = await queue({ sort: 'reference', order: 'asc' });
    expect(byReference.items.map((i) => i.referenceNo)).toEqual([...byReference.items.map((i) => i.referenceNo)].sort());
  });
});
