import { z } from 'zod';
import { IsoDate } from './shared.js';
import { CALENDAR_DAY_KINDS, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../reference-rules.js';

export { CALENDAR_DAY_KINDS, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR };

/** Kinds of calendar entries (see calendar_days.kind). */
export const CalendarDayKind = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

/** A calendar date, YYYY-MM-DD, that exists (no 31 February). */
export { IsoDate };

/** A date the working-day calendar can compute with. */
export const CalendarDate = IsoDate.refine((value) => {
  const year = Number(value.slice(0, 4));
  return year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
}, { message: 'invalid_format' });

export const CalendarYearParam = z.object({ year: z.coerce.number().int().min(MIN_CALENDAR_YEAR).max(MAX_CALENDAR_YEAR) });

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const SourceUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => value === '' || value.split(' | ').every((part) => /^https?:\/\/\S+/.test(part.trim())), { message: 'invalid_format' })
  .nullish()
  .transform((value) => (value ? value : null));

export const CalendarDay = z.object({
  id: z.uuid(),
  day: z.string(),
  year: z.number().int(),
  kind: CalendarDayKind,
  nameVi: z.string(),
  nameEn: z.string(),
  sourceUrl: z.string().nullable(),
  verified: z.boolean(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYearSummary = z.object({
  year: z.number().int(),
  isComplete: z.boolean(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  dayCount: z.number().int(),
  unverifiedCount: z.number().int(),
});
export type CalendarYearSummary = z.infer<typeof CalendarYearSummary>;

export const CalendarYearList = z.object({ years: z.array(CalendarYearSummary) });
export const CalendarYear = CalendarYearSummary.extend({ days: z.array(CalendarDay) });
export type CalendarYear = z.infer<typeof CalendarYear>;

/** `?from=&days=` (the n-th working day after `from`) or `?from=&to=` (working days after `from` up to `to`). */
export const WorkingDaysQuery = z
  .object({
    from: CalendarDate,
    days: z.coerce.number().int().min(-3660).max(3660).optional(),
    to: CalendarDate.optional(),
  })
  .refine((q) => (q.days === undefined) !== (q.to === undefined), { message: 'invalid', path: ['days'] });

export const WorkingDaysAnswer = z.object({
  from: z.string(),
  /** The computed date (with `days`) or the given end date (with `to`). */
  to: z.string(),
  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDays: z.number().int(),
  /** false when the computation crossed a year whose schedule is not announced (or not in the data). */
  isComplete: z.boolean(),
  incompleteYears: z.array(z.number().int()),
});
export type WorkingDaysAnswer = z.infer<typeof WorkingDaysAnswer>;

export const CreateCalendarDayInput = z.object({
  year: z.number().int().min(MIN_CALENDAR_YEAR).max(MAX_CALENDAR_YEAR),
  day: IsoDate,
  kind: CalendarDayKind,
  nameVi: z.string().trim().min(2).max(300),
  nameEn: z.string().trim().min(2).max(300),
  sourceUrl: SourceUrl,
  verified: z.boolean().default(false),
  note: OptionalText(2000),
});

export const UpdateCalendarDayInput = CreateCalendarDayInput.omit({ year: true });

export const SaveCalendarYearInput = z.object({
  isComplete: z.boolean(),
  noteVi: OptionalText(2000),
  noteEn: OptionalText(2000),
});

export const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
