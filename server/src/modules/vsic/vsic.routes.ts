import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/vsic.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { ctxOf } from '../../core/http/request-context.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import * as service from './vsic.service.js';

const tags = ['vsic'];
const publicCache = 'public, max-age=60';

export async function vsicRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/vsic', { schema: { tags, summary: 'VSIC codes of a classification version (default VSIC 2018), with search', querystring: api.VsicQuery, response: { 200: api.VsicList } } }, async (request, reply) => {
    reply.header('cache-control', publicCache);
    return service.listVsic(ctxOf(request), request.query);
  });

  r.get('/vsic/export', { schema: { tags, summary: 'Export VSIC codes (CSV or XLSX)', querystring: api.VsicExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const list = await service.listVsic(ctx, request.query);
    const t = (key: string) => translate(ctx.locale, `vsic.columns.${key}`);
    return sendTable(reply, {
      format: request.query.format,
      filename: `vsic-${list.version.code.toLowerCase()}`,
      sheetName: list.version.code,
      columns: [
        { header: t('code'), value: (c: api.VsicCode) => c.code, width: 8 },
        { header: t('level'), value: (c) => c.level, width: 6 },
        { header: t('nameVi'), value: (c) => c.nameVi, width: 60 },
        { header: t('nameEn'), value: (c) => c.nameEn, width: 60 },
        { header: t('parent'), value: (c) => c.parentCode, width: 8 },
        { header: t('verified'), value: (c) => c.verified, width: 10 },
        { header: t('source'), value: (c) => c.sourceUrl, width: 60 },
      ],
      rows: list.codes,
    });
  });

  r.get('/vsic/:code', { schema: { tags, summary: 'One VSIC code with its parent and children', params: z.object({ code: api.VsicCodeValue }), querystring: z.object({ version: api.VsicVersionCode.optional() }), response: { 200: api.VsicCodeDetail } } }, async (request, reply) => {
    reply.header('cache-control', publicCache);
    return service.getVsicCode(ctxOf(request), { code: request.params.code, version: request.query.version });
  });
}
