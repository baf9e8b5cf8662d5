import { describe, expect, it } from 'vitest';
import { addDays, createsCycle, isInForce, isOrdered, isWithin, overlaps, successorsInForce, type Validity } from './agencies.rules.js';

const open = (validFrom: string): Validity => ({ validFrom, validTo: null });
const closed = (validFrom: string, validTo: string): Validity => ({ validFrom, validTo });

describe('validity (valid_to is the last day, inclusive)', () => {
  it('is in force from the first through the last day', () => {
    const dpi = closed('2019-04-10', '2025-02-28');
    expect(isInForce(dpi, '2019-04-09')).toBe(false);
    expect(isInForce(dpi, '2019-04-10')).toBe(true);
    expect(isInForce(dpi, '2025-02-28')).toBe(true);
    expect(isInForce(dpi, '2025-03-01')).toBe(false);
    expect(isInForce(open('2025-03-01'), '2099-12-31')).toBe(true);
  });

  it('orders dates and counts a one-day period as ordered', () => {
    expect(isOrdered(closed('2025-03-01', '2025-03-01'))).toBe(true);
    expect(isOrdered(closed('2025-03-01', '2025-02-28'))).toBe(false);
    expect(isOrdered(open('2025-03-01'))).toBe(true);
  });

  it('finds overlaps, including shared single days and open ends', () => {
    expect(overlaps(closed('2019-01-01', '2025-02-28'), open('2025-03-01'))).toBe(false);
    expect(overlaps(closed('2019-01-01', '2025-03-01'), open('2025-03-01'))).toBe(true);
    expect(overlaps(open('2019-01-01'), closed('2030-01-01', '2030-12-31'))).toBe(true);
    expect(overlaps(closed('2021-01-01', '2021-12-31'), closed('2020-01-01', '2020-12-31'))).toBe(false);
  });

  it('puts a period inside an agency only when it fits entirely', () => {
    const agency = closed('2019-04-10', '2025-02-28');
    expect(isWithin(closed('2019-04-10', '2025-02-28'), agency)).toBe(true);
    expect(isWithin(open('2019-04-10'), agency)).toBe(false);
    expect(isWithin(closed('2019-04-09', '2020-01-01'), agency)).toBe(false);
    expect(isWithin(open('2025-03-01'), open('2025-03-01'))).toBe(true);
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-06-30', 1)).toBe('2025-07-01');
  });
});

describe('lineage', () => {
  const edges = [
    { predecessorId: 'dard', successorId: 'dae', eventDate: '2025-03-01' },
    { predecessorId: 'donre', successorId: 'dae', eventDate: '2025-03-01' },
    { predecessorId: 'old', successorId: 'mid', eventDate: '2020-01-01' },
    { predecessorId: 'mid', successorId: 'new', eventDate: '2025-07-01' },
  ];

  it('refuses a link that closes a loop, directly, through several steps, or to itself', () => {
    expect(createsCycle(edges, 'dae', 'dard')).toBe(true);
    expect(createsCycle(edges, 'new', 'old')).toBe(true);
    expect(createsCycle(edges, 'dae', 'dae')).toBe(true);
    expect(createsCycle(edges, 'new', 'dae')).toBe(false);
  });

  it('follows successors up to the date, and stays on an agency still in force', () => {
    const validities = new Map([
      ['dard', closed('2019-04-10', '2025-02-28')],
      ['dae', open('2025-03-01')],
      ['old', closed('2010-01-01', '2019-12-31')],
      ['mid', closed('2020-01-01', '2025-06-30')],
      ['new', open('2025-07-01')],
    ]);
    expect(successorsInForce('dard', '2024-01-01', validities, edges)).toEqual(['dard']);
    expect(successorsInForce('dard', '2026-01-01', validities, edges)).toEqual(['dae']);
    expect(successorsInForce('old', '2022-01-01', validities, edges)).toEqual(['mid']);
    expect(successorsInForce('old', '2026-01-01', validities, edges)).toEqual(['new']);
    expect(successorsInForce('old', '2009-01-01', validities, edges)).toEqual([]);
  });
});
