import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/registration-oversight.js';
import { STATISTICS_DIMENSIONS, type StatisticsBucket, type StatisticsDimension, type TaxRegistrationItem } from '../../../../common/src/api/registration-oversight.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { Ctx } from '../../core/context.js';
import { EXPORT_CONTENT_TYPES, sendTable, type ExportColumn } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as statistics from './statistics.service.js';
import * as threads from './tax-queries.service.js';
import * as tax from './tax.service.js';

const taxTags = ['registration-oversight'];
const CaseParams = z.object({ id: z.uuid() });
const QueryParams = z.object({ queryId: z.uuid() });
const NO_STORE = 'private, no-store';

/** The label of a group key of a dimension, in the caller's language (country names by Intl, VSIC section names). */
function groupLabel(ctx: Ctx, dimension: StatisticsDimension, key: string, result: api.RegistrationStatistics): string {
  const t = (path: string) => translate(ctx.locale, `registrationOversight.${path}`);
  if (key === 'unknown') return t('common.unknown');
  switch (dimension) {
    case 'paymentMethod':
      return t(`paymentMethods.${key}`);
    case 'direction':
      return t(`directions.${key}`);
    case 'form':
      return t(`forms.${key}`);
    case 'valueBand':
      return t(`valueBands.${key}`);
    case 'purpose':
      return t(`purposes.${key}`);
    case 'country':
      return `${new Intl.DisplayNames([ctx.locale], { type: 'region' }).of(key) ?? key} (${key})`;
    case 'sector': {
      const name = result.sectorNames[key];
      return name ? `${key} – ${ctx.locale === 'en' ? name.en : name.vi}` : key;
    }
    default:
      return key;
  }
}

function taxColumns(ctx: Ctx): ExportColumn<TaxRegistrationItem>[] {
  const h = (key: string) => translate(ctx.locale, `registrationOversight.export.${key}`);
  const t = (path: string) => translate(ctx.locale, `registrationOversight.${path}`);
  return [
    { header: h('reference'), value: (row) => row.referenceNo, width: 18 },
    { header: h('certificateNumber'), value: (row) => row.certificateNumber, width: 20 },
    { header: h('issuedOn'), value: (row) => row.issuedOn, width: 12 },
    { header: h('certificateStatus'), value: (row) => t(`certificateStatus.${row.certificateStatus}`), width: 14 },
    { header: h('purpose'), value: (row) => t(`purposes.${row.purpose}`), width: 16 },
    { header: h('transferor'), value: (row) => row.transferorName, width: 30 },
    { header: h('transferorCountry'), value: (row) => row.transferorCountry, width: 10 },
    { header: h('transferee'), value: (row) => row.transfereeName, width: 30 },
    { header: h('contractName'), value: (row) => row.contractName, width: 36 },
    { header: h('contractNumber'), value: (row) => row.contractNumber, width: 16 },
    { header: h('signedOn'), value: (row) => row.signedOn, width: 12 },
    { header: h('technology'), value: (row) => row.technologyName, width: 36 },
    { header: h('sector'), value: (row) => row.sectorCode, width: 10 },
    { header: h('direction'), value: (row) => (row.direction ? t(`directions.${row.direction}`) : null), width: 20 },
    { header: h('form'), value: (row) => (row.transferForm ? t(`forms.${row.transferForm}`) : null), width: 24 },
    { header: h('paymentMethods'), value: (row) => row.paymentMethods.map((m) => t(`paymentMethods.${m}`)).join('; '), width: 30 },
    { header: h('valueBand'), value: (row) => (row.valueBand ? t(`valueBands.${row.valueBand}`) : null), width: 24 },
    { header: h('relationship'), value: (row) => (row.relationship ? t(`relationships.${row.relationship}`) : null), width: 20 },
    { header: h('flags'), value: (row) => row.flagCodes.map((code) => t(`flags.codes.${code}.title`)).join('; '), width: 40 },
  ];
}

interface StatisticsLine {
  dimension: string;
  group: string;
  bucket: StatisticsBucket;
}

function statisticsLines(ctx: Ctx, result: api.RegistrationStatistics): StatisticsLine[] {
  const h = (key: string) => translate(ctx.locale, `registrationOversight.${key}`);
  const lines: StatisticsLine[] = [
    { dimension: h('export.totalRow'), group: '', bucket: result.total },
    { dimension: h('export.revokedRow'), group: '', bucket: { key: 'revoked', count: result.revokedCount, totalValueVnd: 0 } },
  ];
  for (const dimension of STATISTICS_DIMENSIONS) {
    for (const bucket of result.byDimension[dimension] ?? []) lines.push({ dimension: h(`statistics.dimensions.${dimension}`), group: groupLabel(ctx, dimension, bucket.key, result), bucket });
  }
  return lines;
}

export async function oversightRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- Tax Department view (registration.tax_view + plan role) --------------------------------------------------
  r.get('/tax/registrations', { schema: { tags: taxTags, summary: 'Registered contracts for the Tax Department (value bands and flags; no prices, rates or files)', querystring: api.TaxRegistrationQuery, response: { 200: api.TaxRegistrationPage } } }, async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    return tax.listTaxRegistrations(ctxOf(request), request.query);
  });

  r.get('/tax/registrations/export', { schema: { tags: taxTags, summary: 'Export the Tax view as CSV or XLSX (same columns, no amounts)', querystring: api.TaxRegistrationExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const rows = await tax.exportTaxRegistrations(ctx, request.query);
    const h = (key: string) => translate(ctx.locale, `registrationOversight.export.${key}`);
    return sendTable(reply, { format: request.query.format, filename: h('taxFilename'), sheetName: h('taxSheet'), columns: taxColumns(ctx), rows });
  });

  r.get('/tax/registrations/:id', { schema: { tags: taxTags, summary: 'One registered contract for the Tax Department, with flags and query threads (audited)', params: CaseParams, response: { 200: api.TaxRegistrationDetail } } }, async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    return tax.getTaxRegistration(ctxOf(request), request.params);
  });

  r.post('/tax/registrations/:id/queries', { schema: { tags: taxTags, summary: 'Open a query thread with DOST about a registered contract', params: CaseParams, body: api.OpenTaxQueryInput, response: { 201: api.TaxQueryThread } } }, async (request, reply) => {
    return reply.status(201).send(await threads.openTaxQuery(ctxOf(request), { caseId: request.params.id, ...request.body }));
  });

  // ---- Query threads (tax side and DOST side) -------------------------------------------------------------------
  r.get('/registration-tax-queries', { schema: { tags: taxTags, summary: 'Query threads the caller may see (tax organisation, DOST leaders, assigned officers)', querystring: api.TaxQueryListQuery, response: { 200: api.TaxQueryPage } } }, async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    return threads.listTaxQueries(ctxOf(request), request.query);
  });

  r.get('/registration-tax-queries/:queryId', { schema: { tags: taxTags, summary: 'One query thread with its messages', params: QueryParams, response: { 200: api.TaxQueryThread } } }, async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    return threads.getTaxQuery(ctxOf(request), request.params);
  });

  r.post('/registration-tax-queries/:queryId/messages', { schema: { tags: taxTags, summary: 'Write in an open query thread', params: QueryParams, body: api.TaxQueryReplyInput, response: { 201: api.TaxQueryThread } } }, async (request, reply) => {
    return reply.status(201).send(await threads.replyTaxQuery(ctxOf(request), { queryId: request.params.queryId, body: request.body.body }));
  });

  r.post('/registration-tax-queries/:queryId/close', { schema: { tags: taxTags, summary: 'Close a query thread (its tax office or a DOST leader)', params: QueryParams, response: { 200: api.TaxQueryThread } } }, async (request) => {
    return threads.closeTaxQuery(ctxOf(request), request.params);
  });

  // ---- Statistics (registration.statistics) ---------------------------------------------------------------------
  r.get('/registration-statistics', { schema: { tags: taxTags, summary: 'Registered contracts by year, sector, country, payment method, direction, form, value band', querystring: api.RegistrationStatisticsQuery, response: { 200: api.RegistrationStatistics } } }, async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    return statistics.registrationStatistics(ctxOf(request), request.query);
  });

  r.get('/registration-statistics/export', { schema: { tags: taxTags, summary: 'Statistics as XLSX or CSV with the fields known for form 06/KHCN-CG (unverified)', querystring: api.RegistrationStatisticsExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const result = await statistics.exportRegistrationStatistics(ctx, request.query);
    const h = (key: string) => translate(ctx.locale, `registrationOversight.export.${key}`);
    const range = [result.fromYear, result.toYear].filter((year) => year !== null).join('-');
    return sendTable(reply, {
      format: request.query.format,
      filename: range ? `${h('statisticsFilename')}-${range}` : h('statisticsFilename'),
      sheetName: h('statisticsSheet'),
      columns: [
        { header: h('dimension'), value: (line: StatisticsLine) => line.dimension, width: 40 },
        { header: h('group'), value: (line) => line.group, width: 40 },
        { header: h('count'), value: (line) => line.bucket.count, width: 14 },
        { header: h('totalValueVnd'), value: (line) => line.bucket.totalValueVnd, width: 22 },
      ],
      rows: statisticsLines(ctx, result),
    });
  });
}
