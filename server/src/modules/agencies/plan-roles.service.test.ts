import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';

let t: TestApp;
let admin: Client;
let leader: Client;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await clientFor(t, await createUser(t.database, 'admin'));
  leader = await clientFor(t, await createUser(t.database, 'dost_leader'));
  for (const row of await t.database.query<{ id: string; code: string }>('SELECT id, code FROM agencies')) ids.set(row.code, row.id);
});
afterAll(() => t.close());

const id = (code: string) => ids.get(code)!;

async function snapshot(): Promise<string> {
  const [row] = await t.database.query(
    `SELECT (SELECT string_agg(id::text || coalesce(valid_to::text, '-'), ',' ORDER BY id) FROM plan_role_assignments) AS a,
            (SELECT string_agg(id::text || coalesce(agency_id::text, '-'), ',' ORDER BY id) FROM organisations) AS o,
            (SELECT count(*)::int FROM audit_events WHERE action <> 'authz.denied') AS e`,
  );
  return JSON.stringify(row);
}

async function agency(validFrom = '2020-01-01', validTo: string | null = null): Promise<string> {
  const [row] = await t.database.query<{ id: string }>(
    `INSERT INTO agencies (code, name_vi, name_en, kind, level, valid_from, valid_to, source_from) VALUES ($1, 'Sở thử nghiệm', 'Test department', 'provincial_department', 'province', $2, $3, 'Thử nghiệm') RETURNING id`,
    [`test_${randomBytes(4).toString('hex')}`, validFrom, validTo],
  );
  return row!.id;
}

const assign = (client: Client, role: string, body: Record<string, unknown>) => client.post(`/api/v1/plan-roles/${role}/assignments`, { citation: 'Quyết định giao nhiệm vụ thử nghiệm', ...body });

describe('plan roles: the duties of plan section IV, public', () => {
  it('lists every role with its section, the plan’s duty text and its holders on a date', async () => {
    const res = await new Client(t.app).get('/api/v1/plan-roles?at=2024-06-01');
    expect(res.status).toBe(200);
    expect(res.body.at).toBe('2024-06-01');
    const byCode = Object.fromEntries(res.body.items.map((r: { code: string }) => [r.code, r]));
    expect(byCode.yearly_evaluation_due_30_11).toMatchObject({ planSection: 'IV.9', recurrence: 'yearly', dueMonthDay: '11-30' });
    expect(byCode.yearly_evaluation_due_30_11.dutyVi).toContain('trước ngày 30 tháng 11');
    expect(byCode.tax_control_of_transfer_contracts).toMatchObject({ planSection: 'IV.5', holders: [expect.objectContaining({ code: 'hp_tax_department' })] });
    expect(byCode.credit_support.holders.map((a: { code: string }) => a.code)).toEqual(['sbv_hp_branch']);
    expect(byCode.st_authority.holders.map((a: { code: string }) => a.code)).toEqual(['hp_dost']);
    expect(byCode.investment_registration.holders.map((a: { code: string }) => a.code)).toEqual(['hp_dpi']);
    expect(byCode.investment_registration.assignments.map((a: { agency: { code: string }; validTo: string | null }) => [a.agency.code, a.validTo])).toEqual([
      ['hp_dpi', '2025-02-28'],
      ['hp_dof', null],
    ]);
    const later = await new Client(t.app).get('/api/v1/plan-roles?at=2026-01-01');
    const registration = later.body.items.find((r: { code: string }) => r.code === 'investment_registration');
    expect(registration.holders.map((a: { code: string }) => a.code)).toEqual(['hp_dof']);
  });

  it('exports agencies and plan roles as CSV (translated headers) and XLSX', async () => {
    const client = new Client(t.app);
    const csv = await client.request('GET', '/api/v1/agencies/export?format=csv&at=2024-01-01', undefined, { 'accept-language': 'vi' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('co-quan-2024-01-01.csv');
    const lines = String(csv.raw.body).replace(/^\uFEFF/, '').split('\n');
    expect(lines[0]).toMatch(/^Mã,Tên tiếng Việt,Tên tiếng Anh,Loại,Cấp,Hiệu lực từ/);
    expect(lines.some((line) => line.startsWith('hp_dpi,Sở Kế hoạch và Đầu tư thành phố Hải Phòng'))).toBe(true);
    expect(lines.some((line) => line.startsWith('hp_agriculture_environment'))).toBe(false);

    const xlsx = await client.request('GET', '/api/v1/plan-roles/export?format=xlsx&at=2026-01-01', undefined, { 'accept-language': 'en' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Role code');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const registration = rows.filter((r) => r[1] === 'investment_registration').map((r) => [r[4], r[8]]);
    expect(registration).toEqual([
      ['hp_dpi', false],
      ['hp_dof', true],
    ]);
  });
});

describe('administrators assign plan roles and end assignments', () => {
  it('assigns a role for a period, audited, and resolves it on those dates', async () => {
    const agencyId = await agency();
    const mark = await lastAuditId(t.database);
    const res = await assign(admin, 'credit_support', { agencyId, validFrom: '2022-01-01', validTo: '2022-12-31', verified: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ roleCode: 'credit_support', validFrom: '2022-01-01', validTo: '2022-12-31', verified: true, agency: { id: agencyId } });
    const [audit] = await auditSince(t.database, mark);
    expect(audit).toMatchObject({ action: 'plan_role.assigned', object_id: res.body.id, summary: { after: { role: 'credit_support', validFrom: '2022-01-01' } } });
    const on = async (at: string) => (await new Client(t.app).get(`/api/v1/plan-roles?at=${at}`)).body.items.find((r: { code: string }) => r.code === 'credit_support').holders.map((a: { id: string }) => a.id);
    expect(await on('2022-06-01')).toContain(agencyId);
    expect(await on('2023-01-01')).not.toContain(agencyId);
  });

  it('refuses an overlapping assignment of the same role to the same agency, reversed dates, and an agency not in force', async () => {
    const agencyId = await agency('2020-01-01', '2024-12-31');
    expect((await assign(admin, 'finance', { agencyId, validFrom: '2021-01-01', validTo: '2021-12-31' })).status).toBe(201);
    const before = await snapshot();
    const overlap = await assign(admin, 'finance', { agencyId, validFrom: '2021-12-31', validTo: '2022-06-30' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('VALIDITY_OVERLAP');
    const reversed = await assign(admin, 'finance', { agencyId, validFrom: '2023-01-01', validTo: '2022-01-01' });
    expect(reversed.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'validTo', code: 'date_order' }] } });
    const afterEnd = await assign(admin, 'finance', { agencyId, validFrom: '2023-01-01' });
    expect(afterEnd.body.code).toBe('AGENCY_NOT_IN_FORCE');
    const beforeStart = await assign(admin, 'finance', { agencyId, validFrom: '2019-01-01', validTo: '2019-12-31' });
    expect(beforeStart.body.code).toBe('AGENCY_NOT_IN_FORCE');
    expect((await assign(admin, 'no_such_role', { agencyId, validFrom: '2022-01-01' })).status).toBe(404);
    expect((await assign(admin, 'finance', { agencyId: randomUUID(), validFrom: '2022-01-01' })).status).toBe(404);
    expect(await snapshot()).toBe(before);
    // The next year does not overlap: allowed.
    expect((await assign(admin, 'finance', { agencyId, validFrom: '2022-01-01', validTo: '2022-12-31' })).status).toBe(201);
  });

  it('refuses other roles and visitors, writing nothing', async () => {
    const agencyId = await agency();
    const [open] = await t.database.query<{ id: string }>(
      `INSERT INTO plan_role_assignments (plan_role_id, agency_id, valid_from, citation) SELECT id, $1, '2021-01-01', 'Thử nghiệm' FROM plan_roles WHERE code = 'finance' RETURNING id`,
      [agencyId],
    );
    const before = await snapshot();
    expect((await assign(leader, 'finance', { agencyId, validFrom: '2030-01-01' })).status).toBe(403);
    expect((await assign(new Client(t.app), 'finance', { agencyId, validFrom: '2030-01-01' })).status).toBe(401);
    expect((await leader.post(`/api/v1/plan-role-assignments/${open!.id}/end`, { validTo: '2024-12-31' })).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('ends an open assignment (audited); ending it again is an invalid transition, an end before its start is refused', async () => {
    const agencyId = await agency();
    const created = await assign(admin, 'sector_statistics', { agencyId, validFrom: '2021-01-01' });
    const mark = await lastAuditId(t.database);
    const ended = await admin.post(`/api/v1/plan-role-assignments/${created.body.id}/end`, { validTo: '2024-12-31' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ validTo: '2024-12-31', roleCode: 'sector_statistics' });
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['plan_role.assignment_ended']);
    const before = await snapshot();
    const again = await admin.post(`/api/v1/plan-role-assignments/${created.body.id}/end`, { validTo: '2025-12-31' });
    expect(again.body.code).toBe('INVALID_TRANSITION');
    const other = await assign(admin, 'sector_statistics', { agencyId, validFrom: '2026-01-01' });
    const snap = await snapshot();
    const reversed = await admin.post(`/api/v1/plan-role-assignments/${other.body.id}/end`, { validTo: '2025-06-30' });
    expect(reversed.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'validTo', code: 'date_order' }] } });
    expect((await admin.post(`/api/v1/plan-role-assignments/${randomUUID()}/end`, { validTo: '2025-06-30' })).status).toBe(404);
    expect(await snapshot()).toBe(snap);
    expect(snap).not.toBe(before);
  });
});

describe('organisations of kind agency link to their agency', () => {
  async function organisation(kind: 'agency' | 'enterprise'): Promise<string> {
    const [row] = await t.database.query<{ id: string }>(`INSERT INTO organisations (kind, name) VALUES ($1, $2) RETURNING id`, [kind, `Tổ chức ${randomBytes(3).toString('hex')}`]);
    return row!.id;
  }

  it('an administrator links and unlinks an agency organisation (audited); the agency shows it', async () => {
    const organisationId = await organisation('agency');
    const mark = await lastAuditId(t.database);
    const linked = await admin.patch(`/api/v1/organisations/${organisationId}/agency`, { agencyId: id('hp_doh') });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ id: organisationId, agencyId: id('hp_doh') });
    const [audit] = await auditSince(t.database, mark);
    expect(audit).toMatchObject({ action: 'organisation.agency_linked', object_id: organisationId, summary: { before: { agencyId: null }, after: { agencyId: id('hp_doh') } } });
    expect((await admin.get(`/api/v1/agencies/${id('hp_doh')}`)).body.organisations.map((o: { id: string }) => o.id)).toContain(organisationId);
    const unlinked = await admin.patch(`/api/v1/organisations/${organisationId}/agency`, { agencyId: null });
    expect(unlinked.body.agencyId).toBeNull();
  });

  it('refuses linking a non-agency organisation or an unknown agency, and other roles, writing nothing', async () => {
    const enterpriseId = await organisation('enterprise');
    const agencyOrgId = await organisation('agency');
    const before = await snapshot();
    const wrongKind = await admin.patch(`/api/v1/organisations/${enterpriseId}/agency`, { agencyId: id('hp_doh') });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.code).toBe('ORGANISATION_NOT_AGENCY');
    const unknown = await admin.patch(`/api/v1/organisations/${agencyOrgId}/agency`, { agencyId: randomUUID() });
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'agencyId' }] } });
    expect((await leader.patch(`/api/v1/organisations/${agencyOrgId}/agency`, { agencyId: id('hp_doh') })).status).toBe(403);
    const enterprise = await admin.post('/api/v1/organisations', { kind: 'enterprise', name: 'Công ty thử nghiệm liên kết', agencyId: id('hp_doh') });
    expect(enterprise.body.code).toBe('ORGANISATION_NOT_AGENCY');
    expect(await snapshot()).toBe(before);
  });

  it('creates an agency organisation already linked to its agency', async () => {
    const created = await admin.post('/api/v1/organisations', { kind: 'agency', name: `Sở Nông nghiệp và Môi trường ${randomBytes(2).toString('hex')}`, agencyId: id('hp_agriculture_environment') });
    expect(created.status).toBe(201);
    expect(created.body.agencyId).toBe(id('hp_agriculture_environment'));
  });
});
