import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';
import { ANONYMOUS, type Ctx } from '../../core/context.js';
import { agenciesOn, currentSuccessor, resolvePlanRole } from './index.js';

let t: TestApp;
let ctx: Ctx;
let admin: Client;
let officer: Client;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  ctx = { db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'vi', requestId: randomUUID(), ip: null, config: t.config };
  admin = await clientFor(t, await createUser(t.database, 'admin'));
  officer = await clientFor(t, await createUser(t.database, 'dost_officer'));
  for (const row of await t.database.query<{ id: string; code: string }>('SELECT id, code FROM agencies')) ids.set(row.code, row.id);
});
afterAll(() => t.close());

const id = (code: string) => ids.get(code)!;
const codes = (agencies: { code: string }[]) => agencies.map((a) => a.code).sort();
const newCode = () => `test_${randomBytes(4).toString('hex')}`;

/** Every row an agency use case may write; a refused or invalid request must leave it unchanged. */
async function snapshot(): Promise<string> {
  const [row] = await t.database.query(
    `SELECT (SELECT string_agg(id::text || coalesce(valid_to::text, '-') || valid_from::text || name_vi || coalesce(note_vi, ''), ',' ORDER BY id) FROM agencies) AS a,
            (SELECT string_agg(id::text || coalesce(valid_to::text, '-'), ',' ORDER BY id) FROM plan_role_assignments) AS b,
            (SELECT count(*)::int FROM agency_lineage_events) AS c,
            (SELECT string_agg(id::text || coalesce(agency_id::text, '-'), ',' ORDER BY id) FROM organisations) AS d,
            (SELECT count(*)::int FROM audit_events WHERE action <> 'authz.denied') AS e`,
  );
  return JSON.stringify(row);
}

async function createAgency(body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/agencies', {
    code: newCode(),
    nameVi: 'Sở Thử nghiệm',
    nameEn: 'Test Department',
    kind: 'provincial_department',
    level: 'province',
    validFrom: '2020-01-01',
    sourceFrom: 'Quyết định thử nghiệm',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string; validFrom: string; validTo: string | null };
}

describe('the seeded register: plan section IV as on 10/04/2019 and the 2025 reorganisation', () => {
  it('lists the agencies of the plan in force on the plan date, none of the 2025 ones', async () => {
    const res = await new Client(t.app).get('/api/v1/agencies?at=2019-04-10&pageSize=100');
    expect(res.status).toBe(200);
    const listed = codes(res.body.items);
    for (const code of ['hp_people_committee', 'hp_dost', 'hp_mic', 'hp_dpi', 'hp_dof', 'sbv_hp_branch', 'hp_tax_department', 'hp_doit', 'hp_dard', 'hp_donre', 'hp_doc', 'hp_dot', 'hp_doh', 'hp_doet', 'hp_dolisa', 'hp_heza', 'hp_district_pcs']) {
      expect(listed).toContain(code);
    }
    expect(listed).not.toContain('hp_agriculture_environment');
    expect(listed).not.toContain('hp_commune_pcs');
    const dost = res.body.items.find((a: { code: string }) => a.code === 'hp_dost');
    expect(dost.roles.map((r: { roleCode: string }) => r.roleCode)).toContain('st_authority');
    expect(dost.nameVi).toBe('Sở Khoa học và Công nghệ thành phố Hải Phòng');
  });

  it('lists the merged city in 2026: successors in, merged departments, districts and Hải Dương out', async () => {
    const res = await new Client(t.app).get('/api/v1/agencies?at=2026-01-01&pageSize=100');
    const listed = codes(res.body.items);
    for (const code of ['hp_dost', 'hp_dof', 'hp_doc', 'hp_agriculture_environment', 'hp_home_affairs', 'hp_heza_2025', 'hp_commune_pcs', 'hp_people_committee']) {
      expect(listed).toContain(code);
    }
    for (const code of ['hp_mic', 'hp_dpi', 'hp_dard', 'hp_donre', 'hp_dot', 'hp_dolisa', 'hp_heza', 'hp_district_pcs', 'hd_people_committee']) {
      expect(listed).not.toContain(code);
    }
    const dof = res.body.items.find((a: { code: string }) => a.code === 'hp_dof');
    expect(dof.predecessors).toEqual([expect.objectContaining({ eventDate: '2025-03-01', kind: 'absorbed', agency: expect.objectContaining({ code: 'hp_dpi' }) })]);
    expect(dof.roles.map((r: { roleCode: string }) => r.roleCode)).toContain('investment_registration');
  });

  it('keeps unverified facts flagged: SBV branch and Tax Department names, the Economic Zone Authority dates', async () => {
    const res = await new Client(t.app).get('/api/v1/agencies?scope=all&pageSize=100');
    const verified = Object.fromEntries(res.body.items.map((a: { code: string; verified: boolean }) => [a.code, a.verified]));
    expect(verified).toMatchObject({ sbv_hp_branch: false, hp_tax_department: false, hp_heza: false, hp_heza_2025: false, hp_dost: true, hp_dpi: true });
    const heza = res.body.items.find((a: { code: string }) => a.code === 'hp_heza_2025');
    expect(heza.validFrom).toBe('2025-07-01');
    expect(heza.noteEn).toMatch(/assumption/);
    expect(heza.predecessors[0]).toMatchObject({ kind: 're_established', verified: false, agency: { code: 'hp_heza' } });
  });

  it('links the seeded organisations (DOST, People’s Committee, Finance, Industry and Trade) to their agencies', async () => {
    const rows = await t.database.query<{ name: string; code: string }>(
      'SELECT o.name, a.code FROM organisations o JOIN agencies a ON a.id = o.agency_id ORDER BY a.code',
    );
    expect(rows.map((r) => r.code)).toEqual(['hp_dof', 'hp_doit', 'hp_dost', 'hp_people_committee']);
    const detail = await admin.get(`/api/v1/agencies/${id('hp_dost')}`);
    expect(detail.body.organisations.map((o: { name: string }) => o.name)).toEqual(['Sở Khoa học và Công nghệ thành phố Hải Phòng']);
    expect((await new Client(t.app).get(`/api/v1/agencies/${id('hp_dost')}`)).body.organisations).toBeNull();
  });

  it('finds agencies by name with or without diacritics, and sorts Vietnamese names without byte order', async () => {
    const client = new Client(t.app);
    for (const q of ['Sở Tài chính', 'so tai chinh', 'SO TAI CHINH', 'DOF']) {
      const res = await client.get(`/api/v1/agencies?q=${encodeURIComponent(q)}`);
      expect(codes(res.body.items), q).toEqual(['hp_dof']);
    }
    const sorted = await client.get('/api/v1/agencies?at=2026-01-01&sort=name&order=asc&pageSize=100');
    const names: string[] = sorted.body.items.map((a: { nameVi: string }) => a.nameVi);
    expect(names.indexOf('Ủy ban nhân dân thành phố Hải Phòng')).toBeGreaterThan(names.indexOf('Sở Y tế thành phố Hải Phòng'));
    expect(names.indexOf('Ban Quản lý Khu kinh tế Hải Phòng')).toBe(0);
    const paged = await client.get('/api/v1/agencies?at=2026-01-01&kind=provincial_department&page=2&pageSize=3&sort=code&order=desc');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 3, at: '2026-01-01' });
    expect(paged.body.items).toHaveLength(3);
    expect(paged.body.items.every((a: { kind: string }) => a.kind === 'provincial_department')).toBe(true);
  });

  it('shows an agency with predecessors, successors, roles over time and today’s successor', async () => {
    const dpi = await new Client(t.app).get(`/api/v1/agencies/${id('hp_dpi')}`);
    expect(dpi.status).toBe(200);
    expect(dpi.body).toMatchObject({ code: 'hp_dpi', validTo: '2025-02-28', currentSuccessor: { code: 'hp_dof' } });
    expect(dpi.body.successors.map((l: { agency: { code: string } }) => l.agency.code)).toEqual(['hp_dof']);
    expect(dpi.body.roles.find((r: { roleCode: string }) => r.roleCode === 'investment_registration')).toMatchObject({ validFrom: '2019-04-10', validTo: '2025-02-28', verified: true });
    const dae = await new Client(t.app).get(`/api/v1/agencies/${id('hp_agriculture_environment')}`);
    expect(codes(dae.body.predecessors.map((l: { agency: { code: string } }) => l.agency))).toEqual(['hp_dard', 'hp_donre']);
  });

  it('answers 404 for an unknown agency and 400 for a date that does not exist', async () => {
    const client = new Client(t.app);
    expect((await client.get(`/api/v1/agencies/${randomUUID()}`)).status).toBe(404);
    const bad = await client.get('/api/v1/agencies?at=2025-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].path).toBe('querystring.at');
  });
});

describe('resolvePlanRole, currentSuccessor, agenciesOn (for other modules)', () => {
  it('routes investment registration to Planning and Investment before 01/03/2025 and to Finance after', async () => {
    expect(codes(await resolvePlanRole(ctx, { role: 'investment_registration', at: '2024-06-01' }))).toEqual(['hp_dpi']);
    expect(codes(await resolvePlanRole(ctx, { role: 'investment_registration', at: '2025-02-28' }))).toEqual(['hp_dpi']);
    expect(codes(await resolvePlanRole(ctx, { role: 'investment_registration', at: '2025-03-01' }))).toEqual(['hp_dof']);
    expect(codes(await resolvePlanRole(ctx, { role: 'investment_registration', at: '2026-01-01' }))).toEqual(['hp_dof']);
    expect(codes(await resolvePlanRole(ctx, { role: 'investment_registration' }))).toEqual(['hp_dof']);
  });

  it('routes local implementation to district People’s Committees until 30/06/2025 and to communes from 01/07/2025', async () => {
    expect(codes(await resolvePlanRole(ctx, { role: 'commune_implementation', at: '2025-06-30' }))).toEqual(['hp_district_pcs']);
    expect(codes(await resolvePlanRole(ctx, { role: 'commune_implementation', at: '2025-07-01' }))).toEqual(['hp_commune_pcs']);
  });

  it('follows the Economic Zone Authority and the sector departments through both reorganisations', async () => {
    expect(codes(await resolvePlanRole(ctx, { role: 'technology_appraisal_partner', at: '2024-01-01' }))).toEqual(['hp_dpi', 'hp_heza']);
    expect(codes(await resolvePlanRole(ctx, { role: 'technology_appraisal_partner', at: '2025-05-01' }))).toEqual(['hp_dof', 'hp_heza']);
    expect(codes(await resolvePlanRole(ctx, { role: 'technology_appraisal_partner', at: '2025-07-01' }))).toEqual(['hp_dof', 'hp_heza_2025']);
    const sector2026 = codes(await resolvePlanRole(ctx, { role: 'catalog_amendment_proposer', at: '2026-01-01' }));
    expect(sector2026).toEqual(['hp_agriculture_environment', 'hp_doc', 'hp_doh', 'hp_doit', 'hp_dost']);
    const evaluation = codes(await resolvePlanRole(ctx, { role: 'yearly_evaluation_due_30_11', at: '2026-11-01' }));
    expect(evaluation).toContain('hp_commune_pcs');
    expect(evaluation).not.toContain('hp_dost');
    expect(await resolvePlanRole(ctx, { role: 'no_such_role', at: '2026-01-01' })).toEqual([]);
  });

  it('gives today’s successor, or the agency itself before its end', async () => {
    expect((await currentSuccessor(ctx, id('hp_dard'), '2024-12-31'))?.code).toBe('hp_dard');
    expect((await currentSuccessor(ctx, id('hp_dard'), '2025-03-01'))?.code).toBe('hp_agriculture_environment');
    expect((await currentSuccessor(ctx, id('hd_people_committee'), '2026-01-01'))?.code).toBe('hp_people_committee');
    expect((await currentSuccessor(ctx, id('hp_district_pcs'), '2026-01-01'))?.code).toBe('hp_commune_pcs');
    expect((await currentSuccessor(ctx, id('hp_agriculture_environment'), '2024-01-01'))).toBeNull();
  });

  it('lists the agencies in force on a date', async () => {
    const before = codes(await agenciesOn(ctx, '2025-02-28'));
    const after = codes(await agenciesOn(ctx, '2025-03-01'));
    expect(before).toContain('hp_mic');
    expect(after).not.toContain('hp_mic');
    expect(after).toContain('hp_agriculture_environment');
    expect(before.length - after.length).toBe(5); // six departments end, one is created
  });
});

describe('administrators register, edit and end agencies', () => {
  it('creates an agency, audited', async () => {
    const mark = await lastAuditId(t.database);
    const created = await createAgency({ shortNameVi: 'Sở TN', noteVi: 'Ghi chú' });
    expect(created).toMatchObject({ validFrom: '2020-01-01', validTo: null });
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['agency.created']);
    expect(audit[0]).toMatchObject({ object_type: 'agency', object_id: created.id, summary: { after: { code: created.code } } });
  });

  it('refuses other roles and visitors, writing nothing', async () => {
    const before = await snapshot();
    const body = { code: newCode(), nameVi: 'Sở X', nameEn: 'Test X', kind: 'other', level: 'province', validFrom: '2020-01-01', sourceFrom: 'Thử nghiệm' };
    expect((await officer.post('/api/v1/agencies', body)).status).toBe(403);
    const visitor = new Client(t.app);
    expect((await visitor.post('/api/v1/agencies', body)).status).toBe(401);
    expect((await officer.patch(`/api/v1/agencies/${id('hp_dost')}`, { noteVi: 'Thử nghiệm' })).status).toBe(403);
    expect((await officer.post(`/api/v1/agencies/${id('hp_dost')}/end`, { validTo: '2030-01-01', sourceTo: 'Thử nghiệm' })).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('refuses an end date before the start date, a duplicate code and an unknown kind, writing nothing', async () => {
    const before = await snapshot();
    const reversed = await admin.post('/api/v1/agencies', { code: newCode(), nameVi: 'Sở X', nameEn: 'Test X', kind: 'other', level: 'province', validFrom: '2025-03-01', validTo: '2025-02-28', sourceFrom: 'Thử nghiệm' });
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'validTo', code: 'date_order' }] } });
    expect(reversed.body.details.fields[0].message).toBe('Ngày kết thúc không được trước ngày bắt đầu.');
    const duplicate = await admin.post('/api/v1/agencies', { code: 'hp_dost', nameVi: 'Sở X', nameEn: 'Test X', kind: 'other', level: 'province', validFrom: '2025-03-01', sourceFrom: 'Thử nghiệm' });
    expect(duplicate.body.code).toBe('CONFLICT');
    const kind = await admin.post('/api/v1/agencies', { code: newCode(), nameVi: 'Sở X', nameEn: 'Test X', kind: 'club', level: 'province', validFrom: '2025-03-01', sourceFrom: 'Thử nghiệm' });
    expect(kind.status).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it('edits names and notes (audited with before and after); refuses dates that no longer cover its roles', async () => {
    const agency = await createAgency();
    const assigned = await admin.post('/api/v1/plan-roles/sector_statistics/assignments', { agencyId: agency.id, validFrom: '2021-01-01', citation: 'Thử nghiệm' });
    expect(assigned.status).toBe(201);
    const mark = await lastAuditId(t.database);
    const edited = await admin.patch(`/api/v1/agencies/${agency.id}`, { nameEn: 'Renamed Department', verified: true });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ nameEn: 'Renamed Department', verified: true, nameVi: 'Sở Thử nghiệm' });
    const [audit] = await auditSince(t.database, mark);
    expect(audit).toMatchObject({ action: 'agency.updated', summary: { before: { nameEn: 'Test Department', verified: false }, after: { nameEn: 'Renamed Department', verified: true } } });

    const before = await snapshot();
    const late = await admin.patch(`/api/v1/agencies/${agency.id}`, { validFrom: '2022-01-01' });
    expect(late.body).toMatchObject({ code: 'AGENCY_NOT_IN_FORCE', details: { roles: ['sector_statistics'] } });
    const reversed = await admin.patch(`/api/v1/agencies/${agency.id}`, { validTo: '2019-01-01' });
    expect(reversed.body.code).toBe('VALIDATION_FAILED');
    expect((await admin.patch(`/api/v1/agencies/${randomUUID()}`, { noteVi: 'Thử nghiệm' })).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('ends an agency and its open roles on its last day; ending twice is an invalid transition', async () => {
    const agency = await createAgency();
    await admin.post('/api/v1/plan-roles/sector_statistics/assignments', { agencyId: agency.id, validFrom: '2021-01-01', citation: 'Thử nghiệm' });
    const mark = await lastAuditId(t.database);
    const ended = await admin.post(`/api/v1/agencies/${agency.id}/end`, { validTo: '2025-02-28', sourceTo: 'Sáp nhập thử nghiệm' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ validTo: '2025-02-28', sourceTo: 'Sáp nhập thử nghiệm' });
    const [audit] = await auditSince(t.database, mark);
    expect(audit).toMatchObject({ action: 'agency.ended', summary: { validTo: '2025-02-28', endedRoles: ['sector_statistics'] } });
    const detail = await admin.get(`/api/v1/agencies/${agency.id}`);
    expect(detail.body.roles[0]).toMatchObject({ roleCode: 'sector_statistics', validTo: '2025-02-28' });

    const before = await snapshot();
    const again = await admin.post(`/api/v1/agencies/${agency.id}/end`, { validTo: '2025-12-31', sourceTo: 'Thử nghiệm' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    const other = await createAgency();
    const snap = await snapshot();
    const reversed = await admin.post(`/api/v1/agencies/${other.id}/end`, { validTo: '2019-12-31', sourceTo: 'Thử nghiệm' });
    expect(reversed.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'validTo', code: 'date_order' }] } });
    expect(await snapshot()).toBe(snap);
    expect(before).not.toBe(snap);
  });
});

describe('administrators record lineage events', () => {
  it('records a merger, ends the predecessor the day before and passes its roles to the successor', async () => {
    const predecessor = await createAgency();
    const successor = await createAgency();
    await admin.post('/api/v1/plan-roles/sector_statistics/assignments', { agencyId: predecessor.id, validFrom: '2021-01-01', citation: 'Thử nghiệm' });
    const mark = await lastAuditId(t.database);
    const res = await admin.post(`/api/v1/agencies/${predecessor.id}/lineage`, {
      successorId: successor.id,
      eventDate: '2026-01-01',
      kind: 'absorbed',
      citation: 'Quyết định sáp nhập thử nghiệm',
      verified: true,
      transferRoles: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ predecessorId: predecessor.id, successorId: successor.id, eventDate: '2026-01-01', transferredRoles: ['sector_statistics'] });
    const [audit] = await auditSince(t.database, mark);
    expect(audit).toMatchObject({ action: 'agency.lineage_recorded', object_id: predecessor.id, summary: { successorId: successor.id, transferredRoles: ['sector_statistics'] } });
    const old = await admin.get(`/api/v1/agencies/${predecessor.id}`);
    expect(old.body).toMatchObject({ validTo: '2025-12-31', sourceTo: 'Quyết định sáp nhập thử nghiệm', currentSuccessor: { id: successor.id } });
    const holders = async (at: string) => (await resolvePlanRole(ctx, { role: 'sector_statistics', at })).map((a) => a.id);
    expect(await holders('2025-12-31')).toContain(predecessor.id);
    expect(await holders('2025-12-31')).not.toContain(successor.id);
    expect(await holders('2026-01-01')).toContain(successor.id);
    expect(await holders('2026-01-01')).not.toContain(predecessor.id);
    const next = await admin.get(`/api/v1/agencies/${successor.id}`);
    expect(next.body.roles).toEqual([expect.objectContaining({ roleCode: 'sector_statistics', validFrom: '2026-01-01', validTo: null, verified: false })]);
  });

  it('two administrators linking A→B and B→A at the same moment: one link is recorded, the other is a cycle', async () => {
    const a = await createAgency();
    const b = await createAgency();
    const link = (from: string, to: string) => admin.post(`/api/v1/agencies/${from}/lineage`, { successorId: to, eventDate: '2025-03-01', kind: 'renamed', citation: 'Thử nghiệm' });
    const results = await Promise.all([link(a.id, b.id), link(b.id, a.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('LINEAGE_CYCLE');
  });

  it('refuses a lineage cycle, a link to itself and a successor not in force, writing nothing', async () => {
    const a = await createAgency();
    const b = await createAgency();
    const c = await createAgency({ validFrom: '2027-01-01' });
    expect((await admin.post(`/api/v1/agencies/${a.id}/lineage`, { successorId: b.id, eventDate: '2025-03-01', kind: 'renamed', citation: 'Thử nghiệm' })).status).toBe(201);
    const before = await snapshot();
    const cycle = await admin.post(`/api/v1/agencies/${b.id}/lineage`, { successorId: a.id, eventDate: '2026-01-01', kind: 'renamed', citation: 'Thử nghiệm' });
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('LINEAGE_CYCLE');
    const self = await admin.post(`/api/v1/agencies/${b.id}/lineage`, { successorId: b.id, eventDate: '2026-01-01', kind: 'renamed', citation: 'Thử nghiệm' });
    expect(self.body.code).toBe('LINEAGE_CYCLE');
    const early = await admin.post(`/api/v1/agencies/${b.id}/lineage`, { successorId: c.id, eventDate: '2026-01-01', kind: 'renamed', citation: 'Thử nghiệm' });
    expect(early.body.code).toBe('AGENCY_NOT_IN_FORCE');
    const denied = await officer.post(`/api/v1/agencies/${b.id}/lineage`, { successorId: c.id, eventDate: '2027-01-01', kind: 'renamed', citation: 'Thử nghiệm' });
    expect(denied.status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('removes a lineage event recorded by mistake (audited); others may not', async () => {
    const a = await createAgency();
    const b = await createAgency();
    const event = await admin.post(`/api/v1/agencies/${a.id}/lineage`, { successorId: b.id, eventDate: '2025-03-01', kind: 'split', citation: 'Thử nghiệm' });
    const before = await snapshot();
    expect((await officer.delete(`/api/v1/agency-lineage/${event.body.id}`)).status).toBe(403);
    expect(await snapshot()).toBe(before);
    const mark = await lastAuditId(t.database);
    expect((await admin.delete(`/api/v1/agency-lineage/${event.body.id}`)).status).toBe(200);
    expect((await auditSince(t.database, mark)).map((r) => r.action)).toEqual(['agency.lineage_removed']);
    expect((await admin.get(`/api/v1/agencies/${a.id}`)).body.successors).toEqual([]);
    expect((await admin.delete(`/api/v1/agency-lineage/${event.body.id}`)).status).toBe(404);
  });
});
