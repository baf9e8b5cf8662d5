import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, createUser, type Client, type TestApp, type TestUser } from '../../../test/harness.js';
import { submittedCase } from './processing.test-factory.js';

let t: TestApp;
let applicant: TestUser;
let officer: TestUser;
let leader: TestUser;
let asOfficer: Client;
let asLeader: Client;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  asOfficer = await clientFor(t, officer);
  asLeader = await clientFor(t, leader);
});
afterAll(() => t.close());

async function snapshot(caseId: string): Promise<string> {
  const rows = await Promise.all([
    t.database.query(`SELECT status, revision, current_clock_kind, current_due_on FROM cases WHERE id = $1`, [caseId]),
    t.database.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [caseId]),
    t.database.query(`SELECT review, decision_kind FROM registration_dossiers WHERE case_id = $1`, [caseId]),
    t.database.query(`SELECT count(*)::int AS n FROM case_clocks WHERE case_id = $1`, [caseId]),
  ]);
  return JSON.stringify(rows);
}

describe('registration processing over HTTP', () => {
  it('bad input is a 400 with a code and changes nothing', async () => {
    const c = await submittedCase(t, applicant);
    const before = await snapshot(c.caseId);
    const cases: [string, string, unknown][] = [
      ['POST', 'accept', {}],
      ['POST', 'accept', { revision: 'one' }],
      ['POST', 'request-supplement', { revision: c.revision, missingItems: [], message: 'Vui lòng bổ sung.' }],
      ['POST', 'request-supplement', { revision: c.revision, missingItems: ['x'.repeat(151)], message: 'Vui lòng bổ sung.' }],
      ['PUT', 'review', { revision: c.revision, checklist: { warranty: 'maybe' }, flagAcknowledgements: [] }],
      ['PUT', 'review', { revision: c.revision, checklist: { not_an_item: 'present' }, flagAcknowledgements: [] }],
      ['POST', 'draft-refusal', { revision: c.revision, reasons: 'no' }],
      ['POST', 'assign', { revision: c.revision, userId: 'someone' }],
      ['POST', 'comments', { visibility: 'public', body: 'x' }],
    ];
    for (const [method, step, body] of cases) {
      const res = await asLeader.request(method, `/api/v1/registration-cases/${c.caseId}/${step}`, body);
      expect(res.status, `${step} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const unknown = await asLeader.post(`/api/v1/registration-cases/00000000-0000-4000-8000-000000000000/accept`, { revision: 1 });
    expect(unknown.status).toBe(404);
    expect(await snapshot(c.caseId)).toBe(before);
  });

  it('two officers on one case: the second write with the old revision is a 409 with the current revision', async () => {
    const c = await submittedCase(t, applicant);
    const taken = await asOfficer.post(`/api/v1/registration-cases/${c.caseId}/take`, { revision: c.revision });
    expect(taken.status).toBe(200);
    const accepted = await asOfficer.post(`/api/v1/registration-cases/${c.caseId}/accept`, { revision: taken.body.revision });
    expect(accepted.body).toMatchObject({ status: 'in_review', revision: taken.body.revision + 1 });
    const stale = await asLeader.post(`/api/v1/registration-cases/${c.caseId}/request-supplement`, { revision: taken.body.revision, missingItems: ['Bản dịch'], message: 'Vui lòng bổ sung.' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { currentRevision: accepted.body.revision } });
  });

  it('the staff view is audited on each read; the queue export downloads with safe headers', async () => {
    const c = await submittedCase(t, applicant);
    const first = await asLeader.get(`/api/v1/registration-cases/${c.caseId}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: c.caseId, canAssign: true, staffActions: ['accept', 'request_supplement'] });
    await asLeader.get(`/api/v1/registration-cases/${c.caseId}`);
    const [row] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'registration.dossier.view' AND object_id = $1`, [c.caseId]);
    expect(Number(row!.n)).toBe(2);
    const notMine = await asOfficer.get(`/api/v1/registration-cases/${c.caseId}`);
    expect(notMine.status).toBe(403);
    expect(notMine.body).toMatchObject({ code: 'CASE_NOT_ASSIGNED', details: { canTake: true } });
    const csv = await asOfficer.get('/api/v1/registration-cases/export?format=csv&scope=all');
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(csv.headers['x-content-type-options'])).toBe('nosniff');
  });
});
