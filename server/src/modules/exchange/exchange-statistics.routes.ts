import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../../common/src/api/exchange-statistics.js';
import { OUTCOME_KINDS, type ExchangeStatistics } from '../../../../common/src/api/exchange-statistics.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { Ctx } from '../../core/context.js';
import { EXPORT_CONTENT_TYPES, sendTable, type ExportColumn } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import { exchangeStatistics } from './exchange-statistics.service.js';

const tags = ['exchange-statistics'];
/** Public aggregates that change slowly: shared caches may keep them five minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

interface StatisticsLine {
  section: string;
  group: string;
  offers?: number;
  demands?: number;
  connections?: number;
  accepted?: number;
  outcomes?: Partial<Record<(typeof OUTCOME_KINDS)[number], number>>;
}

/** The statistics as one flat table (sector, country and month lines), labels in the caller's language. */
function statisticsLines(ctx: Ctx, result: ExchangeStatistics): StatisticsLine[] {
  const t = (key: string) => translate(ctx.locale, `exchangeStatistics.${key}`);
  const countries = new Intl.DisplayNames([ctx.locale], { type: 'region' });
  return [
    ...result.bySector.map((row) => ({
      section: t('sections.bySector'),
      group: `${row.sectorCode} – ${(ctx.locale === 'en' ? row.nameEn : row.nameVi) ?? ''}`,
      offers: row.offers,
      demands: row.demands,
    })),
    ...result.byCountry.map((row) => ({
      section: t('sections.byCountry'),
      group: row.country === 'unknown' ? t('unknown') : `${countries.of(row.country) ?? row.country} (${row.country})`,
      offers: row.offers,
      demands: row.demands,
    })),
    ...result.byMonth.map((row) => ({
      section: t('sections.byMonth'),
      group: row.month,
      connections: row.connections,
      accepted: row.accepted,
      outcomes: Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, row[kind]])),
    })),
  ];
}

function exportColumns(ctx: Ctx): ExportColumn<StatisticsLine>[] {
  const t = (key: string) => translate(ctx.locale, `exchangeStatistics.${key}`);
  return [
    { header: t('export.section'), value: (line) => line.section, width: 36 },
    { header: t('export.group'), value: (line) => line.group, width: 48 },
    { header: t('columns.offers'), value: (line) => line.offers, width: 12 },
    { header: t('columns.demands'), value: (line) => line.demands, width: 12 },
    { header: t('columns.connections'), value: (line) => line.connections, width: 16 },
    { header: t('columns.accepted'), value: (line) => line.accepted, width: 14 },
    ...OUTCOME_KINDS.map((kind) => ({ header: translate(ctx.locale, `exchange.outcomes.${kind}`), value: (line: StatisticsLine) => line.outcomes?.[kind], width: 18 })),
  ];
}

/** Public statistics of the exchange (issue 4 §7): JSON for the page and charts, CSV/XLSX for download. */
export async function exchangeStatisticsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/exchange/statistics', { schema: { tags, summary: 'Published offers and demands by sector and country; connections and outcomes by month (public aggregates)', querystring: api.ExchangeStatisticsQuery, response: { 200: api.ExchangeStatistics } } }, async (request, reply) => {
    reply.header('cache-control', PUBLIC_CACHE);
    return exchangeStatistics(ctxOf(request), request.query);
  });

  r.get('/exchange/statistics/export', { schema: { tags, summary: 'The public exchange statistics as CSV or XLSX', querystring: api.ExchangeStatisticsExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const result = await exchangeStatistics(ctx, request.query);
    const t = (key: string) => translate(ctx.locale, `exchangeStatistics.export.${key}`);
    return sendTable(reply, { format: request.query.format, filename: `${t('filename')}-${result.asOf}`, sheetName: t('sheet'), columns: exportColumns(ctx), rows: statisticsLines(ctx, result) });
  });
}
