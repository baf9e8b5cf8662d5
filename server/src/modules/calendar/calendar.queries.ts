import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { calendarDays, calendarYears } from './calendar.tables.js';

const dayCount = sql<number>`(SELECT count(*)::int FROM calendar_days d WHERE d.year = calendar_years.year)`;
const unverifiedCount = sql<number>`(SELECT count(*)::int FROM calendar_days d WHERE d.year = calendar_years.year AND NOT d.verified)`;
const yearColumns = {
  year: calendarYears.year,
  isComplete: calendarYears.isComplete,
  noteVi: calendarYears.noteVi,
  noteEn: calendarYears.noteEn,
  dayCount,
  unverifiedCount,
};

export async function listYears(db: Tx) {
  return db.select(yearColumns).from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function findYear(db: Tx, year: number) {
  const [row] = await db.select(yearColumns).from(calendarYears).where(eq(calendarYears.year, year));
  return row;
}

/** Creates the year row (schedule not complete) unless it exists; answers whether it was created. */
export async function ensureYear(db: Tx, year: number, notes: { noteVi?: string | null; noteEn?: string | null; isComplete?: boolean } = {}) {
  const rows = await db
    .insert(calendarYears)
    .values({ year, isComplete: notes.isComplete ?? false, noteVi: notes.noteVi ?? null, noteEn: notes.noteEn ?? null })
    .onConflictDoNothing({ target: calendarYears.year })
    .returning({ year: calendarYears.year });
  return rows.length > 0;
}

/** Locks the year row so concurrent edits of one year's days and its completeness are serialised. */
export async function lockYear(db: Tx, year: number) {
  const [row] = await db.select({ year: calendarYears.year, isComplete: calendarYears.isComplete, noteVi: calendarYears.noteVi, noteEn: calendarYears.noteEn }).from(calendarYears).where(eq(calendarYears.year, year)).for('update');
  return row;
}

export async function updateYear(db: Tx, year: number, values: { isComplete: boolean; noteVi: string | null; noteEn: string | null }) {
  await db.update(calendarYears).set({ ...values, updatedAt: new Date() }).where(eq(calendarYears.year, year));
}

export async function listDays(db: Tx, year: number) {
  return db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.day));
}

export async function listAllDays(db: Tx) {
  return db.select().from(calendarDays).orderBy(asc(calendarDays.day));
}

/** What the working-day arithmetic needs: every entry's date and kind, and every year's completeness. */
export async function loadCalendarData(db: Tx) {
  const [entries, years] = await Promise.all([
    db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays),
    db.select({ year: calendarYears.year, isComplete: calendarYears.isComplete }).from(calendarYears),
  ]);
  return { entries, years };
}

export async function findDay(db: Tx, id: string) {
  const [row] = await db.select().from(calendarDays).where(eq(calendarDays.id, id));
  return row;
}

export async function findDayByDate(db: Tx, day: string, exceptId?: string) {
  const [row] = await db
    .select({ id: calendarDays.id })
    .from(calendarDays)
    .where(exceptId ? and(eq(calendarDays.day, day), sql`${calendarDays.id} <> ${exceptId}`) : eq(calendarDays.day, day));
  return row;
}

export async function insertDays(db: Tx, values: (typeof calendarDays.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(calendarDays).values(values).returning();
}

export async function updateDay(db: Tx, id: string, values: Partial<typeof calendarDays.$inferInsert>) {
  const [row] = await db.update(calendarDays).set({ ...values, updatedAt: new Date() }).where(eq(calendarDays.id, id)).returning();
  return row;
}

export async function deleteDay(db: Tx, id: string) {
  await db.delete(calendarDays).where(eq(calendarDays.id, id));
}
