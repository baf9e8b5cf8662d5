import { describe, expect, it } from 'vitest';
import { withheldGroups, withholdSmallValues } from './statistics.disclosure.js';

const bucket = (key: string, count: number, totalValueVnd: number) => ({ key, count, totalValueVnd });

describe('statistics disclosure control (review R1)', () => {
  it('withholds a group of fewer than three contracts in a year, and the smallest group shown when one withheld group stands alone', () => {
    const buckets = [bucket('C', 5, 50), bucket('J', 3, 30), bucket('A', 1, 7)];
    const years = new Map([
      ['C', [2026, 2026, 2026, 2026, 2026]],
      ['J', [2026, 2026, 2026]],
      ['A', [2026]],
    ]);
    // A alone would be the total minus C and J: J (the smallest shown) is withheld with it.
    expect([...withheldGroups(buckets, years)].sort()).toEqual(['A', 'J']);
  });

  it('a group of three contracts spread over years is withheld (two year ranges would isolate one)', () => {
    const buckets = [bucket('C', 6, 60), bucket('DE', 3, 30)];
    const years = new Map([
      ['C', [2025, 2025, 2025, 2026, 2026, 2026]],
      ['DE', [2025, 2026, 2026]],
    ]);
    expect(withheldGroups(buckets, years).has('DE')).toBe(true);
  });

  it('keeps every value when each group has three or more contracts a year; withholds the total of one contract', () => {
    const statistics = { total: bucket('total', 1, 9), byDimension: { year: [bucket('2026', 1, 9)] } as never };
    const result = withholdSmallValues(statistics, [2026], () => new Map([['2026', [2026]]]));
    expect(result.total.totalValueVnd).toBeNull();
    const many = withholdSmallValues({ total: bucket('total', 3, 9), byDimension: { year: [bucket('2026', 3, 9)] } as never }, [2026, 2026, 2026], () => new Map([['2026', [2026, 2026, 2026]]]));
    expect(many.total.totalValueVnd).toBe(9);
    expect(many.byDimension.year).toEqual([bucket('2026', 3, 9)]);
  });
});
