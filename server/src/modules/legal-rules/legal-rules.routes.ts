import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../../common/src/api/legal-rules.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { formatRuleValue } from '../../../../common/src/reference-rules.js';
import type { Ctx } from '../../core/context.js';
import { EXPORT_CONTENT_TYPES, sendTable, type ExportColumn } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './legal-rules.service.js';

const tags = ['legal-rules'];
// Administrators change values from the web app, and administrators see who added each: browsers revalidate every time.
const revalidate = 'private, no-cache';

type Detail = Awaited<ReturnType<typeof service.getRule>>;
type Value = Detail['history'][number];

interface ExportRow {
  kind: Detail['valueKind'];
  unit: string | null;
  value: Value;
}

/** Columns of a dated value (shared by the rules-in-force export and one rule's history). */
function valueColumns<T>(ctx: Ctx, pick: (row: T) => ExportRow): ExportColumn<T>[] {
  const header = (key: string) => translate(ctx.locale, `legalRules.export.${key}`);
  const en = ctx.locale === 'en';
  const text = (row: ExportRow) => formatRuleValue(row.kind, row.value.value, row.unit, ctx.locale, (key, params) => translate(ctx.locale, key, params));
  return [
    { header: header('value'), value: (row) => text(pick(row)), width: 40 },
    { header: header('valueJson'), value: (row) => JSON.stringify(pick(row).value.value), width: 30 },
    { header: header('validFrom'), value: (row) => pick(row).value.validFrom, width: 12 },
    { header: header('validTo'), value: (row) => pick(row).value.validTo, width: 12 },
    { header: header('citation'), value: (row) => (en ? pick(row).value.citationEn : pick(row).value.citationVi), width: 40 },
    { header: header('verified'), value: (row) => pick(row).value.verified, width: 10 },
    { header: header('source'), value: (row) => pick(row).value.sourceUrl, width: 50 },
    { header: header('note'), value: (row) => pick(row).value.note, width: 40 },
  ];
}

export async function legalRulesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/legal-rules', { schema: { tags, summary: 'Legal parameters with the value in force on a date (default today)', querystring: api.LegalRulesQuery, response: { 200: api.LegalRuleList } } }, async (request, reply) => {
    reply.header('cache-control', revalidate);
    return service.listRules(ctxOf(request), request.query);
  });

  r.get('/legal-rules/export', { schema: { tags, summary: 'Export the legal parameters in force on a date as CSV or XLSX', querystring: api.LegalRulesExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const list = await service.exportRules(ctx, request.query);
    const rules = list.rules.filter((rule) => rule.current);
    const header = (key: string) => translate(ctx.locale, `legalRules.export.${key}`);
    return sendTable(reply, {
      format: request.query.format,
      filename: `${header('filename')}-${list.at}`,
      sheetName: list.at,
      columns: [
        { header: header('key'), value: (rule) => rule.key, width: 36 },
        { header: header('name'), value: (rule) => (ctx.locale === 'en' ? rule.nameEn : rule.nameVi), width: 48 },
        ...valueColumns(ctx, (rule: (typeof rules)[number]) => ({ kind: rule.valueKind, unit: rule.unit, value: rule.current! })),
      ],
      rows: rules,
    });
  });

  r.get('/legal-rules/:key', { schema: { tags, summary: 'One legal parameter with its full history', params: api.LegalRuleParams, response: { 200: api.LegalRuleDetail } } }, async (request, reply) => {
    reply.header('cache-control', revalidate);
    return service.getRule(ctxOf(request), request.params);
  });

  r.get('/legal-rules/:key/export', { schema: { tags, summary: "Export one legal parameter's history as CSV or XLSX", params: api.LegalRuleParams, querystring: api.LegalRulesExportQuery.pick({ format: true }), produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const detail = await service.getRule(ctx, request.params);
    return sendTable(reply, {
      format: request.query.format,
      filename: detail.key,
      sheetName: detail.key,
      columns: valueColumns(ctx, (value: Value) => ({ kind: detail.valueKind, unit: detail.unit, value })),
      rows: detail.history,
    });
  });

  r.post('/legal-rules/:key/values', { schema: { tags, summary: 'Add a dated value to a legal parameter (administrators)', params: api.LegalRuleParams, body: api.AddLegalRuleValueInput, response: { 201: api.LegalRuleDetail } } }, async (request, reply) => {
    return reply.status(201).send(await service.addRuleValue(ctxOf(request), { ...request.params, ...request.body }));
  });
}
