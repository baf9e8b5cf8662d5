import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CalendarDayKind } from '../../../../common/src/api/calendar.js';
import type { Tx } from '../../core/db/database.js';
import * as q from './calendar.queries.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../../seeds/reference');
export const HOLIDAYS_SEED = path.join(REFERENCE, 'vn-public-holidays-2024-2027.csv');
export const YEARS_SEED = path.join(REFERENCE, 'calendar-years.json');

interface CsvRow {
  date: string;
  kind: string;
  name_vi: string;
  name_en: string;
  year: string;
  source_url: string;
  verified: string;
}

interface YearSeed {
  year: number;
  isComplete: boolean;
  noteVi: string;
  noteEn: string;
}

/**
 * Loads the official days off 2024–2027 (with their sources) year by year: a year already in the database is left
 * as it is, so administrators' corrections and deletions survive every start. Returns the years loaded.
 */
export async function seedCalendar(db: Tx): Promise<number[]> {
  const rows = parse(await readFile(HOLIDAYS_SEED, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[];
  const { years } = JSON.parse(await readFile(YEARS_SEED, 'utf8')) as { years: YearSeed[] };
  const loaded: number[] = [];
  for (const year of years) {
    if (!(await q.ensureYear(db, year.year, year))) continue;
    const days = rows.filter((row) => Number(row.year) === year.year);
    await q.insertDays(
      db,
      days.map((row) => ({
        day: row.date,
        year: year.year,
        kind: CalendarDayKind.parse(row.kind),
        nameVi: row.name_vi,
        nameEn: row.name_en,
        sourceUrl: row.source_url || null,
        verified: row.verified === 'yes',
        note: null,
      })),
    );
    loaded.push(year.year);
  }
  return loaded;
}
