import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { listCurrentItems, vietnamToday } from './index.js';

let t: TestApp;
let sectorOfficer: TestUser;
let dostOfficer: TestUser;
let dostOfficer2: TestUser;
let dostLeader: TestUser;
let admin: TestUser;
let cityLeader: TestUser;
const clients = new Map<TestUser, Client>();
const as = async (user: TestUser) => clients.get(user) ?? clients.set(user, await clientFor(t, user)).get(user)!;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const today = vietnamToday();
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_BYTES: '65536' });
  sectorOfficer = await createUser(t.database, 'agency_officer');
  dostOfficer = await createUser(t.database, 'dost_officer');
  dostOfficer2 = await createUser(t.database, 'dost_officer', { organisationId: dostOfficer.organisationId! });
  dostLeader = await createUser(t.database, 'dost_leader', { organisationId: dostOfficer.organisationId! });
  admin = await createUser(t.database, 'admin');
  cityLeader = await createUser(t.database, 'city_leader');
});
afterAll(() => t.close());

const TABLES = ['catalog_versions', 'catalog_sectors', 'catalog_items', 'catalog_item_list_links', 'catalog_amendments', 'catalog_version_events', 'stored_files'];
/** Everything a refused or illegal step must leave as it was. */
async function snapshot(): Promise<string> {
  const counts = await Promise.all(TABLES.map((table) => countRows(t.database, table)));
  const [audit] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action <> 'authz.denied'`);
  const [versions] = await t.database.query<{ s: string }>(
    `SELECT string_agg(concat_ws('|', status, revision, effective_from, effective_to, decision_number), ',' ORDER BY created_at) AS s FROM catalog_versions`,
  );
  const [amendments] = await t.database.query<{ s: string }>(`SELECT string_agg(concat_ws('|', status, version_id, item_code), ',' ORDER BY created_at) AS s FROM catalog_amendments`);
  const [items] = await t.database.query<{ s: string }>(`SELECT md5(string_agg(concat_ws('|', version_id, code, name_vi, name_en), ',' ORDER BY version_id, code)) AS s FROM catalog_items`);
  return JSON.stringify([counts, audit?.n, versions?.s, amendments?.s, items?.s]);
}

async function propose(body: Record<string, unknown>, user = sectorOfficer): Promise<string> {
  const res = await (await as(user)).post('/api/v1/catalog/amendments', { justification: 'Theo đề nghị của sở chuyên ngành năm 2026.', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function workspace(id: string, user = dostOfficer) {
  const res = await (await as(user)).get(`/api/v1/catalog/versions/${id}/workspace`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A multipart approval request, as a browser form would send it. */
async function approve(user: TestUser, id: string, fields: Record<string, string | number>, file: { name: string; content: Buffer } | null = { name: 'QĐ 1234.pdf', content: PDF }) {
  const client = await as(user);
  const res = await client.postForm(`/api/v1/catalog/versions/${id}/approve`, fields, file, { 'accept-language': 'en' });
  return { status: res.status, body: res.body };
}

let draftId = '';
let revision = 0;
const ids: Record<string, string> = {};

describe('a draft version consolidates proposals (DOST officer)', () => {
  beforeAll(async () => {
    ids.add = await propose({ kind: 'add', sectorCode: '1.7', nameVi: 'Công nghệ thu hồi các-bon', nameEn: 'Carbon capture technology', keywordsVi: ['các-bon'], vsic: ['35'] });
    ids.reword = await propose({ kind: 'reword', sectorCode: '1.1', itemCode: '1.1.1', nameEn: 'Core, high and platform IT technologies' });
    ids.retire = await propose({ kind: 'retire', sectorCode: '1.5', itemCode: '1.5.2' }, dostOfficer);
    ids.withdrawn = await propose({ kind: 'add', sectorCode: '1.2', nameVi: 'Sẽ rút', nameEn: 'Withdrawn' });
    expect((await (await as(sectorOfficer)).post(`/api/v1/catalog/amendments/${ids.withdrawn}/withdraw`)).status).toBe(200);
  });

  it('refuses to open a draft for roles other than the DOST officer, writing nothing', async () => {
    const before = await snapshot();
    for (const user of [sectorOfficer, dostLeader, admin, cityLeader]) expect((await (await as(user)).post('/api/v1/catalog/versions', {})).status, user.role).toBe(403);
    expect((await new Client(t.app).post('/api/v1/catalog/versions', {})).status).toBe(401);
    expect(await snapshot()).toBe(before);
  });

  it('opens a draft copied from the approved version; a second one is refused while it is open', async () => {
    const res = await (await as(dostOfficer)).post('/api/v1/catalog/versions', { label: 'Sửa đổi 2026' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', revision: 0 });
    draftId = res.body.id;
    const space = await workspace(draftId);
    expect(space.version).toMatchObject({ label: 'Sửa đổi 2026', status: 'draft', itemCount: 24, effectiveFrom: null });
    expect(space.diff.totals).toEqual({ added: 0, changed: 0, retired: 0 });
    expect(space.actions).toEqual(['include', 'exclude', 'edit_item', 'discard']);
    expect((await workspace(draftId, dostLeader)).actions).toEqual(['submit']);
    expect((await workspace(draftId, admin)).actions).toEqual([]);
    expect(space.events.map((e: { action: string }) => e.action)).toEqual(['create']);

    const before = await snapshot();
    const second = await (await as(dostOfficer2)).post('/api/v1/catalog/versions', {});
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'CATALOG_OPEN_VERSION_EXISTS', details: { versionId: draftId } });
    expect(await snapshot()).toBe(before);
  });

  it('drafts are hidden from the public and from roles without catalog.amendments.read', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get(`/api/v1/catalog/versions/${draftId}`)).status).toBe(404);
    expect((await anonymous.get('/api/v1/catalog/versions')).body.items.map((v: { status: string }) => v.status)).toEqual(['approved']);
    expect((await (await as(cityLeader)).get('/api/v1/catalog/versions')).body.items.map((v: { status: string }) => v.status)).toEqual(['draft', 'approved']);
  });

  it('refuses to submit a draft without changes (INVALID_TRANSITION), changing nothing', async () => {
    const before = await snapshot();
    const res = await (await as(dostLeader)).post(`/api/v1/catalog/versions/${draftId}/submit`, { revision });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'noChanges' } });
    expect(await snapshot()).toBe(before);
  });

  it('includes an addition (next free code), a reword and a retirement; the draft shows them against its base', async () => {
    const officer = await as(dostOfficer);
    for (const key of ['add', 'reword', 'retire']) {
      const res = await officer.post(`/api/v1/catalog/versions/${draftId}/include`, { revision, amendmentId: ids[key] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.revision).toBe(revision + 1);
      revision = res.body.revision;
    }
    const space = await workspace(draftId);
    expect(space.diff.totals).toEqual({ added: 1, changed: 1, retired: 1 });
    const environment = space.diff.sectors.find((s: { code: string }) => s.code === '1.7');
    expect(environment.added[0]).toMatchObject({ code: '1.7.4', nameVi: 'Công nghệ thu hồi các-bon', vsic: ['35'] });
    const it11 = space.diff.sectors.find((s: { code: string }) => s.code === '1.1').changed[0];
    expect(it11).toMatchObject({ code: '1.1.1', fields: [{ field: 'nameEn', after: 'Core, high and platform IT technologies' }] });
    expect(space.diff.sectors.find((s: { code: string }) => s.code === '1.5').retired[0].code).toBe('1.5.2');
    expect(space.amendments.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      [ids.add, 'included'],
      [ids.reword, 'included'],
      [ids.retire, 'included'],
    ]);
    expect(space.amendments[0].itemCode).toBe('1.7.4');
    expect(space.events.map((e: { action: string }) => e.action)).toEqual(['create', 'include', 'include', 'include']);
  });

  it("another sector department's officer reads the draft but not the proposals of other organisations", async () => {
    const otherOfficer = await createUser(t.database, 'agency_officer');
    const space = await workspace(draftId, otherOfficer);
    expect(space.diff.totals).toEqual({ added: 1, changed: 1, retired: 1 });
    expect(space.amendments).toEqual([]);
    const own = (await workspace(draftId, sectorOfficer)).amendments;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((a: { organisationId: string }) => a.organisationId === sectorOfficer.organisationId)).toBe(true);
    expect((await workspace(draftId)).amendments).toHaveLength(3);
  });

  it('a stale revision (another officer changed the draft) answers CONFLICT and changes nothing', async () => {
    const before = await snapshot();
    const res = await (await as(dostOfficer2)).patch(`/api/v1/catalog/versions/${draftId}/items/1.1.2`, { revision: revision - 1, nameVi: 'Sửa trên bản cũ' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { currentRevision: revision } });
    expect(await snapshot()).toBe(before);
  });

  it('the DOST officer edits a direction of the draft directly; a no-op edit is refused', async () => {
    const officer = await as(dostOfficer2);
    const res = await officer.patch(`/api/v1/catalog/versions/${draftId}/items/1.1.2`, { revision, nameVi: 'Công nghiệp phần mềm và nội dung số' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    revision = res.body.revision;
    const before = await snapshot();
    const same = await officer.patch(`/api/v1/catalog/versions/${draftId}/items/1.1.2`, { revision, nameVi: 'Công nghiệp phần mềm và nội dung số' });
    expect(same.status).toBe(400);
    expect((await officer.patch(`/api/v1/catalog/versions/${draftId}/items/1.9.9`, { revision, nameVi: 'Không có' })).status).toBe(404);
    expect(await snapshot()).toBe(before);
    expect((await workspace(draftId)).diff.totals.changed).toBe(2);
  });

  it('refuses illegal or foreign steps: including a withdrawn or already included proposal, other roles, changing nothing', async () => {
    const before = await snapshot();
    const withdrawn = await (await as(dostOfficer)).post(`/api/v1/catalog/versions/${draftId}/include`, { revision, amendmentId: ids.withdrawn });
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.code).toBe('INVALID_TRANSITION');
    const twice = await (await as(dostOfficer)).post(`/api/v1/catalog/versions/${draftId}/include`, { revision, amendmentId: ids.add });
    expect(twice.body.code).toBe('INVALID_TRANSITION');
    for (const user of [sectorOfficer, dostLeader, admin, cityLeader]) {
      expect((await (await as(user)).post(`/api/v1/catalog/versions/${draftId}/include`, { revision, amendmentId: ids.reword })).status, user.role).toBe(403);
      expect((await (await as(user)).patch(`/api/v1/catalog/versions/${draftId}/items/1.1.1`, { revision, nameVi: 'Không được' })).status, user.role).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it('excluding a proposal puts its direction back as in the base version; it can be included again', async () => {
    const officer = await as(dostOfficer);
    const base = (await new Client(t.app).get('/api/v1/catalog/items/1.1.1')).body;
    let res = await officer.post(`/api/v1/catalog/versions/${draftId}/exclude`, { revision, amendmentId: ids.reword });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    revision = res.body.revision;
    let space = await workspace(draftId);
    expect(space.diff.totals).toEqual({ added: 1, changed: 1, retired: 1 });
    expect(space.diff.sectors.find((s: { code: string }) => s.code === '1.1').changed.map((c: { code: string }) => c.code)).toEqual(['1.1.2']);
    expect((await (await as(dostOfficer)).get(`/api/v1/catalog/versions/${draftId}`)).body.sectors[0].items[0].nameEn).toBe(base.nameEn);
    const list = (await officer.get('/api/v1/catalog/amendments?status=proposed')).body.items.map((a: { id: string }) => a.id);
    expect(list).toContain(ids.reword);
    res = await officer.post(`/api/v1/catalog/versions/${draftId}/include`, { revision, amendmentId: ids.reword });
    revision = res.body.revision;
    space = await workspace(draftId);
    expect(space.diff.totals).toEqual({ added: 1, changed: 2, retired: 1 });
  });

  it('approving a draft that was not submitted is an illegal transition; nothing is stored', async () => {
    const before = await snapshot();
    const res = await approve(admin, draftId, { revision, decisionNumber: '1234/QĐ-UBND', decisionDate: today, effectiveFrom: today });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
    expect(await snapshot()).toBe(before);
  });
});

describe('submission (DOST leader) and the People’s Committee decision (administrator)', () => {
  it('only the DOST leader submits; then the draft can no longer be edited', async () => {
    const before = await snapshot();
    for (const user of [dostOfficer, admin, sectorOfficer]) expect((await (await as(user)).post(`/api/v1/catalog/versions/${draftId}/submit`, { revision })).status, user.role).toBe(403);
    expect(await snapshot()).toBe(before);
    const res = await (await as(dostLeader)).post(`/api/v1/catalog/versions/${draftId}/submit`, { revision, comment: 'Trình UBND thành phố' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('submitted');
    revision = res.body.revision;
    const after = await snapshot();
    const edit = await (await as(dostOfficer)).patch(`/api/v1/catalog/versions/${draftId}/items/1.1.3`, { revision, nameVi: 'Không sửa được nữa' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('INVALID_TRANSITION');
    expect((await (await as(dostLeader)).post(`/api/v1/catalog/versions/${draftId}/submit`, { revision })).body.code).toBe('INVALID_TRANSITION');
    expect(await snapshot()).toBe(after);
  });

  it('the leader returns it with a comment (required) and submits it again', async () => {
    const leader = await as(dostLeader);
    const before = await snapshot();
    expect((await leader.post(`/api/v1/catalog/versions/${draftId}/return`, { revision })).status).toBe(400);
    expect(await snapshot()).toBe(before);
    let res = await leader.post(`/api/v1/catalog/versions/${draftId}/return`, { revision, comment: 'Bổ sung căn cứ pháp lý' });
    expect(res.body.status).toBe('draft');
    revision = res.body.revision;
    res = await leader.post(`/api/v1/catalog/versions/${draftId}/submit`, { revision });
    expect(res.body.status).toBe('submitted');
    revision = res.body.revision;
    const events = (await workspace(draftId)).events;
    expect(events.slice(-3).map((e: { action: string; comment: string | null }) => [e.action, e.comment])).toEqual([
      ['submit', 'Trình UBND thành phố'],
      ['return', 'Bổ sung căn cứ pháp lý'],
      ['submit', null],
    ]);
  });

  it('refuses a bad approval and stores nothing: other roles, no file, not a PDF, too large, bad number, dates, stale revision', async () => {
    const before = await snapshot();
    const good = { revision, decisionNumber: '1234/QĐ-UBND', decisionDate: today, effectiveFrom: today };
    expect((await approve(dostLeader, draftId, good)).status).toBe(403);
    expect((await approve(dostOfficer, draftId, good)).status).toBe(403);
    const noFile = await approve(admin, draftId, good, null);
    expect(noFile.body.details.fields[0].path).toBe('file');
    const notPdf = await approve(admin, draftId, good, { name: 'decision.pdf', content: Buffer.from('<html>not a pdf</html>') });
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const tooLarge = await approve(admin, draftId, good, { name: 'big.pdf', content: Buffer.concat([PDF, Buffer.alloc(70_000)]) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const badNumber = await approve(admin, draftId, { ...good, decisionNumber: 'một hai ba' });
    expect(badNumber.body.details.fields[0].path).toBe('decisionNumber');
    const early = await approve(admin, draftId, { ...good, effectiveFrom: shift(today, -1) });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: 'CATALOG_EFFECTIVE_DATE_INVALID', details: { field: 'effectiveFrom' } });
    expect(early.body.message).toContain('từ ngày quyết định trở đi'); // in the user's language (vi)
    const future = await approve(admin, draftId, { ...good, decisionDate: shift(today, 1), effectiveFrom: shift(today, 2) });
    expect(future.body.details.fields[0]).toMatchObject({ path: 'decisionDate', code: 'date_in_future' });
    const beforeSeed = await approve(admin, draftId, { ...good, decisionDate: '2019-01-01', effectiveFrom: '2019-04-10' });
    expect(beforeSeed.body.code).toBe('CATALOG_EFFECTIVE_DATE_INVALID');
    const stale = await approve(admin, draftId, { ...good, revision: revision - 1 });
    expect(stale.body.code).toBe('CONFLICT');
    expect(await snapshot()).toBe(before);
  });

  it('records the approval: signed PDF kept with its SHA-256, the version current from its effective date, the old one before', async () => {
    const anonymous = new Client(t.app);
    const [seed] = (await anonymous.get('/api/v1/catalog/versions')).body.items;
    expect((await anonymous.get('/api/v1/catalog/sectors/1.7')).body.items.map((i: { code: string }) => i.code)).toEqual(['1.7.1', '1.7.2', '1.7.3']); // cached now

    const res = await approve(admin, draftId, { revision, decisionNumber: '1234/QĐ-UBND', decisionDate: today, effectiveFrom: today });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('approved');

    // the public catalog serves the new version at once (the cache was emptied) …
    const sectors = (await anonymous.get('/api/v1/catalog/sectors')).body;
    expect(sectors.version).toMatchObject({ id: draftId, versionLabel: 'Sửa đổi 2026', decisionNumber: '1234/QĐ-UBND', decisionDate: today, effectiveFrom: today, effectiveTo: null });
    expect(sectors.version.sourceInstrument).toContain('Quyết định số 1234/QĐ-UBND');
    expect((await anonymous.get('/api/v1/catalog/sectors/1.7')).body.items.map((i: { code: string }) => i.code)).toEqual(['1.7.1', '1.7.2', '1.7.3', '1.7.4']);
    expect((await anonymous.get('/api/v1/catalog/items/1.5.2')).status).toBe(404);
    expect((await anonymous.get('/api/v1/catalog/items/1.1.1')).body.nameEn).toBe('Core, high and platform IT technologies');
    // … and the old version on the days before.
    expect((await listCurrentItems(t.database.db, shift(today, -1)))?.version.id).toBe(seed.id);
    expect((await listCurrentItems(t.database.db, today))?.version.id).toBe(draftId);

    const history = (await anonymous.get('/api/v1/catalog/versions')).body.items;
    expect(history.map((v: { id: string; phase: string; effectiveTo: string | null }) => [v.id, v.phase, v.effectiveTo])).toEqual([
      [draftId, 'current', null],
      [seed.id, 'superseded', today],
    ]);
    expect(history[0].decisionFile).toMatchObject({ name: 'QĐ 1234.pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });

    const file = await anonymous.get(`/api/v1/catalog/versions/${draftId}/decision-file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="QD-1234.pdf"; filename\*=UTF-8''/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(Buffer.compare(file.raw.rawPayload, PDF)).toBe(0);

    const space = await workspace(draftId);
    expect(space.actions).toEqual([]);
    expect(space.events.at(-1)).toMatchObject({ action: 'approve', fromStatus: 'submitted', toStatus: 'approved', comment: '1234/QĐ-UBND' });
    expect(space.amendments.every((a: { status: string; version: { status: string } }) => a.status === 'included' && a.version.status === 'approved')).toBe(true);
    const [audit] = await t.database.query<{ summary: { file: { sha256: string }; replaces: string[] } }>(
      `SELECT summary FROM audit_events WHERE action = 'catalog.version_approve' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.summary.file.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(audit?.summary.replaces).toEqual(['872/QĐ-UBND (2019)']);
  });

  it('compares the two versions: added, changed field by field, retired, per sector', async () => {
    const anonymous = new Client(t.app);
    const [current, seed] = (await anonymous.get('/api/v1/catalog/versions')).body.items;
    const diff = (await anonymous.get(`/api/v1/catalog/compare?from=${seed.id}&to=${current.id}`)).body;
    expect(diff.totals).toEqual({ added: 1, changed: 2, retired: 1 });
    expect(diff.sectors.map((s: { code: string }) => s.code)).toEqual(['1.1', '1.5', '1.7']);
    expect(diff.sectors[0].changed.map((c: { code: string; fields: { field: string }[] }) => [c.code, c.fields.map((f) => f.field)])).toEqual([
      ['1.1.1', ['nameEn']],
      ['1.1.2', ['nameVi']],
    ]);
    expect(diff.sectors[1].retired[0].code).toBe('1.5.2');
    expect(diff.sectors[2].added[0].code).toBe('1.7.4');
    const back = (await anonymous.get(`/api/v1/catalog/compare?from=${current.id}&to=${seed.id}`)).body;
    expect(back.totals).toEqual({ added: 1, changed: 2, retired: 1 });
    expect(back.sectors.find((s: { code: string }) => s.code === '1.5').added[0].code).toBe('1.5.2');
    // every version stays readable
    const old = (await anonymous.get(`/api/v1/catalog/versions/${seed.id}`)).body;
    expect(old.sectors.find((s: { code: string }) => s.code === '1.5').items.map((i: { code: string }) => i.code)).toEqual(['1.5.1', '1.5.2']);
  });

  it('exports the version in force and any other version as CSV/XLSX', async () => {
    const anonymous = new Client(t.app);
    const csv = await anonymous.get('/api/v1/catalog/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('1.7.4');
    expect(csv.body).toContain('1234/QĐ-UBND');
    expect(csv.body).not.toContain('1.5.2,');
    const [, seed] = (await anonymous.get('/api/v1/catalog/versions')).body.items;
    const old = await anonymous.get(`/api/v1/catalog/export?format=csv&version=${seed.id}`);
    expect(old.body).toContain('1.5.2');
    expect((await anonymous.get(`/api/v1/catalog/export?format=xlsx&version=${seed.id}`)).raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const unknownId = `${draftId.slice(0, -1)}${draftId.endsWith('0') ? '1' : '0'}`; // never the draft's own id
    expect((await anonymous.get(`/api/v1/catalog/export?version=${unknownId}`)).status).toBe(404);
    expect((await anonymous.get(`/api/v1/catalog/export?format=pdf`)).status).toBe(400);
  });

  it('approving again is an illegal transition, and a retired code is never given again', async () => {
    const before = await snapshot();
    expect((await approve(admin, draftId, { revision: revision + 1, decisionNumber: '1235/QĐ-UBND', decisionDate: today, effectiveFrom: today })).body.code).toBe('INVALID_TRANSITION');
    const reuse = await (await as(sectorOfficer)).post('/api/v1/catalog/amendments', {
      kind: 'add',
      sectorCode: '1.5',
      itemCode: '1.5.2',
      nameVi: 'Dùng lại mã cũ',
      nameEn: 'Reused code',
      justification: 'Thử dùng lại mã đã bãi bỏ.',
    });
    expect(reuse.status).toBe(409);
    expect(reuse.body.code).toBe('CATALOG_CODE_TAKEN');
    expect(await snapshot()).toBe(before);
  });
});

describe('later versions', () => {
  async function submittedDraft(label: string, proposal: Record<string, unknown>): Promise<{ id: string; revision: number; amendmentId: string }> {
    const amendmentId = await propose(proposal);
    const created = (await (await as(dostOfficer)).post('/api/v1/catalog/versions', { label })).body;
    const included = (await (await as(dostOfficer)).post(`/api/v1/catalog/versions/${created.id}/include`, { revision: created.revision, amendmentId })).body;
    const submitted = (await (await as(dostLeader)).post(`/api/v1/catalog/versions/${created.id}/submit`, { revision: included.revision })).body;
    expect(submitted.status).toBe('submitted');
    return { id: created.id, revision: submitted.revision, amendmentId };
  }

  it('a version approved for a later day becomes current on that day by itself', async () => {
    const anonymous = new Client(t.app);
    const next = await submittedDraft('Sửa đổi 2026 lần 2', { kind: 'add', sectorCode: '1.5', nameVi: 'Công nghệ cảng biển thông minh', nameEn: 'Smart seaport technology' });
    expect((await approve(admin, next.id, { revision: next.revision, decisionNumber: '2000/QĐ-UBND', decisionDate: today, effectiveFrom: today })).body.code).toBe(
      'CATALOG_EFFECTIVE_DATE_INVALID',
    );
    const tomorrow = shift(today, 1);
    const res = await approve(admin, next.id, { revision: next.revision, decisionNumber: '2000/QĐ-UBND', decisionDate: today, effectiveFrom: tomorrow });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const history = (await anonymous.get('/api/v1/catalog/versions')).body.items;
    expect(history.map((v: { phase: string }) => v.phase)).toEqual(['scheduled', 'current', 'superseded']);
    expect((await anonymous.get('/api/v1/catalog/sectors/1.5')).body.items.map((i: { code: string }) => i.code)).toEqual(['1.5.1']);
    // the new code continues after the retired 1.5.2
    expect((await listCurrentItems(t.database.db, tomorrow))?.items.filter((i) => i.sectorCode === '1.5').map((i) => i.code)).toEqual(['1.5.1', '1.5.3']);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.parse(`${tomorrow}T03:00:00Z`)));
      expect(vietnamToday()).toBe(tomorrow);
      const sector = (await anonymous.get('/api/v1/catalog/sectors/1.5')).body;
      expect(sector.items.map((i: { code: string }) => i.code)).toEqual(['1.5.1', '1.5.3']);
      expect((await anonymous.get('/api/v1/catalog/versions')).body.items.map((v: { phase: string }) => v.phase)).toEqual(['current', 'superseded', 'superseded']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the Committee may refuse a submitted version: its proposals return to "proposed" to be used again', async () => {
    const refused = await submittedDraft('Sửa đổi bị từ chối', { kind: 'reword', sectorCode: '1.8', itemCode: '1.8.1', nameEn: 'Marine tourism and services' });
    const before = await snapshot();
    expect((await (await as(dostLeader)).post(`/api/v1/catalog/versions/${refused.id}/reject`, { revision: refused.revision, comment: 'Không phê duyệt' })).status).toBe(403);
    expect((await (await as(admin)).post(`/api/v1/catalog/versions/${refused.id}/reject`, { revision: refused.revision })).status).toBe(400);
    expect(await snapshot()).toBe(before);
    const res = await (await as(admin)).post(`/api/v1/catalog/versions/${refused.id}/reject`, { revision: refused.revision, comment: 'Chưa đủ căn cứ', decisionNumber: '2100/QĐ-UBND' });
    expect(res.body.status).toBe('rejected');
    const list = (await (await as(dostOfficer)).get('/api/v1/catalog/amendments?status=proposed&pageSize=100')).body.items;
    expect(list.find((a: { id: string }) => a.id === refused.amendmentId)).toMatchObject({ status: 'proposed', version: null });
    expect((await new Client(t.app).get(`/api/v1/catalog/versions/${refused.id}`)).status).toBe(404);
    expect((await (await as(cityLeader)).get(`/api/v1/catalog/versions/${refused.id}`)).body.version.status).toBe('rejected');

    // a discarded draft gives its proposals back as well
    const draft = (await (await as(dostOfficer)).post('/api/v1/catalog/versions', { label: 'Dự thảo bỏ' })).body;
    const included = (await (await as(dostOfficer)).post(`/api/v1/catalog/versions/${draft.id}/include`, { revision: draft.revision, amendmentId: refused.amendmentId })).body;
    expect((await (await as(dostLeader)).post(`/api/v1/catalog/versions/${draft.id}/discard`, { revision: included.revision })).status).toBe(403);
    const discarded = await (await as(dostOfficer)).post(`/api/v1/catalog/versions/${draft.id}/discard`, { revision: included.revision, comment: 'Làm lại' });
    expect(discarded.body.status).toBe('discarded');
    const again = (await (await as(dostOfficer)).get('/api/v1/catalog/amendments?status=proposed&pageSize=100')).body.items;
    expect(again.map((a: { id: string }) => a.id)).toContain(refused.amendmentId);
  });
});
