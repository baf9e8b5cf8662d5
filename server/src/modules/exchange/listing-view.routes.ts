import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListingViewResponse } from '../../../../common/src/api/exchange-access.js';
import { ctxOf } from '../../core/http/request-context.js';
import { getListingView } from './listing-view.service.js';

const tags = ['exchange listings'];

/** One listing for any reader: teaser always, detail per visibility (issue 4 §2). */
export async function listingViewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/exchange/listings/:id', { schema: { tags, summary: "A listing as the reader sees it: teaser, and the detail when the listing's visibility allows (audited when not public)", params: z.object({ id: z.uuid() }), response: { 200: ListingViewResponse } } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-cache');
    return getListingView(ctxOf(request), { listingId: request.params.id });
  });
}
