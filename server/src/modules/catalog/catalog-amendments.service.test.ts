import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';

let t: TestApp;
let sectorOfficer: TestUser; // agency_officer of department A
let sectorColleague: TestUser; // agency_leader of the same department
let otherDepartment: TestUser; // agency_officer of department B
let dostOfficer: TestUser;
let dostLeader: TestUser;
let cityLeader: TestUser;
let admin: TestUser;
let enterprise: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  sectorOfficer = await createUser(t.database, 'agency_officer');
  sectorColleague = await createUser(t.database, 'agency_leader', { organisationId: sectorOfficer.organisationId! });
  otherDepartment = await createUser(t.database, 'agency_officer');
  dostOfficer = await createUser(t.database, 'dost_officer');
  dostLeader = await createUser(t.database, 'dost_leader');
  cityLeader = await createUser(t.database, 'city_leader');
  admin = await createUser(t.database, 'admin');
  enterprise = await createUser(t.database, 'enterprise_admin');
});
afterAll(() => t.close());

const TABLES = ['catalog_amendments', 'catalog_versions', 'catalog_items', 'catalog_version_events'];
async function snapshot(): Promise<string> {
  const counts = await Promise.all(TABLES.map((table) => countRows(t.database, table)));
  const [audit] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action <> 'authz.denied'`);
  const [statuses] = await t.database.query<{ s: string | null }>(`SELECT string_agg(status || coalesce(decision_note, ''), ',' ORDER BY id) AS s FROM catalog_amendments`);
  return JSON.stringify([counts, audit?.n, statuses?.s]);
}

const addition = {
  kind: 'add',
  sectorCode: '1.7',
  nameVi: 'Công nghệ thu hồi và lưu trữ các-bon',
  nameEn: 'Carbon capture and storage technology',
  descriptionVi: 'Thu hồi CO₂ từ khí thải công nghiệp.',
  keywordsVi: ['các-bon', 'CO2'],
  keywordsEn: ['carbon capture', 'CCS'],
  vsic: ['35', 'c'],
  justification: 'Phù hợp mục tiêu giảm phát thải của thành phố giai đoạn 2026–2030.',
};

describe('proposing an amendment (plan IV.6)', () => {
  it('a sector-department officer proposes a new direction; it is listed as proposed for their department', async () => {
    const officer = await clientFor(t, sectorOfficer);
    const res = await officer.post('/api/v1/catalog/amendments', addition);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'add', status: 'proposed', sectorCode: '1.7', itemCode: null, requestedCode: null, organisationId: sectorOfficer.organisationId, canWithdraw: true });
    expect(res.body.changes).toMatchObject({ nameVi: addition.nameVi, vsic: ['35', 'C'] });
    const [audit] = await t.database.query<{ action: string; object_id: string }>(`SELECT action, object_id FROM audit_events WHERE action = 'catalog.amendment_proposed' ORDER BY id DESC LIMIT 1`);
    expect(audit?.object_id).toBe(res.body.id);
  });

  it('a reword keeps only the fields that change, and names the direction as it is now', async () => {
    const officer = await clientFor(t, sectorOfficer);
    const current = (await officer.get('/api/v1/catalog/items/1.7.1')).body;
    const res = await officer.post('/api/v1/catalog/amendments', {
      kind: 'reword',
      sectorCode: '1.7',
      itemCode: '1.7.1',
      nameVi: current.nameVi,
      nameEn: 'Modern technologies for treating environmental pollution',
      justification: 'Tên tiếng Anh rõ nghĩa hơn.',
    });
    expect(res.status).toBe(201);
    expect(res.body.changes).toEqual({ nameEn: 'Modern technologies for treating environmental pollution' });
    expect(res.body.currentItem.nameVi).toBe(current.nameVi);
  });

  it('a DOST officer proposes to retire a direction', async () => {
    const res = await (await clientFor(t, dostOfficer)).post('/api/v1/catalog/amendments', { kind: 'retire', sectorCode: '1.5', itemCode: '1.5.2', justification: 'Đã được bao hàm trong hướng 1.5.1.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'retire', itemCode: '1.5.2', changes: {} });
  });

  it('links to national-list items in force, refusing unknown ones', async () => {
    const officer = await clientFor(t, sectorOfficer);
    const candidates = await officer.get('/api/v1/catalog/link-candidates?listType=encouraged');
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.length).toBeGreaterThan(0);
    expect(candidates.body.items.every((i: { listType: string }) => i.listType === 'encouraged')).toBe(true);
    const linked = await officer.post('/api/v1/catalog/amendments', { ...addition, nameEn: 'Linked direction', listItemIds: [candidates.body.items[0].id] });
    expect(linked.status).toBe(201);
    const before = await snapshot();
    const unknown = await officer.post('/api/v1/catalog/amendments', { ...addition, listItemIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.fields[0].path).toBe('listItemIds');
    expect(await snapshot()).toBe(before);
  });

  it('refuses bad input with translated field errors and writes nothing', async () => {
    const officer = await clientFor(t, sectorOfficer);
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [{ ...addition, justification: 'ngắn' }, 'justification'],
      [{ ...addition, nameVi: undefined }, 'nameVi'],
      [{ kind: 'reword', sectorCode: '1.7', justification: addition.justification, nameVi: 'x y' }, 'itemCode'],
      [{ kind: 'reword', sectorCode: '1.7', itemCode: '1.3.1', justification: addition.justification, nameVi: 'Tên mới' }, 'itemCode'],
      [{ kind: 'retire', sectorCode: '1.7', itemCode: '1.7.99', justification: addition.justification }, 'itemCode'],
      [{ kind: 'reword', sectorCode: '1.7', itemCode: '1.7.1', justification: addition.justification }, 'nameVi'],
      [{ ...addition, sectorCode: '1.9' }, 'sectorCode'],
      [{ ...addition, vsic: ['XYZ'] }, 'vsic.0'],
    ];
    for (const [body, path] of cases) {
      const res = await officer.request('POST', '/api/v1/catalog/amendments', body, { 'accept-language': 'en' });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields.map((f: { path: string }) => f.path)).toContain(path);
      expect(res.body.details.fields[0].message).toMatch(/[a-z]/);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a code that is or was in use (CATALOG_CODE_TAKEN) and accepts a fresh one', async () => {
    const officer = await clientFor(t, sectorOfficer);
    const before = await snapshot();
    const taken = await officer.post('/api/v1/catalog/amendments', { ...addition, itemCode: '1.7.2' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'CATALOG_CODE_TAKEN', details: { field: 'itemCode' } });
    expect(await snapshot()).toBe(before);
    const fresh = await officer.post('/api/v1/catalog/amendments', { ...addition, itemCode: '1.7.9' });
    expect(fresh.status).toBe(201);
    expect(fresh.body.requestedCode).toBe('1.7.9');
  });

  it('refuses roles that may not propose (DOST leader, city leader, administrator, enterprise, visitor) and writes nothing', async () => {
    const before = await snapshot();
    for (const user of [dostLeader, cityLeader, admin, enterprise]) {
      const res = await (await clientFor(t, user)).post('/api/v1/catalog/amendments', addition);
      expect(res.status, user.role).toBe(403);
    }
    const anonymous = new Client(t.app);
    expect((await anonymous.post('/api/v1/catalog/amendments', addition)).status).toBe(401);
    expect(await snapshot()).toBe(before);
  });
});

describe('listing and exporting proposals', () => {
  it('a department sees its own proposals only; DOST, city leaders and administrators see all', async () => {
    await (await clientFor(t, otherDepartment)).post('/api/v1/catalog/amendments', { ...addition, nameVi: 'Đề xuất của sở khác' });
    const own = (await (await clientFor(t, sectorColleague)).get('/api/v1/catalog/amendments?pageSize=100')).body;
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((a: { organisationId: string }) => a.organisationId === sectorOfficer.organisationId)).toBe(true);
    expect(own.organisations.map((o: { id: string }) => o.id)).toEqual([sectorOfficer.organisationId]);
    for (const user of [dostOfficer, cityLeader, admin]) {
      const all = (await (await clientFor(t, user)).get('/api/v1/catalog/amendments?pageSize=100')).body;
      expect(all.total, user.role).toBe(Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM catalog_amendments'))[0]!.n));
      expect(all.organisations.length).toBeGreaterThanOrEqual(3);
    }
    expect((await (await clientFor(t, enterprise)).get('/api/v1/catalog/amendments')).status).toBe(403);
  });

  it('filters by status, kind, sector and organisation, sorts and pages', async () => {
    const dost = await clientFor(t, dostOfficer);
    const retire = (await dost.get('/api/v1/catalog/amendments?kind=retire')).body;
    expect(retire.items.map((a: { itemCode: string }) => a.itemCode)).toEqual(['1.5.2']);
    const byOrg = (await dost.get(`/api/v1/catalog/amendments?organisationId=${otherDepartment.organisationId}`)).body;
    expect(byOrg.total).toBe(1);
    const sector = (await dost.get('/api/v1/catalog/amendments?sectorCode=1.7&sort=sector&order=asc&pageSize=2&page=1')).body;
    expect(sector.items).toHaveLength(2);
    expect(sector.total).toBeGreaterThan(2);
    expect(sector.items.every((a: { sectorCode: string }) => a.sectorCode === '1.7')).toBe(true);
    const bad = await dost.get('/api/v1/catalog/amendments?status=approved');
    expect(bad.status).toBe(400);
  });

  it('exports the list as CSV (translated headers, formula cells escaped) and XLSX', async () => {
    const officer = await clientFor(t, sectorOfficer);
    await officer.post('/api/v1/catalog/amendments', { ...addition, nameVi: '=HYPERLINK("http://x")', nameEn: 'Formula test' });
    const csv = await officer.request('GET', '/api/v1/catalog/amendments/export?format=csv', undefined, { 'accept-language': 'vi' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain('Lý do');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.body).not.toContain('Đề xuất của sở khác');
    const xlsx = await officer.get('/api/v1/catalog/amendments/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('withdrawing and rejecting proposals', () => {
  async function propose(user: TestUser, nameVi: string): Promise<string> {
    const res = await (await clientFor(t, user)).post('/api/v1/catalog/amendments', { ...addition, nameVi });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  it('a colleague of the proposing department withdraws; another department cannot see it; a second withdrawal is an illegal transition', async () => {
    const id = await propose(sectorOfficer, 'Sẽ rút lại');
    const before = await snapshot();
    expect((await (await clientFor(t, otherDepartment)).post(`/api/v1/catalog/amendments/${id}/withdraw`)).status).toBe(404);
    expect((await (await clientFor(t, cityLeader)).post(`/api/v1/catalog/amendments/${id}/withdraw`)).status).toBe(403);
    expect(await snapshot()).toBe(before);
    const withdrawn = await (await clientFor(t, sectorColleague)).post(`/api/v1/catalog/amendments/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    const after = await snapshot();
    const again = await (await clientFor(t, sectorOfficer)).post(`/api/v1/catalog/amendments/${id}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    expect(await snapshot()).toBe(after);
  });

  it('a DOST officer that did not propose cannot withdraw another organisation’s proposal', async () => {
    const id = await propose(sectorOfficer, 'Của sở A');
    const before = await snapshot();
    const res = await (await clientFor(t, dostOfficer)).post(`/api/v1/catalog/amendments/${id}/withdraw`);
    expect(res.status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('DOST rejects with a reason the proposer reads; the reason is required; rejecting twice is an illegal transition', async () => {
    const id = await propose(sectorOfficer, 'Sẽ bị từ chối');
    const dost = await clientFor(t, dostOfficer);
    const before = await snapshot();
    const noReason = await dost.post(`/api/v1/catalog/amendments/${id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields[0].path).toBe('reason');
    for (const user of [sectorOfficer, dostLeader, admin]) {
      expect((await (await clientFor(t, user)).post(`/api/v1/catalog/amendments/${id}/reject`, { reason: 'Không phù hợp' })).status, user.role).toBe(403);
    }
    expect(await snapshot()).toBe(before);
    const rejected = await dost.post(`/api/v1/catalog/amendments/${id}/reject`, { reason: 'Trùng với hướng 1.7.1.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'Trùng với hướng 1.7.1.' });
    const seen = (await (await clientFor(t, sectorOfficer)).get('/api/v1/catalog/amendments?status=rejected')).body.items.find((a: { id: string }) => a.id === id);
    expect(seen.decisionNote).toBe('Trùng với hướng 1.7.1.');
    const after = await snapshot();
    expect((await dost.post(`/api/v1/catalog/amendments/${id}/reject`, { reason: 'Lần nữa' })).body.code).toBe('INVALID_TRANSITION');
    expect((await (await clientFor(t, sectorOfficer)).post(`/api/v1/catalog/amendments/${id}/withdraw`)).body.code).toBe('INVALID_TRANSITION');
    expect(await snapshot()).toBe(after);
  });
});
