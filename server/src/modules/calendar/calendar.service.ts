import type { z } from 'zod';
import type { CalendarDayKind, CreateCalendarDayInput, SaveCalendarYearInput, UpdateCalendarDayInput, WorkingDaysQuery } from '../../../../common/src/api/calendar.js';
import type { FieldError } from '../../../../common/src/errors.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Database } from '../../core/db/database.js';
import { AppError, validationError } from '../../core/errors.js';
import * as q from './calendar.queries.js';
import * as wd from './working-days.js';

/*
 * The loaded calendar is cached per Database for CATALOG_CACHE_SECONDS (other instances pick up a change within that
 * time) and dropped at once on a change made through this instance. One computation is then pure arithmetic.
 */
interface CacheEntry {
  loadedAt: number;
  calendar: Promise<wd.LoadedCalendar>;
}
const caches = new WeakMap<Database, CacheEntry>();

/** Drops the cached calendar of this database (after a change). */
export function invalidateCalendar(database: Database): void {
  caches.delete(database);
}

/** The whole calendar, loaded once per database and kept for CATALOG_CACHE_SECONDS. No permission: reference data. */
export async function loadCalendar(ctx: Ctx): Promise<wd.LoadedCalendar> {
  const ttl = ctx.config.CATALOG_CACHE_SECONDS * 1000;
  const hit = caches.get(ctx.database);
  if (hit && Date.now() - hit.loadedAt < ttl) return hit.calendar;
  const calendar = q.loadCalendarData(ctx.db).then(({ entries, years }) => wd.buildCalendar(entries, new Map(years.map((y) => [y.year, y.isComplete]))));
  if (ttl > 0) {
    const entry = { loadedAt: Date.now(), calendar };
    caches.set(ctx.database, entry);
    calendar.catch(() => caches.get(ctx.database) === entry && caches.delete(ctx.database));
  }
  return calendar;
}

/**
 * The `days`-th working day after `from` (day of receipt = day 0; e.g. Decree 76/2018 art. 5: certificate within 5
 * working days of a complete dossier). `isComplete` is false when the range crosses a year whose schedule is not
 * announced. For other modules' statutory clocks; the caller has already authorised its use case.
 */
export async function addWorkingDays(ctx: Ctx, input: { from: string; days: number }): Promise<wd.WorkingDayCount> {
  return wd.addWorkingDays(await loadCalendar(ctx), input.from, input.days);
}

/** Working days strictly after `from` up to and including `to` (negative when `to` is before `from`). */
export async function countWorkingDays(ctx: Ctx, input: { from: string; to: string }): Promise<wd.WorkingDayCount> {
  return wd.countWorkingDays(await loadCalendar(ctx), input.from, input.to);
}

/** Whether `date` is a working day for state agencies, and the calendar entry on that date if any. */
export async function isWorkingDay(ctx: Ctx, input: { date: string }): Promise<wd.WorkingDayAnswer> {
  return wd.isWorkingDay(await loadCalendar(ctx), input.date);
}

// ---- Public reading (catalog.read) ------------------------------------------------------------------------

/** Years in the calendar with their completeness. Permission: catalog.read (public). */
export async function listYears(ctx: Ctx) {
  assertCan(ctx.actor, 'catalog.read');
  return q.listYears(ctx.db);
}

/** One year's days off and working Saturdays. Permission: catalog.read (public). */
export async function getYear(ctx: Ctx, input: { year: number }) {
  assertCan(ctx.actor, 'catalog.read');
  const year = await q.findYear(ctx.db, input.year);
  if (!year) throw new AppError('NOT_FOUND');
  return { ...year, days: await q.listDays(ctx.db, input.year) };
}

/** The public "count working days" tool: `from` + `days`, or `from` → `to`. Permission: catalog.read (public). */
export async function computeWorkingDays(ctx: Ctx, input: z.infer<typeof WorkingDaysQuery>) {
  assertCan(ctx.actor, 'catalog.read');
  const calendar = await loadCalendar(ctx);
  return input.days !== undefined ? wd.addWorkingDays(calendar, input.from, input.days) : wd.countWorkingDays(calendar, input.from, input.to!);
}

// ---- Administration (reference.manage) ---------------------------------------------------------------------

function fieldError(ctx: Ctx, path: string, code: string, params: Record<string, string | number> = {}): FieldError {
  return { path, code, message: translate(ctx.locale, `calendar.errors.${code}`, params), params };
}

/** Date inside the year; the kind fits the weekday (a swapped working day is a Saturday, a day in lieu a weekday). */
function checkDay(ctx: Ctx, year: number, day: string, kind: CalendarDayKind): void {
  const fields: FieldError[] = [];
  if (Number(day.slice(0, 4)) !== year) fields.push(fieldError(ctx, 'day', 'dateOutsideYear', { year }));
  const weekday = wd.isoWeekday(wd.toDayNumber(day));
  if (kind === 'working_saturday_swap' && weekday !== 6) fields.push(fieldError(ctx, 'kind', 'notSaturday'));
  if (kind === 'weekend_inside_holiday' && weekday < 6) fields.push(fieldError(ctx, 'kind', 'notWeekend'));
  if (kind === 'compensatory_day_off' && weekday > 5) fields.push(fieldError(ctx, 'kind', 'notWeekday'));
  if (fields.length) throw validationError(fields);
}

type DayRow = NonNullable<Awaited<ReturnType<typeof q.findDay>>>;
const auditView = (row: DayRow) => ({ day: row.day, kind: row.kind, nameVi: row.nameVi, nameEn: row.nameEn, sourceUrl: row.sourceUrl, verified: row.verified, note: row.note });

/**
 * Adds an official day off or a swapped working Saturday; the year is created (schedule not complete) if new.
 * Permission: reference.manage. Audit: calendar.day_created.
 */
export async function createDay(ctx: Ctx, input: z.infer<typeof CreateCalendarDayInput>): Promise<DayRow> {
  assertCan(ctx.actor, 'reference.manage');
  const user = requireUser(ctx.actor);
  checkDay(ctx, input.year, input.day, input.kind);
  const row = await inTransaction(ctx, async (tx) => {
    const yearCreated = await q.ensureYear(tx.db, input.year);
    await q.lockYear(tx.db, input.year);
    if (await q.findDayByDate(tx.db, input.day)) throw new AppError('CALENDAR_DAY_EXISTS', { field: 'day', day: input.day });
    const [created] = await q.insertDays(tx.db, [{ ...input, createdBy: user.userId }]);
    await recordAudit(tx, { action: 'calendar.day_created', objectType: 'calendar_day', objectId: created!.id, summary: { after: auditView(created!), yearCreated } });
    return created!;
  });
  invalidateCalendar(ctx.database);
  return row;
}

/** Corrects a day (date within the same year, kind, names, source, verified, note). Permission: reference.manage. Audit: calendar.day_updated. */
export async function updateDay(ctx: Ctx, input: { id: string } & z.infer<typeof UpdateCalendarDayInput>): Promise<DayRow> {
  assertCan(ctx.actor, 'reference.manage');
  const { id, ...values } = input;
  const row = await inTransaction(ctx, async (tx) => {
    const before = await q.findDay(tx.db, id);
    if (!before) throw new AppError('NOT_FOUND');
    checkDay(ctx, before.year, values.day, values.kind);
    await q.lockYear(tx.db, before.year);
    if (await q.findDayByDate(tx.db, values.day, id)) throw new AppError('CALENDAR_DAY_EXISTS', { field: 'day', day: values.day });
    const after = (await q.updateDay(tx.db, id, values))!;
    await recordAudit(tx, { action: 'calendar.day_updated', objectType: 'calendar_day', objectId: id, summary: { before: auditView(before), after: auditView(after) } });
    return after;
  });
  invalidateCalendar(ctx.database);
  return row;
}

/** Removes a day from the calendar. Permission: reference.manage. Audit: calendar.day_deleted (with the removed row). */
export async function deleteDay(ctx: Ctx, input: { id: string }): Promise<void> {
  assertCan(ctx.actor, 'reference.manage');
  await inTransaction(ctx, async (tx) => {
    const before = await q.findDay(tx.db, input.id);
    if (!before) throw new AppError('NOT_FOUND');
    await q.lockYear(tx.db, before.year);
    await q.deleteDay(tx.db, input.id);
    await recordAudit(tx, { action: 'calendar.day_deleted', objectType: 'calendar_day', objectId: input.id, summary: { before: auditView(before) } });
  });
  invalidateCalendar(ctx.database);
}

/**
 * Creates a year or records whether its schedule is announced and complete (e.g. 2028 once the government announces
 * it), with a note on the source. Permission: reference.manage. Audit: calendar.year_saved.
 */
export async function saveYear(ctx: Ctx, input: { year: number } & z.infer<typeof SaveCalendarYearInput>) {
  assertCan(ctx.actor, 'reference.manage');
  const saved = await inTransaction(ctx, async (tx) => {
    const created = await q.ensureYear(tx.db, input.year);
    const before = (await q.lockYear(tx.db, input.year))!;
    const values = { isComplete: input.isComplete, noteVi: input.noteVi, noteEn: input.noteEn };
    await q.updateYear(tx.db, input.year, values);
    await recordAudit(tx, {
      action: 'calendar.year_saved',
      objectType: 'calendar_year',
      objectId: String(input.year),
      summary: { before: created ? null : { isComplete: before.isComplete, noteVi: before.noteVi, noteEn: before.noteEn }, after: values },
    });
    return (await q.findYear(tx.db, input.year))!;
  });
  invalidateCalendar(ctx.database);
  return saved;
}

/** The rows of one year's export. Permission: catalog.read (public). */
export async function exportYear(ctx: Ctx, input: { year: number }) {
  assertCan(ctx.actor, 'catalog.read');
  return getYear(ctx, input);
}
