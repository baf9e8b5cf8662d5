import type { z } from 'zod';
import type * as calendar from '../../../../common/src/api/calendar.js';
import { useApiQuery } from '../../lib/use-api-query.js';

/** Payload types of the calendar API (type-only imports of the shared schemas). */
export type CalendarDay = z.infer<typeof calendar.CalendarDay>;
export type CalendarYearSummary = z.infer<typeof calendar.CalendarYearSummary>;
export type CalendarYear = z.infer<typeof calendar.CalendarYear>;
export type CalendarYearList = z.infer<typeof calendar.CalendarYearList>;
export type WorkingDaysAnswer = z.infer<typeof calendar.WorkingDaysAnswer>;

export function useCalendarYears() {
  return useApiQuery<CalendarYearList>('/calendar/years');
}

export function useCalendarYear(year: number | null) {
  return useApiQuery<CalendarYear>(year === null ? null : `/calendar/${year}`);
}

/** Today's date in Vietnam (UTC+7). */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The year in Vietnam (UTC+7) today. */
export function currentVietnamYear(now = new Date()): number {
  return Number(vietnamToday(now).slice(0, 4));
}

/** The year to show: the one asked for if known, else this year if known, else the latest. */
export function chooseYear(years: readonly CalendarYearSummary[], asked: number | undefined): number | null {
  const known = years.map((y) => y.year);
  if (asked !== undefined && known.includes(asked)) return asked;
  const current = currentVietnamYear();
  if (known.includes(current)) return current;
  return known.length ? known[known.length - 1]! : null;
}

/** Full weekday name of an ISO date in the UI language ("thứ Năm", "Thursday"). */
export function weekdayName(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export interface SourceLink {
  url: string;
  /** What the source quotes, e.g. "(VPCP 12729/VPCP-KGVX 25/12/2025)", or ''. */
  remark: string;
}

/** Sources are stored as "url (remark) | url | …". */
export function sourceLinks(sourceUrl: string | null): SourceLink[] {
  if (!sourceUrl) return [];
  return sourceUrl
    .split(' | ')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [url = '', ...rest] = part.split(/\s+/);
      return { url, remark: rest.join(' ') };
    })
    .filter((link) => /^https?:\/\//.test(link.url));
}

/** Days of a year grouped by month (1–12), in date order. */
export function daysByMonth(days: readonly CalendarDay[]): [number, CalendarDay[]][] {
  const groups = new Map<number, CalendarDay[]>();
  for (const day of days) {
    const month = Number(day.day.slice(5, 7));
    groups.set(month, [...(groups.get(month) ?? []), day]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}
