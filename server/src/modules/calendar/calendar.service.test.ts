import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';
import { Client, clientFor, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { ANONYMOUS, type Ctx } from '../../core/context.js';
import { addWorkingDays, countWorkingDays, isWorkingDay, seedCalendar } from './index.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await clientFor(t, await createUser(t.database, 'admin'));
});
afterAll(() => t.close());

const ctx = (): Ctx => ({ db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'vi', requestId: 'test', ip: null, config: t.config });

/** Rows of the calendar tables and audit records other than refusals: "nothing written" compares these. */
async function snapshot() {
  const [row] = await t.database.query<{ d: number; y: number; a: number; s: string }>(
    `SELECT (SELECT count(*)::int FROM calendar_days) AS d, (SELECT count(*)::int FROM calendar_years) AS y,
            (SELECT count(*)::int FROM audit_events WHERE action <> 'authz.denied') AS a,
            (SELECT string_agg(day::text || kind || name_vi || verified::text, ',' ORDER BY day) FROM calendar_days) AS s`,
  );
  return row;
}

const day2028 = (overrides: Record<string, unknown> = {}) => ({
  year: 2028,
  day: '2028-01-03',
  kind: 'compensatory_day_off',
  nameVi: 'Nghỉ bù Tết Dương lịch (thử nghiệm)',
  nameEn: "Day off in lieu of New Year's Day (test)",
  sourceUrl: 'https://example.test/lich-nghi-2028',
  verified: false,
  ...overrides,
});

describe('public calendar', () => {
  it('lists the seeded years 2024–2027 with 2027 not complete', async () => {
    const res = await new Client(t.app).get('/api/v1/calendar/years');
    expect(res.status).toBe(200);
    expect(res.body.years.map((y: { year: number; isComplete: boolean }) => [y.year, y.isComplete])).toEqual([
      [2024, true],
      [2025, true],
      [2026, true],
      [2027, false],
    ]);
    const total = res.body.years.reduce((sum: number, y: { dayCount: number }) => sum + y.dayCount, 0);
    expect(total).toBe(74);
    expect(res.body.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ dayCount: 5, unverifiedCount: 1 });
    expect(res.body.years[3].noteEn).toMatch(/No 2027 schedule/);
  });

  it('returns one year with names in both languages, sources and verified marks', async () => {
    const res = await new Client(t.app).get('/api/v1/calendar/2026');
    expect(res.status).toBe(200);
    const tet = res.body.days.filter((d: { day: string }) => d.day >= '2026-02-14' && d.day <= '2026-02-22');
    expect(tet).toHaveLength(9);
    expect(res.body.days.find((d: { day: string }) => d.day === '2026-01-10')).toMatchObject({
      kind: 'working_saturday_swap',
      nameEn: 'Working Saturday (swapped with Friday 2 January 2026)',
      verified: true,
      sourceUrl: expect.stringContaining('VPCP 12729'),
    });
    expect((await new Client(t.app).get('/api/v1/calendar/2031')).body.code).toBe('NOT_FOUND');
    const bad = await new Client(t.app).get('/api/v1/calendar/1999');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('adds and counts working days through the API, flagging incomplete years', async () => {
    const client = new Client(t.app);
    const added = await client.get('/api/v1/calendar/working-days?from=2026-02-12&days=5');
    expect(added.body).toEqual({ from: '2026-02-12', to: '2026-02-26', workingDays: 5, isComplete: true, incompleteYears: [] });
    const counted = await client.get('/api/v1/calendar/working-days?from=2025-04-24&to=2025-05-05');
    expect(counted.body).toMatchObject({ workingDays: 5, isComplete: true });
    const across = await client.get('/api/v1/calendar/working-days?from=2026-12-28&days=10');
    expect(across.body).toMatchObject({ isComplete: false, incompleteYears: [2027] });
    for (const query of ['from=2026-02-12', 'from=2026-02-12&days=5&to=2026-03-01', 'from=2026-02-30&days=1', 'from=2026-02-12&days=x', 'from=1800-01-01&days=1']) {
      const res = await client.get(`/api/v1/calendar/working-days?${query}`);
      expect([res.status, res.body.code], query).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('exports a year as CSV and XLSX with translated headers', async () => {
    const csv = await new Client(t.app).request('GET', '/api/v1/calendar/2025/export?format=csv', undefined, { 'accept-language': 'en' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('working-day-calendar-2025.csv');
    const lines = csv.raw.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('Date,Kind,Vietnamese name,English name,Verified,Source,Note');
    expect(lines.find((l: string) => l.startsWith('2025-05-02'))).toContain('Day off in lieu or swapped');
    expect(lines).toHaveLength(1 + 23);
    const xlsx = await new Client(t.app).get('/api/v1/calendar/2026/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('2026')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Ngày');
    expect(sheet.rowCount).toBe(1 + 27);
  });
});

describe('working-day functions for other modules', () => {
  it('answer from the cached calendar and see an administrator’s change at once', async () => {
    expect(await addWorkingDays(ctx(), { from: '2026-02-12', days: 5 })).toMatchObject({ to: '2026-02-26', isComplete: true });
    expect(await countWorkingDays(ctx(), { from: '2025-12-25', to: '2026-01-12' })).toMatchObject({ workingDays: 11 });
    expect(await isWorkingDay(ctx(), { date: '2025-04-26' })).toMatchObject({ isWorkingDay: true, kind: 'working_saturday_swap' });
    // 2028 is not in the data: weekends only, flagged.
    expect(await addWorkingDays(ctx(), { from: '2027-12-31', days: 1 })).toMatchObject({ to: '2028-01-03', isComplete: false, incompleteYears: [2028] });
    const created = await admin.post('/api/v1/calendar/days', day2028({ day: '2028-01-03' }));
    expect(created.status).toBe(201);
    expect(await addWorkingDays(ctx(), { from: '2027-12-31', days: 1 })).toMatchObject({ to: '2028-01-04', isComplete: false });
    expect((await admin.delete(`/api/v1/calendar/days/${created.body.id}`)).status).toBe(200);
    expect(await addWorkingDays(ctx(), { from: '2027-12-31', days: 1 })).toMatchObject({ to: '2028-01-03' });
  });

  it('seeding again changes nothing (years already present are kept as they are)', async () => {
    const before = await snapshot();
    expect(await seedCalendar(t.database.db)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('administering the calendar', () => {
  it('adds a new year, its days, corrects and deletes one, and marks the year announced — all audited', async () => {
    const mark = await lastAuditId(t.database);
    const created = await admin.post('/api/v1/calendar/days', day2028({ year: 2030, day: '2030-01-01', kind: 'holiday', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2030, day: '2030-01-01', kind: 'holiday', verified: false });
    const year = await new Client(t.app).get('/api/v1/calendar/2030');
    expect(year.body).toMatchObject({ year: 2030, isComplete: false, dayCount: 1 });

    const swap = await admin.post('/api/v1/calendar/days', day2028({ year: 2030, day: '2030-01-05', kind: 'working_saturday_swap', nameVi: 'Thứ Bảy làm bù', nameEn: 'Working Saturday' }));
    expect(swap.status).toBe(201);
    const updated = await admin.request('PUT', `/api/v1/calendar/days/${swap.body.id}`, { ...day2028(), day: '2030-01-12', kind: 'working_saturday_swap', nameVi: 'Thứ Bảy làm bù (sửa)', nameEn: 'Working Saturday (fixed)', verified: true });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ day: '2030-01-12', nameVi: 'Thứ Bảy làm bù (sửa)', verified: true });
    expect((await new Client(t.app).get('/api/v1/calendar/working-days?from=2030-01-11&days=1')).body.to).toBe('2030-01-12');
    expect((await admin.delete(`/api/v1/calendar/days/${swap.body.id}`)).status).toBe(200);

    const saved = await admin.request('PUT', '/api/v1/calendar/years/2030', { isComplete: true, noteVi: 'Thông báo thử nghiệm', noteEn: 'Test notice' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: 2030, isComplete: true, noteEn: 'Test notice', dayCount: 1 });
    expect((await new Client(t.app).get('/api/v1/calendar/working-days?from=2030-03-01&days=1')).body).toMatchObject({ isComplete: true });

    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['calendar.day_created', 'calendar.day_created', 'calendar.day_updated', 'calendar.day_deleted', 'calendar.year_saved']);
    expect(audit[0]!.summary).toMatchObject({ yearCreated: true, after: { day: '2030-01-01', kind: 'holiday' } });
    expect(audit[2]!.summary).toMatchObject({ before: { day: '2030-01-05' }, after: { day: '2030-01-12', verified: true } });
    expect(audit[3]!.summary).toMatchObject({ before: { day: '2030-01-12' } });
    expect(audit[4]!.summary).toMatchObject({ before: { isComplete: false }, after: { isComplete: true, noteEn: 'Test notice' } });
    expect(audit.every((a) => a.actor_user_id !== null)).toBe(true);
  });

  it('creates a year without days (e.g. 2029 before its schedule is entered)', async () => {
    const res = await admin.request('PUT', '/api/v1/calendar/years/2029', { isComplete: false, noteVi: null, noteEn: null });
    expect(res.body).toMatchObject({ year: 2029, isComplete: false, dayCount: 0 });
    expect((await new Client(t.app).get('/api/v1/calendar/years')).body.years.map((y: { year: number }) => y.year)).toContain(2029);
  });

  it('refuses other roles and visitors, writing nothing', async () => {
    const officer = await clientFor(t, await createUser(t.database, 'dost_officer'));
    const enterprise = await clientFor(t, await createUser(t.database, 'enterprise_admin'));
    const [existing] = await t.database.query<{ id: string }>(`SELECT id FROM calendar_days WHERE day = '2026-01-10'`);
    const before = await snapshot();
    for (const [client, refusal] of [[officer, 'FORBIDDEN'], [enterprise, 'FORBIDDEN'], [new Client(t.app), 'UNAUTHENTICATED']] as const) {
      const attempts = [
        await client.post('/api/v1/calendar/days', day2028({ day: '2028-02-01' })),
        await client.request('PUT', `/api/v1/calendar/days/${existing!.id}`, { ...day2028(), day: '2026-01-10', kind: 'working_saturday_swap' }),
        await client.delete(`/api/v1/calendar/days/${existing!.id}`),
        await client.request('PUT', '/api/v1/calendar/years/2027', { isComplete: true }),
      ];
      expect(attempts.map((res) => res.body.code)).toEqual([refusal, refusal, refusal, refusal]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with translated field errors, writing nothing', async () => {
    const before = await snapshot();
    const outside = await admin.post('/api/v1/calendar/days', day2028({ day: '2027-12-31' }));
    expect(outside.status).toBe(400);
    expect(outside.body.details.fields).toEqual([{ path: 'day', code: 'dateOutsideYear', message: 'Ngày phải thuộc năm 2028.', params: { year: 2028 } }]);
    const friday = await admin.post('/api/v1/calendar/days', day2028({ day: '2028-01-07', kind: 'working_saturday_swap' }));
    expect(friday.body.details.fields).toEqual([expect.objectContaining({ path: 'kind', message: 'Thứ Bảy làm bù phải là một ngày thứ Bảy.' })]);
    const weekendInLieu = await admin.post('/api/v1/calendar/days', day2028({ day: '2028-01-09', kind: 'compensatory_day_off' }));
    expect(weekendInLieu.body.details.fields[0]).toMatchObject({ path: 'kind', code: 'notWeekday' });
    const weekday = await admin.post('/api/v1/calendar/days', day2028({ day: '2028-01-10', kind: 'weekend_inside_holiday' }));
    expect(weekday.body.details.fields[0]).toMatchObject({ path: 'kind', code: 'notWeekend' });
    const duplicate = await admin.post('/api/v1/calendar/days', { ...day2028(), year: 2026, day: '2026-02-17', kind: 'holiday' });
    expect([duplicate.status, duplicate.body.code, duplicate.body.details.field]).toEqual([409, 'CALENDAR_DAY_EXISTS', 'day']);
    for (const body of [day2028({ kind: 'festival' }), day2028({ day: '2028-02-30' }), day2028({ nameVi: 'x' }), day2028({ sourceUrl: 'javascript:alert(1)' }), { ...day2028(), year: 1990 }]) {
      const res = await admin.post('/api/v1/calendar/days', body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
    }
    const [tet] = await t.database.query<{ id: string }>(`SELECT id FROM calendar_days WHERE day = '2026-02-17'`);
    const moved = await admin.request('PUT', `/api/v1/calendar/days/${tet!.id}`, { ...day2028(), day: '2025-02-17', kind: 'holiday' });
    expect(moved.body.details.fields[0]).toMatchObject({ path: 'day', code: 'dateOutsideYear', params: { year: 2026 } });
    const clash = await admin.request('PUT', `/api/v1/calendar/days/${tet!.id}`, { ...day2028(), day: '2026-02-18', kind: 'holiday' });
    expect(clash.body.code).toBe('CALENDAR_DAY_EXISTS');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.request('PUT', `/api/v1/calendar/days/${missing}`, { ...day2028() })).body.code).toBe('NOT_FOUND');
    expect((await admin.delete(`/api/v1/calendar/days/${missing}`)).body.code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });
});
