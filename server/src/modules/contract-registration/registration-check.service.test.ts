import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../../common/src/roles.js';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { contractRegistrationMatrix } from '../../../test/matrix/contract-registration.matrix.js';
import { vietnamToday } from '../catalog/index.js';
import { addCalendarDays } from './registration-check.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (client: Client, body: unknown, locale = 'vi') => client.request('POST', '/api/v1/registration-check', body, { 'accept-language': locale });
const INBOUND = { direction: 'inbound', transferForm: 'independent', usesStateCapital: false };

describe('POST /api/v1/registration-check (public "Do I need to register?")', () => {
  it('inbound independent transfer: must register with DOST (unverified row), the transferee files, with citations', async () => {
    const res = await post(new Client(t.app), { ...INBOUND, signedOn: vietnamToday() });
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe('must_register');
    expect(res.body.reasons).toEqual([{ code: 'inbound', citation: expect.objectContaining({ vi: expect.stringContaining('Điều 31'), en: expect.stringContaining('art. 31') }) }]);
    expect(res.body.authority).toMatchObject({ authority: 'DOST', rowId: 'independent-inbound-domestic', citation: { verified: false, en: expect.stringContaining('Decree 76/2018') } });
    expect(res.body.filer.party).toBe('transferee');
    expect(res.body.filing).toMatchObject({ window: { value: 90, kind: 'calendar_days' }, completenessCheck: { value: 3, kind: 'working_days' }, decisionDeadline: { value: 5, kind: 'working_days' } });
    expect(res.body.filing.fileBy).toBe(addCalendarDays(vietnamToday(), 90));
    expect(res.body.filing.isOverdue).toBe(false);
    expect(res.body.documents.map((d: { code: string }) => d.code)).toEqual(['request_letter', 'contract', 'translation']);
    expect(res.body.documents[2].citation.verified).toBe(false);
    expect(res.body.documents[0].citation).toMatchObject({ vi: 'Luật Chuyển giao công nghệ số 07/2017/QH14, Điều 31 khoản 3', verified: true });
    expect(res.body.listMatch).toBeNull();
    expect(res.body.licenceSteps).toBeNull();
    expect(res.body.advisory).toBe(true);
  });

  it('investment project whose policy the Prime Minister decided: MOST (verified row)', async () => {
    const res = await post(new Client(t.app), { direction: 'inbound', transferForm: 'investment_project', policyDecidedBy: 'prime_minister', usesStateCapital: false });
    expect(res.status).toBe(200);
    expect(res.body.authority).toMatchObject({ authority: 'MOST', rowId: 'investment-central', citation: { verified: true } });
    const zone = await post(new Client(t.app), { direction: 'inbound', transferForm: 'investment_project', policyDecidedBy: 'zone_authority', usesStateCapital: false });
    expect(zone.body.authority).toMatchObject({ authority: 'DOST', rowId: 'investment-provincial' });
  });

  it('domestic without state capital is voluntary (art. 31(2)); with state capital it must be registered', async () => {
    const client = new Client(t.app);
    const voluntary = await post(client, { direction: 'domestic', transferForm: 'franchising', usesStateCapital: false });
    expect(voluntary.body.verdict).toBe('voluntary');
    expect(voluntary.body.reasons[0].code).toBe('domestic_other');
    expect(voluntary.body.filer.party).toBe('transferee');
    const state = await post(client, { direction: 'domestic', transferForm: 'independent', usesStateCapital: true });
    expect(state.body.verdict).toBe('must_register');
    expect(state.body.reasons[0].code).toBe('domestic_state_capital');
  });

  it('outbound: must register, the transferor files, the authority is unknown (ask DOST)', async () => {
    const res = await post(new Client(t.app), { direction: 'outbound', transferForm: 'ip_rights', usesStateCapital: false });
    expect(res.body.verdict).toBe('must_register');
    expect(res.body.filer.party).toBe('transferor');
    expect(res.body.authority).toMatchObject({ authority: 'UNKNOWN', citation: { verified: false } });
  });

  it('a description resembling a prohibited item (vertical-kiln cement): prohibited, with the item and its citation', async () => {
    const res = await post(new Client(t.app), { ...INBOUND, description: 'Nhập khẩu dây chuyền sản xuất xi măng lò đứng công suất nhỏ.' });
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe('prohibited');
    expect(res.body.reasons[0].code).toBe('prohibited_match');
    expect(res.body.listMatch).toMatchObject({ listType: 'prohibited', nameVi: 'Công nghệ sản xuất xi măng lò đứng', inForce: false });
    expect(res.body.listMatch.citation.vi).toContain('Nghị định 120/2014/NĐ-CP');
    expect(res.body.authority).toBeNull();
    expect(res.body.fee).toBeNull();
  });

  it('a description resembling a restricted item (asbestos): restricted, with the licence steps from the restricted.* rules', async () => {
    const res = await post(new Client(t.app), { ...INBOUND, description: 'Dây chuyền sản xuất tấm lợp có sử dụng amiăng trắng.' }, 'en');
    expect(res.body.verdict).toBe('restricted');
    expect(res.body.listMatch.nameVi).toContain('amiăng trắng');
    const steps = Object.fromEntries(res.body.licenceSteps.map((s: { key: string; value: number }) => [s.key, s.value]));
    expect(steps).toMatchObject({ 'restricted.approvalDecision': 30, 'restricted.approvalFee': 10_000_000, 'restricted.licenceFilingWindow': 60, 'restricted.licenceDecision': 15 });
    expect(res.body.licenceSteps[0].citation.en).toContain('art. 29');
    expect(res.body.authority).toBeNull();
  });

  it('filing deadline: signing + 90 calendar days; overdue when past, still answered', async () => {
    expect(addCalendarDays('2026-01-10', 90)).toBe('2026-04-10');
    expect(addCalendarDays('2024-12-15', 90)).toBe('2025-03-15');
    const res = await post(new Client(t.app), { ...INBOUND, signedOn: '2026-01-10' });
    expect(res.body.filing.fileBy).toBe('2026-04-10');
    expect(res.body.filing.isOverdue).toBe(vietnamToday() > '2026-04-10');
    const old = await post(new Client(t.app), { ...INBOUND, signedOn: '2020-01-01' });
    expect(old.body.filing).toMatchObject({ fileBy: '2020-03-31', isOverdue: true });
    expect(old.body.verdict).toBe('must_register');
  });

  it('fee: 0.1 % of the value clamped to 5–10 million VND (unverified); min–max without a value', async () => {
    const client = new Client(t.app);
    const fee = async (contractValueVnd?: number) => (await post(client, { ...INBOUND, ...(contractValueVnd === undefined ? {} : { contractValueVnd }) })).body.fee;
    expect(await fee(1_000_000_000)).toMatchObject({ amountVnd: 5_000_000 });
    expect(await fee(7_000_000_000)).toMatchObject({ amountVnd: 7_000_000 });
    expect(await fee(50_000_000_000)).toMatchObject({ amountVnd: 10_000_000 });
    expect(await fee()).toMatchObject({ amountVnd: null, percent: 0.1, minVnd: 5_000_000, maxVnd: 10_000_000, citation: { verified: false, vi: 'Thông tư 169/2016/TT-BTC' } });
  });

  it('refuses bad input with translated field errors, never a 500, and writes nothing', async () => {
    const client = new Client(t.app);
    const before = await countRows(t.database, 'audit_events');
    const missing = await post(client, { direction: 'inbound' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['transferForm', 'usesStateCapital']));
    const policy = await post(client, { ...INBOUND, policyDecidedBy: 'prime_minister' }, 'en');
    expect(policy.status).toBe(400);
    expect(policy.body.details.fields[0]).toMatchObject({ path: 'policyDecidedBy', code: 'policyOnlyForInvestmentProject', message: expect.stringContaining('investment project') });
    const noPolicy = await post(client, { ...INBOUND, transferForm: 'investment_project' });
    expect(noPolicy.status).toBe(400);
    expect(noPolicy.body.details.fields[0]).toMatchObject({ path: 'policyDecidedBy', code: 'required' });
    const negative = await post(client, { ...INBOUND, contractValueVnd: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.details.fields[0]).toMatchObject({ path: 'contractValueVnd', code: 'too_small_number' });
    const long = await post(client, { ...INBOUND, description: 'xi măng '.repeat(700) });
    expect(long.status).toBe(400);
    expect(long.body.details.fields[0]).toMatchObject({ path: 'description', code: 'too_big_string' });
    for (const body of [{ ...INBOUND, direction: 'sideways' }, { ...INBOUND, signedOn: '2026-02-30' }, { ...INBOUND, contractValueVnd: 1.5 }, { ...INBOUND, extra: 1 }, [], { ...INBOUND, usesStateCapital: 'yes' }]) {
      const res = await post(client, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message.length).toBeGreaterThan(0);
    }
    expect(await countRows(t.database, 'audit_events')).toBe(before);
  });

  it('needs the CSRF token like every other POST', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/registration-check', payload: INBOUND });
    expect(res.statusCode).toBe(403);
  });

  it('matrix entry: every caller, visitors and every role, is allowed', async () => {
    expect(contractRegistrationMatrix['POST /api/v1/registration-check']!.allow).toEqual(['anonymous', ...ROLES]);
    for (const role of ROLES) {
      const res = await post(await clientFor(t, await createUser(t.database, role)), INBOUND);
      expect(res.status, role).toBe(200);
    }
  });
});
