import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor, TEST_WORKFLOW } from './cases.fixtures.js';
import { assignCase, createCase, currentAssignments, getCase, listCaseEvents, startClock, transitionCase, listClocks } from './index.js';

let t: TestApp;
let filer: TestUser;
let officer: TestUser;
let leader: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  filer = await createUser(t.database, 'enterprise_member');
  officer = await createUser(t.database, 'dost_officer');
  leader = await createUser(t.database, 'dost_leader');
});
afterAll(() => t.close());

const asFiler = () => ctxFor(t, actorOf(filer, 'Nguyễn Văn Nộp'));
const asOfficer = () => ctxFor(t, actorOf(officer, 'Trần Thị Chuyên'));
const asLeader = () => ctxFor(t, actorOf(leader, 'Lê Lãnh Đạo'));
const open = (key?: string) => createCase(asFiler(), { workflow: TEST_WORKFLOW, organisationId: filer.organisationId!, title: 'Hợp đồng chuyển giao công nghệ ICM', idempotencyKey: key });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('createCase', () => {
  it('opens a draft with the next reference number of the year and a create event', async () => {
    const first = await open();
    const second = await open();
    expect(first.created).toBe(true);
    expect(first.case).toMatchObject({ status: 'draft', revision: 1, kind: 'contract_registration', organisationId: filer.organisationId });
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    expect(first.case.referenceNo).toMatch(new RegExp(`^CGCN-${year}-\\d{5}$`));
    expect(Number(second.case.referenceNo.slice(-5))).toBe(Number(first.case.referenceNo.slice(-5)) + 1);
    const events = await listCaseEvents(t.database.db, first.case.id);
    expect(events).toMatchObject([{ action: 'create', fromStatus: null, toStatus: 'draft', revision: 1, actorName: 'Nguyễn Văn Nộp' }]);
  });

  it('returns the same case for a repeated idempotency key and writes nothing more', async () => {
    const first = await open('key-00000001');
    const [cases, events] = [await countRows(t.database, 'cases'), await countRows(t.database, 'case_events')];
    const again = await open('key-00000001');
    expect(again).toMatchObject({ created: false, case: { id: first.case.id, referenceNo: first.case.referenceNo } });
    expect([await countRows(t.database, 'cases'), await countRows(t.database, 'case_events')]).toEqual([cases, events]);
    // Two simultaneous requests with one key still make one case.
    const [a, b] = await Promise.all([open('key-00000002'), open('key-00000002')]);
    expect(a.case.id).toBe(b.case.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
  });

  it('refuses a role without the create permission (and the visitor) and writes nothing', async () => {
    const before = await countRows(t.database, 'cases');
    const counter = await t.database.query('SELECT * FROM case_reference_counters');
    expect(await codeOf(createCase(asOfficer(), { workflow: TEST_WORKFLOW, organisationId: filer.organisationId!, title: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(createCase(ctxFor(t, ANONYMOUS), { workflow: TEST_WORKFLOW, organisationId: filer.organisationId!, title: 'x' }))).toBe('UNAUTHENTICATED');
    expect(await countRows(t.database, 'cases')).toBe(before);
    expect(await t.database.query('SELECT * FROM case_reference_counters')).toEqual(counter);
  });
});

describe('transitionCase', () => {
  it('moves the case, adds a revision and an event with the note, and audits the step', async () => {
    const { case: row } = await open();
    const { case: submitted, event } = await transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'submit', expectedRevision: 1, note: 'Nộp hồ sơ', patch: { receivedOn: '2026-03-02' }, details: { version: 1 } });
    expect(submitted).toMatchObject({ status: 'submitted', revision: 2, receivedOn: '2026-03-02' });
    expect(event).toMatchObject({ action: 'submit', fromStatus: 'draft', toStatus: 'submitted', revision: 2, note: 'Nộp hồ sơ', details: { version: 1 } });
    const [audit] = await t.database.query<{ action: string; summary: { before: string; after: string } }>(`SELECT action, summary FROM audit_events WHERE object_id = $1 AND action = 'case.submit'`, [row.id]);
    expect(audit?.summary).toMatchObject({ before: 'draft', after: 'submitted' });
  });

  it('answers CONFLICT with the current revision for a stale one, and changes nothing', async () => {
    const { case: row } = await open();
    await transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'submit', expectedRevision: 1 });
    const error = await transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'withdraw', expectedRevision: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentRevision: 2 } });
    expect((await getCase(asFiler(), row.id)).status).toBe('submitted');
    expect(await listCaseEvents(t.database.db, row.id)).toHaveLength(2);
  });

  it('refuses an action the workflow does not allow from the status (INVALID_TRANSITION), writing nothing', async () => {
    const { case: row } = await open();
    expect(await codeOf(transitionCase(asOfficer(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'accept' }))).toBe('INVALID_TRANSITION');
    expect(await getCase(asFiler(), row.id)).toMatchObject({ status: 'draft', revision: 1 });
    expect(await listCaseEvents(t.database.db, row.id)).toHaveLength(1);
  });

  it('refuses a role without the action permission (FORBIDDEN), writing nothing', async () => {
    const { case: row } = await open();
    await transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'submit' });
    expect(await codeOf(transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'accept' }))).toBe('FORBIDDEN');
    expect(await codeOf(transitionCase(asOfficer(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'withdraw' }))).toBe('FORBIDDEN');
    expect(await getCase(asFiler(), row.id)).toMatchObject({ status: 'submitted', revision: 2 });
  });

  it('answers NOT_FOUND for an unknown case', async () => {
    expect(await codeOf(transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: '00000000-0000-4000-8000-000000000000', action: 'submit' }))).toBe('NOT_FOUND');
  });

  it('closing a case sets closed_at and cancels the clocks still open', async () => {
    const { case: row } = await open();
    await transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'submit' });
    await startClock(asFiler(), { caseId: row.id, kind: 'completeness', ruleKey: 'registration.completenessCheck', workingDays: 3, startOn: '2026-03-02' });
    expect(await getCase(asFiler(), row.id)).toMatchObject({ currentClockKind: 'completeness', currentDueOn: '2026-03-05' });
    const { case: closed } = await transitionCase(asFiler(), { workflow: TEST_WORKFLOW, caseId: row.id, action: 'withdraw', closes: true, onDay: '2026-03-03' });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed).toMatchObject({ status: 'withdrawn', currentClockKind: null, currentDueOn: null });
    expect(await listClocks(t.database.db, row.id)).toMatchObject([{ kind: 'completeness', stoppedOn: '2026-03-03', outcome: 'cancelled' }]);
  });
});

describe('events are append-only', () => {
  it('the database refuses to change or delete an event', async () => {
    const { case: row } = await open();
    await expect(t.database.query(`UPDATE case_events SET note = 'changed' WHERE case_id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(t.database.query(`DELETE FROM case_events WHERE case_id = $1`, [row.id])).rejects.toThrow(/append-only/);
    expect(await listCaseEvents(t.database.db, row.id)).toHaveLength(1);
  });
});

describe('assignments', () => {
  it('keeps one current officer, ends the previous one and records each assignment as a step', async () => {
    const { case: row } = await open();
    const second = await createUser(t.database, 'dost_officer');
    await assignCase(asLeader(), { caseId: row.id, userId: officer.id, role: 'officer', expectedRevision: 1 });
    const { case: after } = await assignCase(asLeader(), { caseId: row.id, userId: second.id, role: 'officer' });
    await assignCase(asLeader(), { caseId: row.id, userId: leader.id, role: 'leader' });
    expect(after.revision).toBe(3);
    const current = (await currentAssignments(t.database.db, [row.id])).get(row.id);
    expect(current).toEqual({ officer: { userId: second.id, name: 'Test dost_officer' }, leader: { userId: leader.id, name: 'Test dost_leader' } });
    const history = await t.database.query<{ user_id: string; ended_at: Date | null }>(`SELECT user_id, ended_at FROM case_assignments WHERE case_id = $1 AND role = 'officer' ORDER BY assigned_at`, [row.id]);
    expect(history.map((h) => [h.user_id, h.ended_at !== null])).toEqual([[officer.id, true], [second.id, false]]);
    const events = await listCaseEvents(t.database.db, row.id);
    expect(events.filter((e) => e.action === 'assign')).toHaveLength(3);
    expect(await codeOf(assignCase(asLeader(), { caseId: row.id, userId: officer.id, role: 'officer', expectedRevision: 1 }))).toBe('CONFLICT');
    expect(await codeOf(assignCase(asLeader(), { caseId: row.id, userId: '00000000-0000-4000-8000-000000000000', role: 'officer' }))).toBe('NOT_FOUND');
    expect((await currentAssignments(t.database.db, [row.id])).get(row.id)?.officer?.userId).toBe(second.id);
  });
});
