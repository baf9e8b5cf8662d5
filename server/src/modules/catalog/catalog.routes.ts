import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/catalog.js';
import { ctxOf } from '../../core/http/request-context.js';
import { serializeOnce } from '../../core/http/serialize-once.js';
import * as service from './catalog.service.js';

const tags = ['catalog'];
const Code = z.string().regex(/^\d+(\.\d+){1,3}$/);
const publicCache = 'public, max-age=60';
const JSON_TYPE = 'application/json; charset=utf-8';

export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/catalog/sectors', { schema: { tags, summary: 'Priority sectors in force today', response: { 200: api.CatalogSectorList } } }, async (request, reply) => {
    reply.header('cache-control', publicCache).type(JSON_TYPE);
    return reply.send(serializeOnce(api.CatalogSectorList, await service.listSectors(ctxOf(request))) as never); // pre-serialised JSON (schema-checked once)
  });

  r.get('/catalog/sectors/:code', { schema: { tags, summary: 'One sector and its technology directions', params: z.object({ code: Code }), response: { 200: api.CatalogSectorDetail } } }, async (request, reply) => {
    reply.header('cache-control', publicCache).type(JSON_TYPE);
    return reply.send(serializeOnce(api.CatalogSectorDetail, await service.getSector(ctxOf(request), request.params)) as never); // pre-serialised JSON (schema-checked once)
  });

  r.get('/catalog/items/:code', { schema: { tags, summary: 'One technology direction', params: z.object({ code: Code }), response: { 200: api.CatalogItem } } }, async (request, reply) => {
    reply.header('cache-control', publicCache).type(JSON_TYPE);
    return reply.send(serializeOnce(api.CatalogItem, await service.getItem(ctxOf(request), request.params)) as never); // pre-serialised JSON (schema-checked once)
  });
}
