import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/catalog.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { sendStoredFile } from '../../core/files/files.js';
import { ctxOf } from '../../core/http/request-context.js';
import { serializeOnce } from '../../core/http/serialize-once.js';
import { catalogWorkRoutes } from './catalog-work.routes.js';
import * as service from './catalog.service.js';

const tags = ['catalog'];
const publicCache = 'public, max-age=60';
/** Answers that depend on who asks (staff also see versions in preparation). */
const perCaller = 'private, no-cache';
const JSON_TYPE = 'application/json; charset=utf-8';
const IdParams = z.object({ id: z.uuid() });

export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/catalog/sectors', { schema: { tags, summary: 'Priority sectors in force today', response: { 200: api.CatalogSectorList } } }, async (request, reply) => {
    reply.header('cache-control', publicCache).type(JSON_TYPE);
    return reply.send(serializeOnce(api.CatalogSectorList, await service.listSectors(ctxOf(request))) as never); // pre-serialised JSON (schema-checked once)
  });

  r.get('/catalog/sectors/:code', { schema: { tags, summary: 'One sector and its technology directions', params: z.object({ code: api.CatalogCode }), response: { 200: api.CatalogSectorDetail } } }, async (request, reply) => {
    reply.header('cache-control', publicCache).type(JSON_TYPE);
    return reply.send(serializeOnce(api.CatalogSectorDetail, await service.getSector(ctxOf(request), request.params)) as never); // pre-serialised JSON (schema-checked once)
  });

  r.get('/catalog/items/:code', { schema: { tags, summary: 'One technology direction', params: z.object({ code: api.CatalogCode }), response: { 200: api.CatalogItem } } }, async (request, reply) => {
    reply.header('cache-control', publicCache).type(JSON_TYPE);
    return reply.send(serializeOnce(api.CatalogItem, await service.getItem(ctxOf(request), request.params)) as never); // pre-serialised JSON (schema-checked once)
  });

  r.get('/catalog/versions', { schema: { tags, summary: 'Every catalog version (history); staff also see versions in preparation', response: { 200: api.CatalogVersionList } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return service.listVersions(ctxOf(request));
  });

  r.get('/catalog/versions/:id', { schema: { tags, summary: 'One catalog version with its sectors and directions', params: IdParams, response: { 200: api.CatalogVersionDetail } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return service.getVersion(ctxOf(request), request.params);
  });

  r.get('/catalog/versions/:id/decision-file', { schema: { tags, summary: "The signed People's Committee decision (PDF) of an approved version", params: IdParams } }, async (request, reply) => {
    return sendStoredFile(reply, await service.getDecisionFile(ctxOf(request), request.params));
  });

  r.get('/catalog/compare', { schema: { tags, summary: 'Differences between two versions: directions added, changed (field by field), retired', querystring: api.CompareQuery, response: { 200: api.CatalogDiff } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return service.compareVersions(ctxOf(request), request.query);
  });

  r.get('/catalog/export', { schema: { tags, summary: 'A catalog version (default: in force today) as CSV or XLSX', querystring: api.CatalogExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    return sendTable(reply, await service.exportVersion(ctxOf(request), request.query));
  });

  await catalogWorkRoutes(app);
}
