/**
 * Working-day arithmetic over a loaded calendar: pure, no database. A working day is Monday–Friday that is not a
 * holiday or compensatory day off, plus a Saturday worked under a swap (state agencies' Monday–Friday week,
 * Labour Code 45/2019 art. 111–112 and the yearly Prime Minister decisions).
 */
import type { CalendarDayKind } from '../../../../common/src/api/calendar.js';

export interface CalendarEntry {
  day: string;
  kind: CalendarDayKind;
}

export interface LoadedCalendar {
  /** Day numbers (days since 1970-01-01) of weekdays off: holidays and compensatory days off. */
  readonly daysOff: ReadonlySet<number>;
  /** Day numbers of Saturdays worked under a swap. */
  readonly workingSaturdays: ReadonlySet<number>;
  /** Every entry by ISO date, for isWorkingDay's answer. */
  readonly entries: ReadonlyMap<string, CalendarDayKind>;
  /** Year → schedule announced and complete. A year missing here is not in the data at all. */
  readonly years: ReadonlyMap<number, boolean>;
}

export interface WorkingDayCount {
  from: string;
  to: string;
  workingDays: number;
  /** false when some day in the range lies in a year whose schedule is incomplete or unknown. */
  isComplete: boolean;
  incompleteYears: number[];
}

const MS_PER_DAY = 86_400_000;

export function toDayNumber(iso: string): number {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(ms / MS_PER_DAY);
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

function yearOf(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCFullYear();
}

export function buildCalendar(entries: readonly CalendarEntry[], years: ReadonlyMap<number, boolean>): LoadedCalendar {
  const daysOff = new Set<number>();
  const workingSaturdays = new Set<number>();
  const byDate = new Map<string, CalendarDayKind>();
  for (const entry of entries) {
    byDate.set(entry.day, entry.kind);
    const n = toDayNumber(entry.day);
    if (entry.kind === 'holiday' || entry.kind === 'compensatory_day_off') daysOff.add(n);
    else if (entry.kind === 'working_saturday_swap') workingSaturdays.add(n);
  }
  return { daysOff, workingSaturdays, entries: byDate, years };
}

function isWorkingDayNumber(calendar: LoadedCalendar, n: number): boolean {
  const weekday = isoWeekday(n);
  if (weekday === 6) return calendar.workingSaturdays.has(n);
  if (weekday === 7) return false;
  return !calendar.daysOff.has(n);
}

/** Years touched by the day numbers first..last (inclusive) whose schedule is incomplete or unknown. */
function incompleteYearsBetween(calendar: LoadedCalendar, first: number, last: number): number[] {
  const result: number[] = [];
  if (last < first) return result;
  for (let year = yearOf(first); year <= yearOf(last); year++) if (calendar.years.get(year) !== true) result.push(year);
  return result;
}

export interface WorkingDayAnswer {
  date: string;
  isWorkingDay: boolean;
  kind: CalendarDayKind | null;
  isComplete: boolean;
  incompleteYears: number[];
}

export function isWorkingDay(calendar: LoadedCalendar, date: string): WorkingDayAnswer {
  const n = toDayNumber(date);
  const incompleteYears = incompleteYearsBetween(calendar, n, n);
  return { date, isWorkingDay: isWorkingDayNumber(calendar, n), kind: calendar.entries.get(date) ?? null, isComplete: incompleteYears.length === 0, incompleteYears };
}

/**
 * The `days`-th working day after `from` (the day of receipt is day 0: "within 5 working days of receipt" ends on
 * addWorkingDays(receipt, 5)). Negative `days` count backwards; 0 returns `from` itself.
 */
export function addWorkingDays(calendar: LoadedCalendar, from: string, days: number): WorkingDayCount {
  if (!Number.isInteger(days)) throw new RangeError('days must be an integer');
  const start = toDayNumber(from);
  const step = days < 0 ? -1 : 1;
  let n = start;
  for (let remaining = Math.abs(days); remaining > 0; ) {
    n += step;
    if (isWorkingDayNumber(calendar, n)) remaining--;
  }
  const incompleteYears = step > 0 ? incompleteYearsBetween(calendar, start + 1, n) : incompleteYearsBetween(calendar, n, start - 1);
  return { from, to: fromDayNumber(n), workingDays: days, isComplete: incompleteYears.length === 0, incompleteYears };
}

/** Working days strictly after `from` up to and including `to`; negative (the same count) when `to` is before `from`. */
export function countWorkingDays(calendar: LoadedCalendar, from: string, to: string): WorkingDayCount {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [low, high] = a <= b ? [a, b] : [b, a];
  let count = 0;
  for (let n = low + 1; n <= high; n++) if (isWorkingDayNumber(calendar, n)) count++;
  const incompleteYears = incompleteYearsBetween(calendar, low + 1, high);
  return { from, to, workingDays: a <= b ? count : -count, isComplete: incompleteYears.length === 0, incompleteYears };
}
