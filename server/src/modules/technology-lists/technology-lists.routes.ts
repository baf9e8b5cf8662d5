import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/technology-lists.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { AppError } from '../../core/errors.js';
import { EXPORT_CONTENT_TYPES, sendTable, type ExportColumn, type ExportFormat } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './technology-lists.service.js';

const tags = ['technology-lists'];
const IdParams = z.object({ id: z.uuid() });
/** Lists change on import or close, and administrators must see that at once: browsers revalidate every time. */
const publicCache = 'no-cache';

/** Reads the multipart upload: one part named "file" and the version fields as text parts (in any order). */
async function readUpload(request: FastifyRequest): Promise<service.Upload> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST');
  const fields: Record<string, string> = {};
  let file: { buffer: Buffer; fileName: string } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer(); // past UPLOAD_MAX_BYTES: a 413 error, nothing kept
      if (part.fieldname !== 'file' || file) throw new AppError('BAD_REQUEST');
      file = { buffer, fileName: part.filename };
    } else {
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
    }
  }
  return { buffer: file?.buffer ?? Buffer.alloc(0), fileName: file?.fileName ?? '', fields };
}

function itemColumns(locale: Locale): ExportColumn<api.ListItem>[] {
  const t = (key: string) => translate(locale, `techLists.columns.${key}`);
  return [
    { header: t('version'), value: (i) => i.versionCode, width: 14 },
    { header: t('sourceInstrument'), value: (i) => (locale === 'vi' ? i.sourceInstrument : i.sourceInstrumentEn), width: 30 },
    { header: t('listType'), value: (i) => translate(locale, `techLists.listTypes.${i.listType}`), width: 14 },
    { header: t('appendix'), value: (i) => i.appendix, width: 10 },
    { header: t('section'), value: (i) => i.section, width: 30 },
    { header: t('itemNo'), value: (i) => i.itemNo, width: 8 },
    { header: t('sector'), value: (i) => i.vsicCode, width: 8 },
    { header: t('direction'), value: (i) => translate(locale, `techLists.directions.${i.direction}`), width: 22 },
    { header: t('nameVi'), value: (i) => i.nameVi, width: 60 },
    { header: t('nameEn'), value: (i) => i.nameEn, width: 60 },
    { header: t('conditionVi'), value: (i) => i.conditionVi, width: 40 },
    { header: t('conditionEn'), value: (i) => i.conditionEn, width: 40 },
    { header: t('keywordsVi'), value: (i) => i.keywordsVi.join('; '), width: 30 },
    { header: t('keywordsEn'), value: (i) => i.keywordsEn.join('; '), width: 30 },
    { header: t('verified'), value: (i) => translate(locale, i.verified ? 'techLists.yes' : 'techLists.no'), width: 10 },
    { header: t('sourceUrl'), value: (i) => i.sourceUrl, width: 60 },
  ];
}

function sendItems(reply: FastifyReply, locale: Locale, format: ExportFormat, filename: string, rows: api.ListItem[]) {
  return sendTable(reply, { format, filename, sheetName: translate(locale, 'techLists.sheetName'), columns: itemColumns(locale), rows });
}

export async function technologyListsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/technology-lists', { schema: { tags, summary: 'National technology list versions (validity, completeness, counts)', response: { 200: api.ListVersions } } }, async (request, reply) => {
    reply.header('cache-control', publicCache);
    return service.listVersions(ctxOf(request));
  });

  r.get('/technology-lists/items', { schema: { tags, summary: 'Search list items in force on a date, or of one version', querystring: api.ListItemsQuery, response: { 200: api.ListItemsPage } } }, async (request, reply) => {
    reply.header('cache-control', publicCache);
    return service.searchItems(ctxOf(request), request.query);
  });

  r.get('/technology-lists/items/export', { schema: { tags, summary: 'Export the filtered list items (CSV or XLSX)', querystring: api.ListItemsExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const { format, ...filter } = request.query;
    return sendItems(reply, ctx.locale, format, 'technology-list-items', await service.exportItems(ctx, filter));
  });

  r.get('/technology-lists/template', { schema: { tags, summary: 'Empty import template (CSV or XLSX) with the documented columns', querystring: api.FormatQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    return sendTable(reply, {
      format: request.query.format,
      filename: 'technology-list-template',
      sheetName: 'items',
      columns: api.TEMPLATE_COLUMNS.map((name) => ({ header: name, value: () => '', width: name.startsWith('name') || name.startsWith('condition') ? 50 : 16 })),
      rows: [],
    });
  });

  r.get('/technology-lists/imports', { schema: { tags, summary: 'Latest list imports (administrators)', response: { 200: api.ListImports } } }, async (request) => {
    return service.listImports(ctxOf(request));
  });

  r.post(
    '/technology-lists/imports',
    {
      schema: {
        tags,
        summary: 'Import a list version from a CSV/XLSX file (multipart: file + version fields; dryRun=true previews)',
        consumes: ['multipart/form-data'],
        response: { 200: api.ImportResult, 201: api.ImportResult },
      },
    },
    async (request, reply) => {
      const result = await service.importList(ctxOf(request), { read: () => readUpload(request) });
      return reply.status(result.dryRun ? 200 : 201).send(result);
    },
  );

  r.get('/technology-lists/versions/:id', { schema: { tags, summary: 'One list version', params: IdParams, response: { 200: api.ListVersion } } }, async (request, reply) => {
    reply.header('cache-control', publicCache);
    return service.getVersion(ctxOf(request), request.params);
  });

  r.get('/technology-lists/versions/:id/export', { schema: { tags, summary: 'Export every item of a version (CSV or XLSX)', params: IdParams, querystring: api.FormatQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const { version, items } = await service.exportVersion(ctx, request.params);
    return sendItems(reply, ctx.locale, request.query.format, `technology-list-${version.code}`, items);
  });

  r.post('/technology-lists/versions/:id/close', { schema: { tags, summary: 'Set the last day in force of an open version (administrators)', params: IdParams, body: api.CloseVersionInput, response: { 200: api.ListVersion } } }, async (request) => {
    return service.closeVersion(ctxOf(request), { ...request.params, ...request.body });
  });
}
