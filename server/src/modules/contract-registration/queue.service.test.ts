import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrationQueueExportQuery, RegistrationQueueQuery } from '../../../../common/src/api/registration-processing.js';
import type { Ctx } from '../../core/context.js';
import { renderTable } from '../../core/exports/table-export.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { assignOfficer, takeCase } from './processing-assign.service.js';
import { acceptDossier } from './processing.service.js';
import { ctxOfUser, submittedCase } from './processing.test-factory.js';
import { exportRegistrationQueue, listRegistrationQueue } from './queue.service.js';
import { cleanDossier } from './risk-flags.fixtures.js';

let t: TestApp;
let applicant: TestUser;
let officer: TestUser;
let otherOfficer: TestUser;
let leader: TestUser;
let as: (user: TestUser) => Ctx;
const ids: Record<'mine' | 'theirs' | 'unassigned' | 'late', string> = { mine: '', theirs: '', unassigned: '', late: '' };
const query = (input: Record<string, unknown> = {}) => RegistrationQueueQuery.parse(input);

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_member');
  officer = await createUser(t.database, 'dost_officer');
  otherOfficer = await createUser(t.database, 'dost_officer', { organisationId: officer.organisationId! });
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  as = (user) => ctxOfUser(t, user);
  const mine = await submittedCase(t, applicant);
  const accepted = await acceptDossier(as(leader), { id: mine.caseId, revision: (await takeCase(as(officer), { id: mine.caseId, revision: mine.revision })).revision });
  expect(accepted.status).toBe('in_review');
  const theirs = await submittedCase(t, applicant);
  await assignOfficer(as(leader), { id: theirs.caseId, revision: theirs.revision, userId: otherOfficer.id });
  const unassigned = await submittedCase(t, applicant);
  const late = await submittedCase(t, applicant, cleanDossier({ contract: { signedOn: '2025-03-01' } }));
  Object.assign(ids, { mine: mine.caseId, theirs: theirs.caseId, unassigned: unassigned.caseId, late: late.caseId });
});
afterAll(() => t.close());

describe('registration queue', () => {
  it('lists open cases by time left; the dossier summary only on cases the caller handles', async () => {
    const page = await listRegistrationQueue(as(officer), query());
    expect(page.total).toBe(4);
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(ids.mine)).toMatchObject({ status: 'in_review', clockKind: 'decision', officer: { userId: officer.id }, summary: { technologyName: expect.any(String), isLate: false } });
    expect(byId.get(ids.theirs)).toMatchObject({ summary: null, officer: { userId: otherOfficer.id } });
    expect(byId.get(ids.unassigned)?.summary).toBeNull();
    // Completeness (3 working days) falls due before the decision clock (5): the in-review case comes last.
    expect(page.items.at(-1)?.id).toBe(ids.mine);
    expect(page.officers).toEqual([]);
    const lead = await listRegistrationQueue(as(leader), query());
    expect(lead.items.every((item) => item.summary !== null)).toBe(true);
    expect(lead.officers.map((o) => o.userId).sort()).toEqual([officer.id, otherOfficer.id].sort());
  });

  it('filters by scope, status, late filing, flags and search', async () => {
    const idsOf = async (input: Record<string, unknown>) => (await listRegistrationQueue(as(officer), query(input))).items.map((item) => item.id).sort();
    expect(await idsOf({ scope: 'mine' })).toEqual([ids.mine]);
    expect(await idsOf({ scope: 'unassigned' })).toEqual([ids.unassigned, ids.late].sort());
    expect(await idsOf({ status: 'in_review' })).toEqual([ids.mine]);
    expect(await idsOf({ late: 'true' })).toEqual([ids.late]);
    expect(await idsOf({ flagged: 'true' })).toContain(ids.late);
    expect(await idsOf({ status: 'issued' })).toEqual([]);
    const [row] = await t.database.query<{ reference_no: string }>('SELECT reference_no FROM cases WHERE id = $1', [ids.theirs]);
    expect(await idsOf({ q: row!.reference_no })).toEqual([ids.theirs]);
  });

  it('is for DOST staff only', async () => {
    await expect(listRegistrationQueue(as(applicant), query())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(exportRegistrationQueue(as(applicant), RegistrationQueueExportQuery.parse({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports the same lines, without dossier columns on cases the caller does not handle', async () => {
    const table = await exportRegistrationQueue(as(officer), RegistrationQueueExportQuery.parse({ format: 'csv' }));
    expect(table.rows).toHaveLength(4);
    const csv = (await renderTable(table)).toString('utf8');
    const technology = cleanDossier().technology.name;
    expect(csv.split('\n').filter((line) => line.includes(technology))).toHaveLength(1);
    expect(csv).not.toContain('400000');
    const xlsx = await renderTable({ ...(await exportRegistrationQueue(as(leader), RegistrationQueueExportQuery.parse({ format: 'xlsx' }))) });
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
