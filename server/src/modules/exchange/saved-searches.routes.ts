import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/exchange-saved.js';
import { Ok } from '../../../../common/src/api/shared.js';
import { AppError } from '../../core/errors.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './saved-searches.service.js';

const tags = ['exchange-saved-searches'];
const IdParams = z.object({ id: z.uuid() });
/** The web page that confirms (or explains) an unsubscribe from a digest link. */
const UNSUBSCRIBED_PAGE = '/exchange/unsubscribed';

export async function savedSearchesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click" as a form; only the token in the URL matters.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, body));

  r.get(
    '/exchange/saved-searches',
    { schema: { tags, summary: 'My saved searches (sort, pages)', querystring: api.SavedSearchListQuery, response: { 200: api.SavedSearchList } } },
    async (request) => service.listSavedSearches(ctxOf(request), request.query),
  );

  r.post(
    '/exchange/saved-searches',
    { schema: { tags, summary: 'Save the current search with a daily or weekly e-mail digest', body: api.CreateSavedSearchInput, response: { 201: api.SavedSearch } } },
    async (request, reply) => reply.status(201).send(await service.createSavedSearch(ctxOf(request), request.body)),
  );

  r.patch(
    '/exchange/saved-searches/:id',
    { schema: { tags, summary: 'Rename, change the frequency, pause or resume one of my saved searches', params: IdParams, body: api.UpdateSavedSearchInput, response: { 200: api.SavedSearch } } },
    async (request) => service.updateSavedSearch(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.delete(
    '/exchange/saved-searches/:id',
    { schema: { tags, summary: 'Delete one of my saved searches', params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await service.deleteSavedSearch(ctxOf(request), request.params);
      return { ok: true as const };
    },
  );

  r.get(
    '/exchange/saved-searches/unsubscribe',
    { schema: { tags, summary: 'One-click unsubscribe from a digest link (token from the mail); redirects to the confirmation page', querystring: z.object({ token: z.string().max(400).optional() }) } },
    async (request, reply) => {
      const parsed = api.UnsubscribeQuery.safeParse(request.query);
      try {
        if (!parsed.success) throw new AppError('TOKEN_INVALID');
        await service.unsubscribeSavedSearch(ctxOf(request), parsed.data);
        return reply.header('cache-control', 'no-store').redirect(`${UNSUBSCRIBED_PAGE}?result=ok`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'TOKEN_INVALID') return reply.header('cache-control', 'no-store').redirect(`${UNSUBSCRIBED_PAGE}?result=invalid`, 303);
        throw error;
      }
    },
  );

  r.post(
    '/exchange/saved-searches/unsubscribe',
    {
      config: { tokenAuthenticatedPost: true },
      schema: { tags, summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post) with the token of the digest', querystring: api.UnsubscribeQuery, response: { 200: Ok } },
    },
    async (request) => {
      await service.unsubscribeSavedSearch(ctxOf(request), request.query);
      return { ok: true as const };
    },
  );
}
