/**
 * Robust statistics for the price comparison (pure). The median and the median absolute deviation (MAD) resist the
 * few extreme contracts any registry holds; the modified z-score 0.6745 × (x − median) / MAD (Iglewicz and Hoaglin,
 * 1993) reads like an ordinary z-score for normal data.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[], center: number = median(values)): number {
  return median(values.map((value) => Math.abs(value - center)));
}

export interface RobustScore {
  n: number;
  median: number;
  mad: number;
  /** Modified z-score; null when the comparables do not spread (every deviation zero), so no scale exists. */
  robustZ: number | null;
}

/**
 * Where `value` stands among `comparables`. When more than half of them are equal (MAD = 0) the mean absolute
 * deviation × 1.2533 stands in for the scale (the usual fallback); when that is zero too there is no scale.
 */
export function robustScore(value: number, comparables: readonly number[]): RobustScore {
  const center = median(comparables);
  const mad = medianAbsoluteDeviation(comparables, center);
  if (comparables.length === 0) return { n: 0, median: Number.NaN, mad: Number.NaN, robustZ: null };
  if (mad > 0) return { n: comparables.length, median: center, mad, robustZ: (0.6745 * (value - center)) / mad };
  const meanDeviation = comparables.reduce((sum, x) => sum + Math.abs(x - center), 0) / comparables.length;
  const robustZ = meanDeviation > 0 ? (value - center) / (1.2533 * meanDeviation) : null;
  return { n: comparables.length, median: center, mad, robustZ };
}
