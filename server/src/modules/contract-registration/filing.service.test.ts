import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/src/dates.js';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';
import { clientFor, countRows, createTestApp, createUser, type Client, type TestApp, type TestUser } from '../../../test/harness.js';
import { vietnamToday } from '../catalog/index.js';
import { stopClock, transitionCase } from '../cases/index.js';
import { completeDossier, ctxOf, PDF, upload } from './filing.fixtures.js';
import { REGISTRATION_WORKFLOW, type RegistrationAction } from './registration.workflow.js';

let t: TestApp;
let filer: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let officer: TestUser;
let leader: TestUser;
let client: Client;

beforeAll(async () => {
  t = await createTestApp();
  filer = await createUser(t.database, 'enterprise_member');
  colleague = await createUser(t.database, 'enterprise_admin', { organisationId: filer.organisationId! });
  stranger = await createUser(t.database, 'enterprise_member');
  officer = await createUser(t.database, 'dost_officer');
  leader = await createUser(t.database, 'dost_leader');
  client = await clientFor(t, filer);
});
afterAll(() => t.close());

const DATA_STEPS = ['parties', 'contract', 'technology', 'transfer', 'price', 'equipment'] as const;
const url = (id: string, rest = '') => `/api/v1/registrations/${id}${rest}`;

/** A draft with every step saved; returns its id and revision. */
async function filledDraft(data = completeDossier(), as = client): Promise<{ id: string; revision: number }> {
  const created = await as.post('/api/v1/registrations', {});
  expect(created.status).toBe(201);
  let revision = created.body.revision as number;
  for (const step of DATA_STEPS) {
    const saved = await as.request('PUT', url(created.body.id, `/steps/${step}`), { revision, data: data[step] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    revision = saved.body.revision;
  }
  return { id: created.body.id, revision };
}

async function attach(id: string, revision: number, kind: string, as = client): Promise<number> {
  const res = await upload(t, as, url(id, '/documents'), { kind, revision }, { name: `${kind}.pdf`, content: PDF });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.revision;
}

/** A submitted dossier (request letter, contract, translation attached). */
async function submitted(data = completeDossier()): Promise<{ id: string; revision: number }> {
  const draft = await filledDraft(data);
  let revision = draft.revision;
  for (const kind of ['request_letter', 'contract', 'contract_translation']) revision = await attach(draft.id, revision, kind);
  const res = await client.post(url(draft.id, '/submit'), { revision });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: draft.id, revision: res.body.revision };
}

/** DOST steps (as a leader, through the case core) to bring a case to a status the applicant acts on next. */
async function dost(id: string, actions: RegistrationAction[]) {
  for (const action of actions) await transitionCase(ctxOf(t, leader), { workflow: REGISTRATION_WORKFLOW, caseId: id, action });
}

describe('drafting', () => {
  it('opens one draft per idempotency key, and saves each step with a new revision', async () => {
    const headers = { 'idempotency-key': 'draft-key-0001' };
    const first = await client.request('POST', '/api/v1/registrations', {}, headers);
    const again = await client.request('POST', '/api/v1/registrations', {}, headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ status: 'draft', revision: 1 });
    expect(first.body.referenceNo).toMatch(/^CGCN-\d{4}-\d{5}$/);

    const data = completeDossier();
    const saved = await client.request('PUT', url(first.body.id, '/steps/contract'), { revision: 1, data: data.contract });
    expect(saved.body).toMatchObject({ status: 'draft', revision: 2 });
    const detail = await client.get(url(first.body.id));
    expect(detail.body).toMatchObject({ title: data.contract.name, stepsDone: ['contract'], data: { contract: data.contract } });
    expect(detail.body.problems).toContainEqual({ step: 'parties', field: '', code: 'step_missing' });
    expect(detail.body.filingWindow).toMatchObject({ signedOn: data.contract.signedOn, windowDays: 90, dueOn: addDays(data.contract.signedOn, 90), isLate: false });
    expect(detail.body.availableActions).toEqual(['save_draft', 'submit', 'withdraw']);
  });

  it('refuses an invalid step with field errors and a cross-field problem, saving nothing', async () => {
    const { body: draft } = await client.post('/api/v1/registrations', {});
    const bad = await client.request('PUT', url(draft.id, '/steps/parties'), { revision: 1, data: { ...completeDossier().parties, transferor: { name: '' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields.map((f: { path: string }) => f.path)).toContain('transferor.name');
    const { relationship: _relationship, ...noChoice } = completeDossier().parties;
    const empty = await client.request('PUT', url(draft.id, '/steps/parties'), { revision: 1, data: noChoice });
    expect(empty.body.details.fields).toEqual([{ path: 'relationship', code: 'required', message: 'Trường này là bắt buộc.', params: {} }]);
    const price = completeDossier().price;
    const cross = await client.request('PUT', url(draft.id, '/steps/price'), { revision: 1, data: { ...price, payments: [{ method: 'pct_net_revenue' }] } });
    expect(cross.status).toBe(400);
    expect(cross.body.details.fields).toEqual([{ path: 'payments.0.ratePercent', code: 'required', message: 'Thông tin này là bắt buộc.', params: {} }]);
    const unknownStep = await client.request('PUT', url(draft.id, '/steps/attachments'), { revision: 1, data: {} });
    expect(unknownStep.status).toBe(400);
    expect((await client.get(url(draft.id))).body).toMatchObject({ revision: 1, data: {} });
  });

  it('answers a stale revision with CONFLICT and the current revision', async () => {
    const draft = await filledDraft();
    const stale = await client.request('PUT', url(draft.id, '/steps/contract'), { revision: draft.revision - 1, data: completeDossier().contract });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { currentRevision: draft.revision } });
  });

  it('takes PDFs only (checked by content) and removes a draft document', async () => {
    const { id, revision } = await filledDraft();
    const text = await upload(t, client, url(id, '/documents'), { kind: 'contract', revision }, { name: 'contract.pdf', content: Buffer.from('not a pdf at all') });
    expect(text.status).toBe(415);
    const noKind = await upload(t, client, url(id, '/documents'), { revision }, { name: 'contract.pdf', content: PDF });
    expect(noKind.status).toBe(400);
    const noFile = await upload(t, client, url(id, '/documents'), { kind: 'contract', revision }, null);
    expect(noFile.status).toBe(400);
    const ok = await upload(t, client, url(id, '/documents'), { kind: 'contract', revision, note: 'Bản ký' }, { name: 'Hợp đồng.pdf', content: PDF });
    expect(ok.status).toBe(201);
    expect(ok.body.document).toMatchObject({ kind: 'contract', fileName: 'Hợp đồng.pdf', sizeBytes: PDF.length, note: 'Bản ký' });
    const removed = await client.request('DELETE', url(id, `/documents/${ok.body.document.id}?revision=${ok.body.revision}`));
    expect(removed.status).toBe(200);
    expect((await client.get(url(id))).body.documents).toEqual([]);
  });
});

describe('submission', () => {
  it('refuses an incomplete dossier with the list of what is missing, changing nothing', async () => {
    const { id, revision } = await filledDraft();
    const before = await countRows(t.database, 'registration_dossier_versions');
    const res = await client.post(url(id, '/submit'), { revision });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REGISTRATION_INCOMPLETE');
    expect(res.body.details.missingDocumentKinds).toEqual(['request_letter', 'contract', 'contract_translation']);
    expect((await client.get(url(id))).body).toMatchObject({ status: 'draft', revision });
    expect(await countRows(t.database, 'registration_dossier_versions')).toBe(before);
  });

  it('submits in one step: version, copied columns, deadline, authority, fee, clock, notice to DOST leaders; a repeat changes nothing', async () => {
    const draft = await filledDraft();
    let revision = draft.revision;
    for (const kind of ['request_letter', 'contract', 'contract_translation']) revision = await attach(draft.id, revision, kind);
    const audit = await lastAuditId(t.database);
    const headers = { 'idempotency-key': `submit-${draft.id}` };
    const first = await client.request('POST', url(draft.id, '/submit'), { revision }, headers);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'submitted', revision: revision + 1 });
    const again = await client.request('POST', url(draft.id, '/submit'), { revision }, headers);
    expect(again.body).toEqual(first.body);

    const detail = (await client.get(url(draft.id))).body;
    const today = vietnamToday();
    expect(detail).toMatchObject({ status: 'submitted', version: 1, receivedOn: today, authority: 'DOST', feeVnd: 10_000_000, stepsDone: [...DATA_STEPS, 'attachments'], problems: [] });
    expect(detail.clocks).toEqual([expect.objectContaining({ kind: 'completeness', ruleKey: 'registration.completenessCheck', workingDays: 3, startedOn: today, isPaused: false })]);
    expect(detail.availableActions).toEqual(['withdraw']);
    const [row] = await t.database.query<Record<string, unknown>>('SELECT direction, transferor_country, value_vnd::text AS value_vnd, max_royalty_percent::text AS rate, payment_methods, sector_code, is_late FROM registration_dossiers WHERE case_id = $1', [draft.id]);
    expect(row).toMatchObject({ direction: 'inbound', transferor_country: 'JP', value_vnd: '10000000000', rate: '3.000', payment_methods: ['lump_sum', 'pct_net_revenue'], sector_code: 'C', is_late: false });
    expect(await t.database.query('SELECT version FROM registration_dossier_versions WHERE case_id = $1', [draft.id])).toHaveLength(1);
    const notices = await t.database.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1', [leader.id]);
    expect(notices.map((n) => n.kind)).toContain('registration.submitted');
    const submitAudit = await auditSince(t.database, audit, 'registration.submit');
    expect(submitAudit).toHaveLength(1);
    expect(JSON.stringify(submitAudit[0]!.summary)).not.toMatch(/10000000|400000|fee/);
  });

  it('marks a filing after the window late, and still accepts it', async () => {
    const signedOn = addDays(vietnamToday(), -200);
    const { id } = await submitted(completeDossier(signedOn));
    const detail = (await client.get(url(id))).body;
    expect(detail.filingWindow).toMatchObject({ signedOn, dueOn: addDays(signedOn, 90), isLate: true });
    expect(detail.status).toBe('submitted');
  });

  it('refuses to submit twice or to edit after submission (INVALID_TRANSITION)', async () => {
    const { id, revision } = await submitted();
    const twice = await client.post(url(id, '/submit'), { revision });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INVALID_TRANSITION');
    const edit = await client.request('PUT', url(id, '/steps/contract'), { revision, data: completeDossier().contract });
    expect(edit.body.code).toBe('INVALID_TRANSITION');
    const supplement = await client.post(url(id, '/supplement'), { revision });
    expect(supplement.body.code).toBe('INVALID_TRANSITION');
  });
});

describe('who may file and see', () => {
  it('refuses DOST staff and other enterprises, writing nothing', async () => {
    const { id, revision } = await filledDraft();
    const cases = await countRows(t.database, 'cases');
    const staff = await clientFor(t, officer);
    expect((await staff.post('/api/v1/registrations', {})).status).toBe(403);
    const other = await clientFor(t, stranger);
    expect((await other.get(url(id))).status).toBe(404);
    expect((await other.request('PUT', url(id, '/steps/contract'), { revision, data: completeDossier().contract })).status).toBe(404);
    expect((await other.post(url(id, '/submit'), { revision })).status).toBe(404);
    expect((await other.post(url(id, '/withdraw'), { revision })).status).toBe(404);
    expect((await other.get('/api/v1/registrations')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await countRows(t.database, 'cases')).toBe(cases);
    expect((await client.get(url(id))).body.revision).toBe(revision);
  });

  it('lists the organisation’s registrations for every filing member', async () => {
    const { id } = await filledDraft();
    const mine = await (await clientFor(t, colleague)).get('/api/v1/registrations?status=draft&pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'draft', purpose: 'new', transferorName: 'Kobe Precision Tools Co., Ltd.' });
  });

  it('serves documents to the filer and the handling leader, not to an unassigned officer or another enterprise (audited)', async () => {
    const { id } = await submitted();
    const [document] = (await client.get(url(id))).body.documents;
    const audit = await lastAuditId(t.database);
    const own = await client.get(url(id, `/documents/${document.id}`));
    expect(own.status).toBe(200);
    expect(own.headers['content-disposition']).toContain('attachment');
    expect((await (await clientFor(t, leader)).get(url(id, `/documents/${document.id}`))).status).toBe(200);
    expect((await (await clientFor(t, officer)).get(url(id, `/documents/${document.id}`))).status).toBe(404);
    expect((await (await clientFor(t, stranger)).get(url(id, `/documents/${document.id}`))).status).toBe(404);
    expect(await auditSince(t.database, audit, 'registration.document_download')).toHaveLength(2);
  });
});

describe('after submission', () => {
  it('supplements when DOST asks: new version, new completeness clock, back to submitted', async () => {
    const { id } = await submitted();
    await stopClock(ctxOf(t, leader), { caseId: id, kind: 'completeness', on: vietnamToday() });
    await dost(id, ['request_supplement']);
    const before = (await client.get(url(id))).body;
    expect(before.availableActions).toEqual(['withdraw', 'supplement']);
    const technology = { ...completeDossier().technology, standards: 'ISO 9001:2015; JIS B 6336' };
    const revision = await attach(id, before.revision, 'other');
    const res = await client.post(url(id, '/supplement'), { revision, data: { technology }, note: 'Bổ sung tiêu chuẩn' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (await client.get(url(id))).body;
    expect(after).toMatchObject({ status: 'submitted', version: 2, data: { technology } });
    expect(after.clocks.filter((c: { stoppedOn: string | null }) => c.stoppedOn === null)).toHaveLength(1);
    expect(await t.database.query('SELECT version FROM registration_dossier_versions WHERE case_id = $1', [id])).toHaveLength(2);
  });

  it('withdraws, and talks to DOST', async () => {
    const { id, revision } = await submitted();
    const comment = await client.post(url(id, '/comments'), { body: 'Xin hỏi tiến độ xử lý hồ sơ?' });
    expect(comment.status).toBe(201);
    expect((await client.get(url(id))).body.comments).toEqual([expect.objectContaining({ visibility: 'applicant', body: 'Xin hỏi tiến độ xử lý hồ sơ?' })]);
    const res = await client.post(url(id, '/withdraw'), { revision, reason: 'Hai bên điều chỉnh hợp đồng' });
    expect(res.body).toMatchObject({ status: 'withdrawn' });
    const detail = (await client.get(url(id))).body;
    expect(detail.clocks.every((c: { outcome: string | null }) => c.outcome === 'cancelled')).toBe(true);
    expect(detail.availableActions).toEqual([]);
  });

  it('starts an amendment of an issued registration, prefilled and linked; not of an open one', async () => {
    const { id } = await submitted();
    const early = await client.post(url(id, '/amendments'), { purpose: 'amendment' });
    expect(early.status).toBe(409);
    await dost(id, ['accept', 'draft_certificate']);
    await transitionCase(ctxOf(t, await createUser(t.database, 'dost_leader')), { workflow: REGISTRATION_WORKFLOW, caseId: id, action: 'approve' });
    const headers = { 'idempotency-key': `amend-${id}` };
    const res = await client.request('POST', url(id, '/amendments'), { purpose: 'extension' }, headers);
    expect(res.status).toBe(201);
    expect((await client.request('POST', url(id, '/amendments'), { purpose: 'extension' }, headers)).body.id).toBe(res.body.id);
    const amendment = (await client.get(url(res.body.id))).body;
    expect(amendment).toMatchObject({ status: 'draft', purpose: 'extension', parentCaseId: id, originalCaseId: id, data: { contract: { number: 'KPT-HP-2026/01' } } });
    expect(amendment.title).toBe(`Gia hạn: ${completeDossier().contract.name}`);
    const renamed = await client.request('PUT', url(amendment.id, '/steps/contract'), { revision: amendment.revision, data: { ...completeDossier().contract, name: 'Phụ lục gia hạn hợp đồng CNC' } });
    expect((await client.get(url(amendment.id))).body.title).toBe('Gia hạn: Phụ lục gia hạn hợp đồng CNC');
    amendment.revision = renamed.body.revision;

    // Filed at the authority that issued the original, with the amendment fee (Circular 169/2016: 0.1 %, 3–5 million).
    let revision = amendment.revision;
    for (const kind of ['request_letter', 'contract', 'contract_translation']) revision = await attach(amendment.id, revision, kind);
    const filed = await client.post(url(amendment.id, '/submit'), { revision });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect((await client.get(url(amendment.id))).body).toMatchObject({ status: 'submitted', authority: 'DOST', feeVnd: 5_000_000 });
  });

  it('keeps one submission when the same submit arrives twice at once', async () => {
    const draft = await filledDraft();
    let revision = draft.revision;
    for (const kind of ['request_letter', 'contract', 'contract_translation']) revision = await attach(draft.id, revision, kind);
    const headers = { 'idempotency-key': `twice-${draft.id}` };
    const [a, b] = await Promise.all([client.request('POST', url(draft.id, '/submit'), { revision }, headers), client.request('POST', url(draft.id, '/submit'), { revision }, headers)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(await t.database.query('SELECT version FROM registration_dossier_versions WHERE case_id = $1', [draft.id])).toHaveLength(1);
    expect(await t.database.query(`SELECT id FROM case_clocks WHERE case_id = $1 AND kind = 'completeness'`, [draft.id])).toHaveLength(1);
  });
});

describe('upload size', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ UPLOAD_MAX_BYTES: '4096' });
  });
  afterAll(() => small.close());

  it('refuses a PDF over UPLOAD_MAX_BYTES with 413, attaching nothing', async () => {
    const member = await createUser(small.database, 'enterprise_member');
    const as = await clientFor(small, member);
    const { body: draft } = await as.post('/api/v1/registrations', {});
    const big = Buffer.concat([PDF, Buffer.alloc(8192, 0x20)]);
    const res = await upload(small, as, url(draft.id, '/documents'), { kind: 'contract', revision: draft.revision }, { name: 'big.pdf', content: big });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await as.get(url(draft.id))).body).toMatchObject({ revision: draft.revision, documents: [] });
  });
});
