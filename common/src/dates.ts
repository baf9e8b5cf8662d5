/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), with no time zone involved. */

/** The ISO date `days` calendar days after `isoDate` (before it when `days` is negative). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The ISO date one day before `isoDate` (the last day of a validity that ends when the next one starts). */
export function dayBefore(isoDate: string): string {
  return addDays(isoDate, -1);
}
