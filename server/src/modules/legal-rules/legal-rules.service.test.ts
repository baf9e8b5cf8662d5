import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';
import { Client, clientFor, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { ANONYMOUS, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { resolveCompetentAuthority, rule, ruleAuthorityTable, ruleFee, ruleNumber, seedLegalRules } from './index.js';

let t: TestApp;
let admin: Client;
let adminName: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database, 'admin');
  adminName = `Test admin`;
  admin = await clientFor(t, user);
});
afterAll(() => t.close());

const ctx = (): Ctx => ({ db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'vi', requestId: 'test', ip: null, config: t.config });

async function snapshot() {
  const [row] = await t.database.query<{ v: number; r: number; a: number; s: string }>(
    `SELECT (SELECT count(*)::int FROM legal_rule_values) AS v, (SELECT count(*)::int FROM legal_rules) AS r,
            (SELECT count(*)::int FROM audit_events WHERE action <> 'authz.denied') AS a,
            (SELECT string_agg(rule_id::text || valid_from::text || coalesce(valid_to::text, '-') || value::text, ',' ORDER BY rule_id, valid_from) FROM legal_rule_values) AS s`,
  );
  return row;
}

const newValue = (overrides: Record<string, unknown> = {}) => ({
  validFrom: '2027-01-01',
  value: { days: 7 },
  citationVi: 'Nghị định thử nghiệm, Điều 5',
  citationEn: 'Test decree, art. 5',
  sourceUrl: 'https://example.test/nghi-dinh',
  verified: true,
  note: 'Giá trị thử nghiệm',
  ...overrides,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('public legal parameters', () => {
  it('lists every seeded rule with the value in force today, its citation and verified mark', async () => {
    const res = await new Client(t.app).get('/api/v1/legal-rules');
    expect(res.status).toBe(200);
    expect(res.body.rules).toHaveLength(39);
    const deadline = res.body.rules.find((r: { key: string }) => r.key === 'registration.decisionDeadline');
    expect(deadline).toMatchObject({ valueKind: 'working_days', current: { value: { days: 5 }, validFrom: '2018-07-01', validTo: null, verified: true, citationEn: 'Decree 76/2018/ND-CP, art. 5', createdByName: null } });
    const fee = res.body.rules.find((r: { key: string }) => r.key === 'registration.fee');
    expect(fee.current).toMatchObject({ verified: false, value: { percent: 0.1, minVnd: 5000000, maxVnd: 10000000 } });
  });

  it('answers values as of a date: none in force before the Law took effect', async () => {
    const res = await new Client(t.app).get('/api/v1/legal-rules?at=2017-01-01');
    expect(res.body.at).toBe('2017-01-01');
    const byKey = Object.fromEntries(res.body.rules.map((r: { key: string; current: unknown }) => [r.key, r.current]));
    expect(byKey['registration.decisionDeadline']).toBeNull();
    expect(byKey['registration.fee']).toMatchObject({ validFrom: '2016-10-26' });
    expect((await new Client(t.app).get('/api/v1/legal-rules?at=2017-02-30')).body.code).toBe('VALIDATION_FAILED');
  });

  it('returns one rule with its history; unknown and malformed keys are refused', async () => {
    const res = await new Client(t.app).get('/api/v1/legal-rules/registration.competentAuthority');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valueKind: 'authority_table', history: [{ verified: false, citationVi: 'Nghị định 76/2018/NĐ-CP, Điều 6' }] });
    expect(res.body.history[0].value.rows).toHaveLength(6);
    expect((await new Client(t.app).get('/api/v1/legal-rules/registration.unknownRule')).status).toBe(404);
    expect((await new Client(t.app).get('/api/v1/legal-rules/DROP%20TABLE')).status).toBe(400);
  });

  it('exports the rules in force as CSV and one rule’s history as XLSX', async () => {
    const csv = await new Client(t.app).request('GET', '/api/v1/legal-rules/export?format=csv&at=2026-02-12', undefined, { 'accept-language': 'en' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('legal-parameters-2026-02-12.csv');
    const lines = csv.raw.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('Key,Name,Value,Value (JSON),In force from,In force until,Legal basis,Verified,Source,Note');
    expect(lines.find((l: string) => l.startsWith('registration.decisionDeadline'))).toContain('5 working days');
    const xlsx = await new Client(t.app).get('/api/v1/legal-rules/amendment.fee/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('amendment.fee')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Giá trị');
    expect(sheet.getRow(2).getCell(1).value).toBe('0,1 % giá trị hợp đồng, tối thiểu 3.000.000 ₫, tối đa 5.000.000 ₫');
  });
});

describe('rule() and its typed helpers for other modules', () => {
  it('read values with their citation, typed by kind', async () => {
    expect(await rule(ctx(), 'registration.filingWindow', '2026-02-12')).toEqual({
      key: 'registration.filingWindow',
      kind: 'calendar_days',
      value: { days: 90 },
      validFrom: '2018-07-01',
      validTo: null,
      citation: { vi: 'Luật Chuyển giao công nghệ số 07/2017/QH14, Điều 31', en: 'Law on Technology Transfer No. 07/2017/QH14, art. 31' },
      sourceUrl: expect.stringContaining('hongbanglawfirm'),
      verified: true,
    });
    expect(await ruleNumber(ctx(), 'restricted.approvalFee', '2026-02-12')).toBe(10_000_000);
    expect(await ruleNumber(ctx(), 'usedEquipment.minRemainingCapacityPercent')).toBe(85);
    expect(await ruleFee(ctx(), 'registration.fee', 7_000_000_000, '2026-02-12')).toBe(7_000_000);
    expect(await ruleFee(ctx(), 'amendment.fee', 100_000_000, '2026-02-12')).toBe(3_000_000);
    const table = await ruleAuthorityTable(ctx(), 'registration.competentAuthority', '2026-02-12');
    expect(resolveCompetentAuthority(table.value, { transferForm: 'investment_project', policyDecidedBy: 'zone_authority' }).authority).toBe('DOST');
  });

  it('throw a clear error for an unknown key, a date with no value in force, or the wrong kind', async () => {
    expect(await codeOf(rule(ctx(), 'registration.nothing', '2026-01-01'))).toBe('NOT_FOUND');
    expect(await codeOf(rule(ctx(), 'registration.decisionDeadline', '2018-06-30'))).toBe('LEGAL_RULE_NOT_IN_FORCE');
    expect(await codeOf(ruleNumber(ctx(), 'registration.fee', '2026-01-01'))).toBe('INTERNAL');
  });

  it('seeding again keeps every rule and its history', async () => {
    const before = await snapshot();
    expect(await seedLegalRules(t.database.db)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('adding a dated value (administrators)', () => {
  it('closes the value in force the day before, in the same transaction, audited; rule() sees both sides of the change', async () => {
    const mark = await lastAuditId(t.database);
    expect(await ruleNumber(ctx(), 'registration.decisionDeadline', '2027-01-01')).toBe(5); // cached before the change
    const res = await admin.post('/api/v1/legal-rules/registration.decisionDeadline/values', newValue());
    expect(res.status).toBe(201);
    expect(res.body.history.map((v: { validFrom: string; validTo: string | null; value: unknown }) => [v.validFrom, v.validTo, v.value])).toEqual([
      ['2027-01-01', null, { days: 7 }],
      ['2018-07-01', '2026-12-31', { days: 5 }],
    ]);
    expect(res.body.history[0]).toMatchObject({ createdByName: adminName, citationEn: 'Test decree, art. 5', note: 'Giá trị thử nghiệm' });
    expect(res.body.history[1].createdByName).toBeNull();
    expect(await ruleNumber(ctx(), 'registration.decisionDeadline', '2026-12-31')).toBe(5);
    expect(await ruleNumber(ctx(), 'registration.decisionDeadline', '2027-01-01')).toBe(7);
    const publicView = await new Client(t.app).get('/api/v1/legal-rules/registration.decisionDeadline');
    expect(publicView.body.history[0].createdByName).toBeNull();
    expect((await new Client(t.app).get('/api/v1/legal-rules?at=2027-06-01')).body.rules.find((r: { key: string }) => r.key === 'registration.decisionDeadline').current.value).toEqual({ days: 7 });
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['legal_rule.value_added']);
    expect(audit[0]).toMatchObject({ object_type: 'legal_rule', object_id: 'registration.decisionDeadline', summary: { after: { validFrom: '2027-01-01', value: { days: 7 } }, closed: { validFrom: '2018-07-01', validTo: '2026-12-31' } } });
  });

  it('allows a value with an end date, leaves a gap after it, and refuses a start inside it', async () => {
    const key = '/api/v1/legal-rules/restricted.approvalFee/values';
    expect((await admin.post(key, newValue({ validFrom: '2028-01-01', validTo: '2028-06-30', value: { amount: 12_000_000 } }))).status).toBe(201);
    expect(await ruleNumber(ctx(), 'restricted.approvalFee', '2027-12-31')).toBe(10_000_000);
    expect(await ruleNumber(ctx(), 'restricted.approvalFee', '2028-06-30')).toBe(12_000_000);
    expect(await codeOf(rule(ctx(), 'restricted.approvalFee', '2028-07-01'))).toBe('LEGAL_RULE_NOT_IN_FORCE');
    const inside = await admin.post(key, newValue({ validFrom: '2028-03-01', value: { amount: 1 } }));
    expect([inside.status, inside.body.code, inside.body.details.fields[0].path, inside.body.details.fields[0].code]).toEqual([409, 'LEGAL_RULE_OVERLAP', 'validFrom', 'overlapsLatest']);
    expect((await admin.post(key, newValue({ validFrom: '2028-07-01', value: { amount: 15_000_000 } }))).status).toBe(201);
    expect(await ruleNumber(ctx(), 'restricted.approvalFee', '2028-07-01')).toBe(15_000_000);
  });

  it('lets one of two simultaneous additions with the same start win; the other is refused', async () => {
    const body = newValue({ validFrom: '2031-01-01', value: { days: 20 } });
    const results = await Promise.all([admin.post('/api/v1/legal-rules/restricted.licenceDecision/values', body), admin.post('/api/v1/legal-rules/restricted.licenceDecision/values', body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const [open] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM legal_rule_values v JOIN legal_rules r ON r.id = v.rule_id WHERE r.key = 'restricted.licenceDecision' AND v.valid_to IS NULL`,
    );
    expect(open!.n).toBe(1);
  });

  it('refuses other roles and visitors, writing nothing', async () => {
    const before = await snapshot();
    for (const [client, code] of [
      [await clientFor(t, await createUser(t.database, 'dost_leader')), 'FORBIDDEN'],
      [await clientFor(t, await createUser(t.database, 'agency_officer')), 'FORBIDDEN'],
      [new Client(t.app), 'UNAUTHENTICATED'],
    ] as const) {
      const res = await client.post('/api/v1/legal-rules/registration.filingWindow/values', newValue({ validFrom: '2030-01-01', value: { days: 60 } }));
      expect(res.body.code).toBe(code);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses backwards or overlapping dates, an unknown key and values of the wrong shape, writing nothing', async () => {
    const before = await snapshot();
    const post = (key: string, body: Record<string, unknown>) => admin.post(`/api/v1/legal-rules/${key}/values`, newValue(body));
    const fieldsOf = (res: { body: { details?: { fields?: { path: string; code: string }[] } } }) => res.body.details?.fields?.map((f) => `${f.path}:${f.code}`);

    const backwards = await post('registration.filingWindow', { validFrom: '2030-05-01', validTo: '2030-04-30', value: { days: 60 } });
    expect([backwards.status, fieldsOf(backwards)]).toEqual([400, ['validTo:validToBeforeFrom']]);
    const same = await post('registration.filingWindow', { validFrom: '2018-07-01', value: { days: 60 } });
    expect([same.status, same.body.code, fieldsOf(same)]).toEqual([409, 'LEGAL_RULE_OVERLAP', ['validFrom:notAfterLatest']]);
    expect(same.body.details.fields[0].message).toBe('Ngày bắt đầu phải sau 2018-07-01 (ngày bắt đầu của giá trị gần nhất).');
    const earlier = await post('registration.decisionDeadline', { validFrom: '2026-01-01', value: { days: 6 } });
    expect(earlier.body.code).toBe('LEGAL_RULE_OVERLAP');
    expect((await post('registration.noSuchRule', { validFrom: '2030-01-01' })).status).toBe(404);

    const shapes: [string, unknown, string[]][] = [
      ['registration.filingWindow', { days: 'sixty' }, ['value.days:invalid_type']],
      ['registration.filingWindow', { days: -1 }, ['value.days:too_small_number']],
      ['registration.filingWindow', { amount: 60 }, ['value.days:required', 'value:unrecognized_keys']],
      ['registration.filingWindow', undefined, ['value:required']],
      ['registration.fee', { percent: 0.1, minVnd: 10_000_000, maxVnd: 5_000_000 }, ['value.maxVnd:min_above_max']],
      ['plan.agencyEvaluationDue', { month: 2, day: 30 }, ['value.day:invalid_date']],
      ['usedEquipment.standards', { vi: 'Chỉ tiếng Việt' }, ['value.en:required']],
      ['registration.competentAuthority', { rows: [{ id: 'x', when: {}, authority: 'CITY', verified: true, noteVi: 'ab', noteEn: 'ab' }] }, ['value.rows.0.authority:invalid_value']],
    ];
    for (const [key, value, expected] of shapes) {
      const res = await post(key, { validFrom: '2030-01-01', value });
      expect([res.status, fieldsOf(res)?.sort()], `${key} ${JSON.stringify(value)}`).toEqual([400, expected.sort()]);
    }
    const badDate = await post('registration.filingWindow', { validFrom: '2030-02-30', value: { days: 60 } });
    expect([badDate.status, badDate.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const noCitation = await post('registration.filingWindow', { validFrom: '2030-01-01', value: { days: 60 }, citationVi: '' });
    expect(noCitation.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});
