import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskFlag } from '../../../../common/src/api/registration-risk.js';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { insertRegisteredContract, linkToTaxAgency } from './oversight.test-factory.js';
import { cleanDossier } from './risk-flags.fixtures.js';
import { leakedNumbers } from './confidential-numbers.fixtures.js';

/**
 * The Tax Department view and the query threads (issue 5 item 6): tax users of the agency holding the plan role see
 * registered contracts with a value band and the flags, and never an amount, a rate or a file, through any endpoint,
 * export or notification.
 */
let t: TestApp;
let applicant: TestUser;
let officer: TestUser;
let otherOfficer: TestUser;
let leader: TestUser;
let taxOfficer: TestUser;
let taxColleague: TestUser;
let unlinkedAgencyOfficer: TestUser;
let flaggedCaseId: string;
let plainCaseId: string;
let revokedCaseId: string;

// Confidential numbers of the flagged contract: none of them (in any usual spelling) may reach a tax user.
const TOTAL_USD = 493_827.16;
const RATE = 9.87;
const VALUE_VND = 12_345_678_901;
const SECRETS = ['493827', '493.827', '493,827', '9.87', '9,87', '12345678901', '12.345.678.901', '12,345,678,901', '25123', '25.123', '25,123'];

const royaltyFlag: RiskFlag = {
  code: 'royalty_rate_high',
  severity: 'warning',
  ruleKey: 'registration.royaltyRateFlagPercent',
  citation: { vi: 'Luật Chuyển giao công nghệ, Điều 27', en: 'Law on Technology Transfer, art. 27', verified: false, sourceUrl: null },
  params: { thresholdPercent: 8, paymentMethod: 'pct_net_revenue' },
  confidential: { ratePercent: RATE, valueVnd: VALUE_VND },
};

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  otherOfficer = await createUser(t.database, 'dost_officer', { organisationId: officer.organisationId! });
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  taxOfficer = await createUser(t.database, 'agency_officer');
  taxColleague = await createUser(t.database, 'agency_leader', { organisationId: taxOfficer.organisationId! });
  await linkToTaxAgency(t.database, taxOfficer.organisationId!);
  unlinkedAgencyOfficer = await createUser(t.database, 'agency_officer');
  const base = { organisationId: applicant.organisationId!, drafterId: officer.id, approverId: leader.id };
  const flagged = cleanDossier({
    parties: { relationship: 'related_party' },
    price: { totalValue: TOTAL_USD, exchangeRateToVnd: 25_123, payments: [{ method: 'pct_net_revenue', ratePercent: RATE }] },
  });
  flaggedCaseId = (await insertRegisteredContract(t.database, { ...base, data: flagged, valueVnd: VALUE_VND, maxRoyaltyPercent: RATE, riskFlags: [royaltyFlag], issuedOn: '2026-09-20' })).caseId;
  plainCaseId = (await insertRegisteredContract(t.database, { ...base, valueVnd: 800_000_000, issuedOn: '2025-05-02' })).caseId;
  revokedCaseId = (await insertRegisteredContract(t.database, { ...base, valueVnd: 60_000_000_000, status: 'revoked', issuedOn: '2026-01-10' })).caseId;
  await insertRegisteredContract(t.database, { ...base, status: 'in_review' }); // not registered: never in the tax view
  await t.database.query(`INSERT INTO case_assignments (case_id, user_id, role) VALUES ($1, $2, 'officer')`, [flaggedCaseId, officer.id]);
});
afterAll(() => t.close());

function expectNoSecrets(text: string): void {
  expect(leakedNumbers(text, SECRETS)).toEqual([]);
}

describe('GET /api/v1/tax/registrations', () => {
  it('lists registered contracts (valid and revoked) with value bands and flag codes, no amounts or rates', async () => {
    const client = await clientFor(t, taxOfficer);
    const res = await client.get('/api/v1/tax/registrations');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    const flagged = res.body.items.find((item: { caseId: string }) => item.caseId === flaggedCaseId);
    expect(flagged).toMatchObject({ valueBand: '10bn_50bn', paymentMethods: ['pct_net_revenue'], flagCodes: ['royalty_rate_high'], relationship: 'related_party', certificateStatus: 'valid' });
    expect(res.body.items.find((item: { caseId: string }) => item.caseId === revokedCaseId)).toMatchObject({ certificateStatus: 'revoked', valueBand: '50bn_200bn' });
    expect(Object.keys(flagged)).not.toContain('valueVnd');
    expectNoSecrets(res.raw.body);
  });

  it('filters by flag, payment method, value band, year, status and text', async () => {
    const client = await clientFor(t, taxOfficer);
    const ids = async (query: string) => ((await client.get(`/api/v1/tax/registrations?${query}`)).body.items as { caseId: string }[]).map((item) => item.caseId).sort();
    expect(await ids('flagged=true')).toEqual([flaggedCaseId]);
    expect(await ids('flag=royalty_rate_high')).toEqual([flaggedCaseId]);
    expect(await ids('paymentMethod=lump_sum')).toEqual([plainCaseId, revokedCaseId].sort());
    expect(await ids('valueBand=under_1bn')).toEqual([plainCaseId]);
    expect(await ids('year=2025')).toEqual([plainCaseId]);
    expect(await ids('certificateStatus=revoked')).toEqual([revokedCaseId]);
    expect(await ids('q=Precision%20Tools&sort=signed&order=asc')).toHaveLength(3);
    expect((await client.get('/api/v1/tax/registrations?valueBand=huge')).status).toBe(400);
  });

  it('refuses users without the plan role, enterprise and DOST users, and anonymous visitors', async () => {
    expect((await (await clientFor(t, unlinkedAgencyOfficer)).get('/api/v1/tax/registrations')).status).toBe(403);
    expect((await (await clientFor(t, applicant)).get('/api/v1/tax/registrations')).status).toBe(403);
    expect((await (await clientFor(t, leader)).get(`/api/v1/tax/registrations/${flaggedCaseId}`)).status).toBe(403);
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/v1/tax/registrations')).status).toBe(401);
  });

  it('loses the view the day the agency stops holding the plan role', async () => {
    const [agency] = await t.database.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'hp_tax_department'`);
    await t.database.query(`UPDATE plan_role_assignments SET valid_to = '2020-01-01' WHERE agency_id = $1 AND plan_role_id = (SELECT id FROM plan_roles WHERE code = 'tax_control_of_transfer_contracts')`, [agency!.id]);
    try {
      expect((await (await clientFor(t, taxOfficer)).get('/api/v1/tax/registrations')).status).toBe(403);
    } finally {
      await t.database.query(`UPDATE plan_role_assignments SET valid_to = NULL WHERE agency_id = $1 AND plan_role_id = (SELECT id FROM plan_roles WHERE code = 'tax_control_of_transfer_contracts')`, [agency!.id]);
    }
  });
});

describe('GET /api/v1/tax/registrations/:id', () => {
  it('shows the contract, its flags with citations and no confidential numbers; the view is audited', async () => {
    const client = await clientFor(t, taxOfficer);
    const mark = await lastAuditId(t.database);
    const res = await client.get(`/api/v1/tax/registrations/${flaggedCaseId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseId: flaggedCaseId, transfereeCode: '0201234567', rights: 'right_of_use', territory: 'Việt Nam', flags: [{ code: 'royalty_rate_high', params: { thresholdPercent: 8 } }] });
    expect(res.body.flags[0]).not.toHaveProperty('confidential');
    expect(res.body.sectorName.vi).toMatch(/chế biến/i);
    expectNoSecrets(res.raw.body);
    expect(await auditSince(t.database, mark, 'registration.tax.view')).toEqual([expect.objectContaining({ object_id: flaggedCaseId, actor_user_id: taxOfficer.id })]);
  });

  it('a case that is not registered, or an unknown id, is 404; a malformed id is 400', async () => {
    const client = await clientFor(t, taxOfficer);
    const [draft] = await t.database.query<{ case_id: string }>(`SELECT d.case_id FROM registration_dossiers d JOIN cases c ON c.id = d.case_id WHERE c.status = 'in_review'`);
    expect((await client.get(`/api/v1/tax/registrations/${draft!.case_id}`)).status).toBe(404);
    expect((await client.get('/api/v1/tax/registrations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await client.get('/api/v1/tax/registrations/not-a-uuid')).status).toBe(400);
  });
});

describe('GET /api/v1/tax/registrations/export', () => {
  it('CSV and XLSX hold the same columns as the list and no amount or rate', async () => {
    const client = await clientFor(t, taxOfficer);
    const csv = await client.get('/api/v1/tax/registrations/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.raw.body).toContain('Từ 10 đến dưới 50 tỷ đồng');
    expectNoSecrets(csv.raw.body);
    const xlsx = await client.request('GET', '/api/v1/tax/registrations/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('Tỷ lệ phí bản quyền cao');
    expectNoSecrets(cells.join('|'));
  });
});

describe('query threads', () => {
  let queryId: string;

  it('a tax officer opens a thread; DOST leaders and the assigned officer are notified without prices; audited', async () => {
    const client = await clientFor(t, taxOfficer);
    const mark = await lastAuditId(t.database);
    const res = await client.post(`/api/v1/tax/registrations/${flaggedCaseId}/queries`, { subject: 'Giá chuyển giao', body: 'Đề nghị Sở cho biết hợp đồng đã có giá được kiểm toán chưa.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', canReply: true, messages: [{ side: 'tax', authorName: 'Test agency_officer' }] });
    queryId = res.body.id;
    const notified = await t.database.query<{ user_id: string; kind: string; params: unknown }>(`SELECT user_id, kind, params FROM notifications WHERE kind = 'registration.tax_query'`);
    expect(notified.map((n) => n.user_id).sort()).toEqual([leader.id, officer.id].sort());
    expectNoSecrets(JSON.stringify(notified));
    expect(await auditSince(t.database, mark, 'registration.tax_query.open')).toHaveLength(1);
  });

  it('the assigned officer answers; the tax office is notified; another officer may not read or write', async () => {
    const answer = await (await clientFor(t, officer)).post(`/api/v1/registration-tax-queries/${queryId}/messages`, { body: 'Hợp đồng chưa có giá được kiểm toán; Sở đã yêu cầu bổ sung.' });
    expect(answer.status).toBe(201);
    expect(answer.body.messages.map((m: { side: string }) => m.side)).toEqual(['tax', 'dost']);
    const told = await t.database.query<{ user_id: string; link: string }>(`SELECT user_id, link FROM notifications WHERE kind = 'registration.tax_answer'`);
    expect(told.map((n) => n.user_id).sort()).toEqual([taxOfficer.id, taxColleague.id].sort());
    expect(told[0]!.link).toBe(`/tax/registrations/${flaggedCaseId}`);
    const other = await clientFor(t, otherOfficer);
    const before = await countRows(t.database, 'registration_tax_query_messages');
    expect((await other.get(`/api/v1/registration-tax-queries/${queryId}`)).status).toBe(403);
    expect((await other.post(`/api/v1/registration-tax-queries/${queryId}/messages`, { body: 'x' })).status).toBe(403);
    expect(await countRows(t.database, 'registration_tax_query_messages')).toBe(before);
    expect((await other.get('/api/v1/registration-tax-queries')).body.total).toBe(0);
    expect((await (await clientFor(t, officer)).get('/api/v1/registration-tax-queries')).body.total).toBe(1);
  });

  it('the tax office sees the thread on the contract; another tax organisation and enterprises do not', async () => {
    const detail = await (await clientFor(t, taxColleague)).get(`/api/v1/tax/registrations/${flaggedCaseId}`);
    expect(detail.body.queries).toHaveLength(1);
    expect(detail.body.openQueryCount).toBe(1);
    const list = await (await clientFor(t, taxOfficer)).get('/api/v1/registration-tax-queries?status=open');
    expect(list.body.items).toEqual([expect.objectContaining({ id: queryId, messageCount: 2 })]);
    const otherTax = await createUser(t.database, 'agency_officer');
    await linkToTaxAgency(t.database, otherTax.organisationId!);
    expect((await (await clientFor(t, otherTax)).get(`/api/v1/registration-tax-queries/${queryId}`)).status).toBe(403);
    expect((await (await clientFor(t, applicant)).get(`/api/v1/registration-tax-queries/${queryId}`)).status).toBe(403);
  });

  it('no GET operation of the API gives a tax user an amount or a rate of the contract (every path of the OpenAPI document)', async () => {
    const client = await clientFor(t, taxOfficer);
    const [certificate] = await t.database.query<{ verification_code: string }>(`SELECT verification_code FROM registration_certificates WHERE case_id = $1`, [flaggedCaseId]);
    const [document] = await t.database.query<{ id: string }>(`SELECT id FROM case_documents WHERE case_id = $1 LIMIT 1`, [flaggedCaseId]);
    const spec = (await client.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const values: Record<string, string> = { id: flaggedCaseId, caseId: flaggedCaseId, queryId, code: certificate!.verification_code, documentId: document?.id ?? flaggedCaseId };
    let scanned = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!('get' in methods)) continue;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x') + (path.endsWith('/export') ? '?format=csv' : '');
      const res = await client.get(url);
      expectNoSecrets(`${url} ${res.raw.body}`);
      scanned++;
    }
    expect(scanned).toBeGreaterThan(30);
    const mails = await t.database.query<{ text_body: string }>(`SELECT text_body FROM mail_outbox WHERE to_address = $1`, [taxOfficer.email]);
    expectNoSecrets(JSON.stringify(mails));
  });

  it('bad input is 400 and writes nothing; a closed thread refuses messages (409)', async () => {
    const client = await clientFor(t, taxOfficer);
    const before = await countRows(t.database, 'registration_tax_queries');
    expect((await client.post(`/api/v1/tax/registrations/${flaggedCaseId}/queries`, { subject: 'x', body: '' })).status).toBe(400);
    expect((await client.post(`/api/v1/tax/registrations/${plainCaseId}/queries`, { subject: 'Câu hỏi', body: 'Nội dung', extra: 1 })).status).toBe(400);
    expect(await countRows(t.database, 'registration_tax_queries')).toBe(before);
    expect((await (await clientFor(t, officer)).post(`/api/v1/registration-tax-queries/${queryId}/close`)).status).toBe(403); // officers do not close
    const closed = await client.post(`/api/v1/registration-tax-queries/${queryId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', canReply: false });
    const late = await client.post(`/api/v1/registration-tax-queries/${queryId}/messages`, { body: 'Thêm một câu hỏi' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVALID_TRANSITION');
  });
});
