import { valueBand } from '../../../../common/src/api/registration-dossier.js';
import { STATISTICS_DIMENSIONS, type RegistrationStatistics, type RegistrationStatisticsQuery, type StatisticsBucket, type StatisticsDimension } from '../../../../common/src/api/registration-oversight.js';
import { assertCan, can } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { vsicNames } from '../vsic/index.js';
import { withholdSmallValues, type GroupYears } from './statistics.disclosure.js';
import { selectStatisticsRows, type StatisticsRow } from './statistics.queries.js';

const UNKNOWN = 'unknown';

/** The groups of one row in a dimension (a contract paid in two ways counts once under each method). */
function keysOf(row: StatisticsRow, dimension: StatisticsDimension): string[] {
  switch (dimension) {
    case 'year':
      return [String(row.year)];
    case 'sector':
      return [row.sectorCode ?? UNKNOWN];
    case 'country':
      return [row.country ?? UNKNOWN];
    case 'paymentMethod':
      return row.paymentMethods.length ? row.paymentMethods : [UNKNOWN];
    case 'direction':
      return [row.direction ?? UNKNOWN];
    case 'form':
      return [row.form ?? UNKNOWN];
    case 'valueBand':
      return [row.valueVnd === null ? UNKNOWN : valueBand(Number(row.valueVnd))];
    case 'purpose':
      return [row.purpose];
  }
}

/** Counts and total values per group of each dimension, largest count first (years in order). Pure. */
export function aggregateStatistics(rows: readonly StatisticsRow[]): Pick<RegistrationStatistics, 'total' | 'revokedCount' | 'byDimension'> {
  const byDimension = {} as Record<StatisticsDimension, StatisticsBucket[]>;
  for (const dimension of STATISTICS_DIMENSIONS) {
    const buckets = new Map<string, StatisticsBucket & { totalValueVnd: number }>();
    for (const row of rows) {
      for (const key of keysOf(row, dimension)) {
        const bucket = buckets.get(key) ?? { key, count: 0, totalValueVnd: 0 };
        bucket.count += 1;
        bucket.totalValueVnd += Number(row.valueVnd ?? 0);
        buckets.set(key, bucket);
      }
    }
    const sorted = [...buckets.values()];
    sorted.sort(dimension === 'year' ? (a, b) => a.key.localeCompare(b.key) : (a, b) => b.count - a.count || a.key.localeCompare(b.key));
    byDimension[dimension] = sorted;
  }
  return {
    total: { key: 'total', count: rows.length, totalValueVnd: rows.reduce((sum, row) => sum + Number(row.valueVnd ?? 0), 0) },
    revokedCount: rows.filter((row) => row.status === 'revoked').length,
    byDimension,
  };
}

/** The issue years of the contracts in each group of a dimension (for disclosure control). */
function groupYears(rows: readonly StatisticsRow[], dimension: StatisticsDimension): GroupYears {
  const years = new Map<string, number[]>();
  for (const row of rows) for (const key of keysOf(row, dimension)) years.set(key, [...(years.get(key) ?? []), row.year]);
  return years;
}

/**
 * Registered technology transfer contracts (certificates issued in the years, valid or later revoked) by year, sector
 * (VSIC section), transferor country, payment method (Law art. 27(2)), direction, form of transfer (art. 5), value band
 * and purpose, each with the count and the total value in VND (filer's exchange rate), for the city's reporting and
 * the fields known for form 06/KHCN-CG (Circular 15/2018/TT-BKHCN; not verified). Permission: registration.statistics.
 * Aggregates only: no audit for reading; the export is audited (registration.statistics.export). Readers who are not
 * DOST leaders get no total value summing fewer than three contracts a year (statistics.disclosure: issue 5 item 7).
 */
export async function registrationStatistics(ctx: Ctx, query: RegistrationStatisticsQuery): Promise<RegistrationStatistics> {
  assertCan(ctx.actor, 'registration.statistics');
  const rows = await selectStatisticsRows(ctx.db, query);
  const all = aggregateStatistics(rows);
  const aggregated = can(ctx.actor, 'registration.approve') ? all : { ...all, ...withholdSmallValues(all, rows.map((row) => row.year), (dimension) => groupYears(rows, dimension)) };
  const names = await vsicNames(ctx.db, aggregated.byDimension.sector.map((bucket) => bucket.key).filter((key) => key !== UNKNOWN));
  const sectorNames = Object.fromEntries([...names.values()].map((name) => [name.code, { vi: name.nameVi, en: name.nameEn }]));
  return { fromYear: query.fromYear ?? null, toYear: query.toYear ?? null, ...aggregated, sectorNames, formVerified: false };
}

/** registrationStatistics for the XLSX/CSV export, audited. Permission: registration.statistics. */
export async function exportRegistrationStatistics(ctx: Ctx, query: RegistrationStatisticsQuery & { format: 'csv' | 'xlsx' }): Promise<RegistrationStatistics> {
  const statistics = await registrationStatistics(ctx, query);
  await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'registration.statistics.export', summary: { format: query.format, fromYear: query.fromYear ?? null, toYear: query.toYear ?? null } }));
  return statistics;
}
