import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CalendarDayKind } from '../../../../common/src/api/calendar.js';
import { HOLIDAYS_SEED } from './calendar.seed.js';
import { addWorkingDays, buildCalendar, countWorkingDays, fromDayNumber, isoWeekday, isWorkingDay, toDayNumber } from './working-days.js';

/** The seeded official days off 2024–2027; 2024–2026 announced, 2027 only the fixed dates (data README). */
const rows = parse(readFileSync(HOLIDAYS_SEED, 'utf8'), { columns: true, bom: true }) as { date: string; kind: string; year: string }[];
const entries = rows.map((row) => ({ day: row.date, kind: CalendarDayKind.parse(row.kind) }));
const calendar = buildCalendar(
  entries,
  new Map([
    [2024, true],
    [2025, true],
    [2026, true],
    [2027, false],
  ]),
);

describe('day numbers and weekdays', () => {
  it('round-trips dates and knows the weekday', () => {
    expect(isoWeekday(toDayNumber('1970-01-01'))).toBe(4);
    expect(isoWeekday(toDayNumber('2026-02-12'))).toBe(4);
    expect(isoWeekday(toDayNumber('2025-04-26'))).toBe(6);
    expect(isoWeekday(toDayNumber('1969-12-28'))).toBe(7);
    expect(fromDayNumber(toDayNumber('2028-02-29'))).toBe('2028-02-29');
  });

  it('the seed file has each kind on a fitting weekday and its year in the date', () => {
    for (const row of rows) {
      const weekday = isoWeekday(toDayNumber(row.date));
      expect(row.date.slice(0, 4), row.date).toBe(row.year);
      if (row.kind === 'working_saturday_swap') expect(weekday, row.date).toBe(6);
      if (row.kind === 'weekend_inside_holiday') expect(weekday, row.date).toBeGreaterThanOrEqual(6);
      if (row.kind === 'compensatory_day_off') expect(weekday, row.date).toBeLessThanOrEqual(5);
    }
    expect(rows).toHaveLength(74);
  });
});

describe('addWorkingDays (day of receipt = day 0)', () => {
  it('a dossier received Thu 12/02/2026 with 5 working days crosses Tết 2026 (off 14–22/02) and ends Thu 26/02/2026', () => {
    // 13/02 Fri = 1; 14–15 weekend; 16–20 the five Tết days; 21–22 weekend; 23 = 2, 24 = 3, 25 = 4, 26 = 5.
    expect(addWorkingDays(calendar, '2026-02-12', 1).to).toBe('2026-02-13');
    expect(addWorkingDays(calendar, '2026-02-12', 2).to).toBe('2026-02-23');
    expect(addWorkingDays(calendar, '2026-02-12', 5)).toEqual({ from: '2026-02-12', to: '2026-02-26', workingDays: 5, isComplete: true, incompleteYears: [] });
    expect(addWorkingDays(calendar, '2026-02-12', 3).to).toBe('2026-02-24');
  });

  it('Tết 2024 (off 8–14/02 including two days in lieu for the weekend Tết days)', () => {
    expect(addWorkingDays(calendar, '2024-02-07', 1).to).toBe('2024-02-15');
  });

  it('30/4–1/5 2025: Saturday 26/4 is worked and Friday 2/5 is off', () => {
    expect(addWorkingDays(calendar, '2025-04-25', 1).to).toBe('2025-04-26');
    expect(addWorkingDays(calendar, '2025-04-29', 1).to).toBe('2025-05-05');
    // Fri 25, Sat 26 (swap), Mon 28, Tue 29, then 30/4, 1/5, 2/5 off and the weekend, Mon 5/5.
    expect(countWorkingDays(calendar, '2025-04-24', '2025-05-05').workingDays).toBe(5);
  });

  it('Tết Dương lịch 2026: Friday 2/1 is off, Saturday 10/1 is worked', () => {
    expect(addWorkingDays(calendar, '2025-12-31', 1)).toMatchObject({ to: '2026-01-05', isComplete: true });
    expect(addWorkingDays(calendar, '2026-01-09', 1).to).toBe('2026-01-10');
    expect(isWorkingDay(calendar, '2026-01-02')).toMatchObject({ isWorkingDay: false, kind: 'compensatory_day_off' });
    expect(isWorkingDay(calendar, '2026-01-10')).toMatchObject({ isWorkingDay: true, kind: 'working_saturday_swap' });
    expect(isWorkingDay(calendar, '2026-01-17')).toMatchObject({ isWorkingDay: false, kind: null });
    expect(isWorkingDay(calendar, '2026-01-12')).toMatchObject({ isWorkingDay: true, kind: null, isComplete: true });
  });

  it('Quốc khánh 2026: Saturday 22/8 worked, Monday 31/8 to Wednesday 2/9 off', () => {
    expect(addWorkingDays(calendar, '2026-08-21', 1).to).toBe('2026-08-22');
    expect(addWorkingDays(calendar, '2026-08-28', 1).to).toBe('2026-09-03');
  });

  it('day 0 is the start itself; negative counts go back', () => {
    expect(addWorkingDays(calendar, '2026-02-14', 0).to).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-26', -5).to).toBe('2026-02-12');
    expect(() => addWorkingDays(calendar, '2026-02-12', 1.5)).toThrow(RangeError);
  });

  it('flags a year whose schedule is incomplete (2027) or not in the data (2028)', () => {
    // 30/4/2027 Fri holiday, 1/5 Sat, 3/5 Mon day in lieu (derived): Tue 4/5 = 1, Wed 5/5 = 2.
    expect(addWorkingDays(calendar, '2027-04-29', 2)).toEqual({ from: '2027-04-29', to: '2027-05-05', workingDays: 2, isComplete: false, incompleteYears: [2027] });
    expect(addWorkingDays(calendar, '2028-03-01', 5)).toEqual({ from: '2028-03-01', to: '2028-03-08', workingDays: 5, isComplete: false, incompleteYears: [2028] });
    expect(addWorkingDays(calendar, '2026-12-30', 3)).toMatchObject({ to: '2027-01-05', isComplete: false, incompleteYears: [2027] });
    expect(isWorkingDay(calendar, '2030-06-03')).toMatchObject({ isWorkingDay: true, isComplete: false, incompleteYears: [2030] });
  });
});

describe('countWorkingDays (after `from`, up to and including `to`)', () => {
  it('counts across years', () => {
    // 2025: Fri 26, Mon 29, Tue 30, Wed 31 = 4; 2026: Mon 5 … Fri 9, Sat 10 (swap), Mon 12 = 7.
    expect(countWorkingDays(calendar, '2025-12-25', '2026-01-12')).toEqual({ from: '2025-12-25', to: '2026-01-12', workingDays: 11, isComplete: true, incompleteYears: [] });
    expect(countWorkingDays(calendar, '2023-12-31', '2024-01-02')).toMatchObject({ workingDays: 1, isComplete: true });
    // 30–31/12/2023 are outside the data: the weekend is still a weekend, but the answer says 2023 is unknown.
    expect(countWorkingDays(calendar, '2023-12-29', '2024-01-02')).toMatchObject({ workingDays: 1, isComplete: false, incompleteYears: [2023] });
    expect(countWorkingDays(calendar, '2023-12-27', '2024-01-02')).toMatchObject({ workingDays: 3, isComplete: false, incompleteYears: [2023] });
  });

  it('is zero for the same day and negative when `to` is before `from`', () => {
    expect(countWorkingDays(calendar, '2026-02-12', '2026-02-12').workingDays).toBe(0);
    expect(countWorkingDays(calendar, '2026-02-26', '2026-02-12').workingDays).toBe(-5);
  });

  it('agrees with addWorkingDays over whole years', () => {
    for (let days = 1; days <= 600; days += 37) {
      const end = addWorkingDays(calendar, '2024-01-03', days).to;
      expect(countWorkingDays(calendar, '2024-01-03', end).workingDays).toBe(days);
    }
  });

  it('takes microseconds per call on a loaded calendar', () => {
    const started = performance.now();
    const runs = 20_000;
    for (let i = 0; i < runs; i++) addWorkingDays(calendar, '2026-02-12', 5);
    const microseconds = ((performance.now() - started) * 1000) / runs;
    expect(microseconds).toBeLessThan(50);
  });
});
