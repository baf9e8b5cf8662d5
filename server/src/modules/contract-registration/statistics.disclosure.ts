import { STATISTICS_DIMENSIONS, type RegistrationStatistics, type StatisticsBucket } from '../../../../common/src/api/registration-oversight.js';

/**
 * Disclosure control of the registration statistics (issue 5 item 7: a contract's price is seen only by its filer,
 * the officer assigned and DOST leaders). Statistics readers who are not DOST leaders (other DOST officers, city
 * leaders) must not read one contract's value out of a total, so a total value is withheld (null) unless it sums at
 * least MIN_CONTRACTS contracts in every issue year of the range (a year with none is fine): comparing two year
 * ranges then never isolates fewer than that many contracts. Within a dimension, when withheld groups would
 * themselves add up to fewer than that many contracts in a year (the total minus the groups shown), the smallest
 * groups shown are withheld too. A statistical-disclosure threshold (the usual "rule of three"), not a legal value.
 */
export const MIN_CONTRACTS = 3;

/** Issue years of the contracts behind one group (a contract paid two ways is in two payment-method groups). */
export type GroupYears = ReadonlyMap<string, readonly number[]>;

/** True when in each year the contracts number zero or at least MIN_CONTRACTS. */
function safe(years: readonly number[]): boolean {
  const perYear = new Map<number, number>();
  for (const year of years) perYear.set(year, (perYear.get(year) ?? 0) + 1);
  return [...perYear.values()].every((n) => n >= MIN_CONTRACTS);
}

/** Keys of the groups of one dimension whose value must be withheld (primary and complementary). */
export function withheldGroups(buckets: readonly StatisticsBucket[], years: GroupYears): Set<string> {
  const withheld = new Set(buckets.filter((bucket) => !safe(years.get(bucket.key) ?? [])).map((bucket) => bucket.key));
  const shown = buckets.filter((bucket) => !withheld.has(bucket.key)).sort((a, b) => a.count - b.count);
  while (withheld.size > 0 && shown.length > 0 && !safe([...withheld].flatMap((key) => years.get(key) ?? []))) withheld.add(shown.shift()!.key);
  return withheld;
}

/** The statistics with the values withheld that a reader who is not a DOST leader may not see. Pure. */
export function withholdSmallValues(
  statistics: Pick<RegistrationStatistics, 'total' | 'byDimension'>,
  allYears: readonly number[],
  yearsOf: (dimension: (typeof STATISTICS_DIMENSIONS)[number]) => GroupYears,
): Pick<RegistrationStatistics, 'total' | 'byDimension'> {
  const byDimension = { ...statistics.byDimension };
  for (const dimension of STATISTICS_DIMENSIONS) {
    const buckets = statistics.byDimension[dimension] ?? [];
    const withheld = withheldGroups(buckets, yearsOf(dimension));
    byDimension[dimension] = buckets.map((bucket) => (withheld.has(bucket.key) ? { ...bucket, totalValueVnd: null } : bucket));
  }
  return { total: safe(allYears) ? statistics.total : { ...statistics.total, totalValueVnd: null }, byDimension };
}
