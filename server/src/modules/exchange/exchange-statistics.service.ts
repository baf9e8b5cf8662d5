import { OUTCOME_KINDS, type ExchangeStatistics, type ExchangeStatisticsQuery, type MonthCount } from '../../../../common/src/api/exchange-statistics.js';
import type { Ctx } from '../../core/context.js';
import { listCurrentItems, vietnamToday } from '../catalog/index.js';
import * as q from './exchange-statistics.queries.js';

/** The `months` calendar months (YYYY-MM) ending with the month of `today`, oldest first. Pure. */
export function monthsEndingOn(today: string, months: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (months - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * Public statistics of the technology exchange (issue 4 §7): published offers and demands valid today by sector (priority
 * catalog, Decision 872/QĐ-UBND) and by country, expressions of interest and outcomes by month over the last `months`
 * months. No permission: anyone may read them (aggregates of public teaser facets and counts; no detail of any listing,
 * no party named). No audit: nothing changes.
 */
export async function exchangeStatistics(ctx: Ctx, query: ExchangeStatisticsQuery, now = new Date()): Promise<ExchangeStatistics> {
  const today = vietnamToday(now);
  const months = monthsEndingOn(today, query.months);
  const fromDay = `${months[0]}-01`;
  const [kinds, sectors, countries, connections, outcomes, catalog] = [
    await q.countPublishedByKind(ctx.db, today),
    await q.countPublishedBySector(ctx.db, today),
    await q.countPublishedByCountry(ctx.db, today),
    await q.countConnectionsByMonth(ctx.db, fromDay),
    await q.countOutcomesByMonth(ctx.db, fromDay),
    await listCurrentItems(ctx.db, today),
  ];
  const kindCount = (kind: string) => kinds.find((k) => k.kind === kind)?.n ?? 0;
  const names = new Map((catalog?.sectors ?? []).map((s) => [s.code, s]));
  const byMonth = new Map<string, MonthCount>(months.map((month) => [month, { month, connections: 0, accepted: 0, no_deal: 0, meeting_held: 0, mou_signed: 0, contract_signed: 0 }]));
  for (const row of connections) {
    const bucket = byMonth.get(row.month);
    if (bucket) Object.assign(bucket, { connections: row.connections, accepted: row.accepted });
  }
  for (const row of outcomes) {
    const bucket = byMonth.get(row.month);
    if (bucket && (OUTCOME_KINDS as readonly string[]).includes(row.outcome)) bucket[row.outcome as (typeof OUTCOME_KINDS)[number]] += row.n;
  }
  const series = [...byMonth.values()];
  return {
    asOf: today,
    months: query.months,
    totals: {
      offers: kindCount('offer'),
      demands: kindCount('demand'),
      experts: kindCount('expert'),
      intermediaries: kindCount('intermediary'),
      connections: series.reduce((sum, m) => sum + m.connections, 0),
      outcomes: series.reduce((sum, m) => sum + OUTCOME_KINDS.reduce((s, kind) => s + m[kind], 0), 0),
    },
    bySector: sectors.map((row) => ({ sectorCode: row.sector, nameVi: names.get(row.sector)?.nameVi ?? null, nameEn: names.get(row.sector)?.nameEn ?? null, offers: row.offers, demands: row.demands })),
    byCountry: countries,
    byMonth: series,
  };
}
