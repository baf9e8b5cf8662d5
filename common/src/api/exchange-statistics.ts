import { z } from 'zod';
import { IsoDate } from './shared.js';

/**
 * Public statistics of the technology exchange (issue 4 §7): published, unexpired offers and demands by sector and by
 * country, expressions of interest and their outcomes by month. Aggregates of teaser-level facets only: nothing from a
 * listing's detail, whatever its visibility.
 */

export const OUTCOME_KINDS = ['no_deal', 'meeting_held', 'mou_signed', 'contract_signed'] as const;

export const ExchangeStatisticsQuery = z.object({
  /** How many calendar months, ending with the current one, the monthly series covers. */
  months: z.coerce.number().int().min(1).max(60).default(12),
});
export type ExchangeStatisticsQuery = z.infer<typeof ExchangeStatisticsQuery>;

export const ExchangeStatisticsExportQuery = ExchangeStatisticsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type ExchangeStatisticsExportQuery = z.infer<typeof ExchangeStatisticsExportQuery>;

export const SectorCount = z.object({
  sectorCode: z.string(),
  nameVi: z.string().nullable(),
  nameEn: z.string().nullable(),
  offers: z.number().int(),
  demands: z.number().int(),
});
export type SectorCount = z.infer<typeof SectorCount>;

export const CountryCount = z.object({
  /** ISO 3166-1 alpha-2: an offer's country of origin, a demand's location country; `unknown` when missing. */
  country: z.string(),
  offers: z.number().int(),
  demands: z.number().int(),
});
export type CountryCount = z.infer<typeof CountryCount>;

export const MonthCount = z.object({
  /** YYYY-MM */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Expressions of interest sent in the month. */
  connections: z.number().int(),
  /** Of those, accepted by the listing owner (as of today). */
  accepted: z.number().int(),
  /** Outcomes recorded with a date in the month. */
  no_deal: z.number().int(),
  meeting_held: z.number().int(),
  mou_signed: z.number().int(),
  contract_signed: z.number().int(),
});
export type MonthCount = z.infer<typeof MonthCount>;

export const ExchangeStatistics = z.object({
  /** The day the figures are for (Vietnam time): listings valid on it count. */
  asOf: IsoDate,
  months: z.number().int(),
  totals: z.object({
    offers: z.number().int(),
    demands: z.number().int(),
    experts: z.number().int(),
    intermediaries: z.number().int(),
    connections: z.number().int(),
    outcomes: z.number().int(),
  }),
  bySector: z.array(SectorCount),
  byCountry: z.array(CountryCount),
  byMonth: z.array(MonthCount),
});
export type ExchangeStatistics = z.infer<typeof ExchangeStatistics>;
