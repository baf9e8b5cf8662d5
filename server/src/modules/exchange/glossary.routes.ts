import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/exchange-glossary.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { EXPORT_CONTENT_TYPES, sendTable, type ExportColumn } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './glossary-admin.service.js';

const tags = ['exchange-glossary'];
const IdParams = z.object({ id: z.uuid() });

function exportColumns(locale: Locale): ExportColumn<api.GlossaryTerm>[] {
  const t = (key: string) => translate(locale, `exchangeSaved.glossary.${key}`);
  return [
    { header: t('columns.termVi'), value: (r) => r.termVi, width: 40 },
    { header: t('columns.termEn'), value: (r) => r.termEn, width: 40 },
    { header: t('columns.sector'), value: (r) => r.sectorCode ?? '', width: 10 },
    { header: t('columns.source'), value: (r) => t(`sources.${r.source}`), width: 16 },
    { header: t('columns.status'), value: (r) => t(r.isActive ? 'statuses.active' : 'statuses.inactive'), width: 14 },
    { header: t('columns.updatedAt'), value: (r) => r.updatedAt.slice(0, 10), width: 12 },
  ];
}

export async function glossaryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/exchange/glossary',
    { schema: { tags, summary: 'Glossary terms vi ↔ en with search, filters, sort and pages (administrators)', querystring: api.GlossaryListQuery, response: { 200: api.GlossaryTermList } } },
    async (request) => service.listGlossaryTerms(ctxOf(request), request.query),
  );

  r.get(
    '/exchange/glossary/export',
    { schema: { tags, summary: 'Export the glossary terms matching the filters as CSV or XLSX (administrators)', querystring: api.GlossaryExportQuery, produces: EXPORT_CONTENT_TYPES } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const rows = await service.exportGlossaryTerms(ctx, request.query);
      const t = (key: string) => translate(ctx.locale, `exchangeSaved.glossary.export.${key}`);
      return sendTable(reply, { format: request.query.format, filename: t('filename'), sheetName: t('sheet'), columns: exportColumns(ctx.locale), rows });
    },
  );

  r.post(
    '/exchange/glossary',
    { schema: { tags, summary: 'Add a glossary term pair (administrators); the same pair is GLOSSARY_TERM_EXISTS', body: api.CreateGlossaryTermInput, response: { 201: api.GlossaryTerm } } },
    async (request, reply) => reply.status(201).send(await service.createGlossaryTerm(ctxOf(request), request.body)),
  );

  r.patch(
    '/exchange/glossary/:id',
    { schema: { tags, summary: 'Edit, deactivate or reactivate a glossary term (administrators)', params: IdParams, body: api.UpdateGlossaryTermInput, response: { 200: api.GlossaryTerm } } },
    async (request) => service.updateGlossaryTerm(ctxOf(request), { ...request.params, ...request.body }),
  );
}
