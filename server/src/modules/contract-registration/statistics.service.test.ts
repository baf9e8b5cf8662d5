import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';
import { clientFor, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { insertRegisteredContract } from './oversight.test-factory.js';
import { cleanDossier } from './risk-flags.fixtures.js';

let t: TestApp;
let officer: TestUser;
let cityLeader: TestUser;
let applicant: TestUser;
let leader: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  cityLeader = await createUser(t.database, 'city_leader');
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  const base = { organisationId: applicant.organisationId!, drafterId: officer.id, approverId: leader.id };
  const japanese = cleanDossier({ parties: { transferor: { ...cleanDossier().parties.transferor, country: 'JP' } }, price: { payments: [{ method: 'lump_sum', amount: 1 }, { method: 'pct_net_revenue', ratePercent: 3 }] } });
  await insertRegisteredContract(t.database, { ...base, valueVnd: 2_000_000_000, issuedOn: '2025-03-01', sectorCode: 'C' });
  await insertRegisteredContract(t.database, { ...base, valueVnd: 30_000_000_000, issuedOn: '2026-04-01', sectorCode: 'C', data: japanese });
  await insertRegisteredContract(t.database, { ...base, valueVnd: 500_000_000, issuedOn: '2026-06-01', sectorCode: 'J', status: 'revoked' });
  await insertRegisteredContract(t.database, { ...base, valueVnd: 9e12, status: 'in_review' }); // not registered
});
afterAll(() => t.close());

describe('GET /api/v1/registration-statistics', () => {
  it('counts registered contracts and their value by year, sector, country, payment method, band; revoked ones included and counted', async () => {
    const res = await (await clientFor(t, leader)).get('/api/v1/registration-statistics'); // leaders see every dossier: no value withheld
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual({ key: 'total', count: 3, totalValueVnd: 32_500_000_000 });
    expect(res.body.revokedCount).toBe(1);
    expect(res.body.formVerified).toBe(false);
    expect(res.body.byDimension.year).toEqual([
      { key: '2025', count: 1, totalValueVnd: 2_000_000_000 },
      { key: '2026', count: 2, totalValueVnd: 30_500_000_000 },
    ]);
    expect(res.body.byDimension.sector).toEqual([
      { key: 'C', count: 2, totalValueVnd: 32_000_000_000 },
      { key: 'J', count: 1, totalValueVnd: 500_000_000 },
    ]);
    expect(res.body.sectorNames.C.vi).toMatch(/chế biến/i);
    expect(res.body.byDimension.country).toContainEqual({ key: 'JP', count: 1, totalValueVnd: 30_000_000_000 });
    // A contract paid two ways counts under each method.
    expect(res.body.byDimension.paymentMethod).toEqual([
      { key: 'lump_sum', count: 3, totalValueVnd: 32_500_000_000 },
      { key: 'pct_net_revenue', count: 1, totalValueVnd: 30_000_000_000 },
    ]);
    expect(res.body.byDimension.valueBand.map((b: { key: string }) => b.key).sort()).toEqual(['10bn_50bn', '1bn_10bn', 'under_1bn']);
  });

  it('filters by year range; a reversed range is 400', async () => {
    const client = await clientFor(t, cityLeader);
    const res = await client.get('/api/v1/registration-statistics?fromYear=2026&toYear=2026');
    expect(res.body.total.count).toBe(2);
    const reversed = await client.get('/api/v1/registration-statistics?fromYear=2026&toYear=2025');
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('VALIDATION_FAILED');
  });

  it('is refused to enterprises and tax users', async () => {
    expect((await (await clientFor(t, applicant)).get('/api/v1/registration-statistics')).status).toBe(403);
    expect((await (await clientFor(t, await createUser(t.database, 'agency_officer'))).get('/api/v1/registration-statistics')).status).toBe(403);
  });

  it('exports XLSX labelled with form 06/KHCN-CG (unverified), translated groups; the export is audited', async () => {
    const client = await clientFor(t, leader);
    const mark = await lastAuditId(t.database);
    const res = await client.request('GET', '/api/v1/registration-statistics/export?fromYear=2025&toYear=2026');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('06-KHCN-CG-2025-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toContain('06-KHCN-CG');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(String(rows[0]![0])).toContain('chưa kiểm chứng');
    expect(rows).toContainEqual(['Tổng số hợp đồng đã đăng ký', '', 3, 32_500_000_000]);
    expect(rows).toContainEqual(['Theo phương thức thanh toán', 'Theo % doanh thu thuần', 1, 30_000_000_000]);
    expect(rows.some((row) => String(row[1]).includes('(JP)'))).toBe(true);
    expect(rows.some((row) => String(row[1]).startsWith('C – '))).toBe(true);
    expect(await auditSince(t.database, mark, 'registration.statistics.export')).toHaveLength(1);
  });
});
