import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/exchange-access.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as access from './access-requests.service.js';
import { ACCESS_REQUEST_ACTIONS } from './access-requests.workflow.js';

const tags = ['exchange access requests'];
const IdParams = z.object({ id: z.uuid() });
const perCaller = 'private, no-cache';

/** Access to on-request listings: the NDA statement, requests, the owner's decisions, both lists and exports. */
export async function accessRequestsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/exchange/nda-statement', { schema: { tags, summary: 'The non-disclosure statement in force (exchange.ndaStatement) in the reader language', response: { 200: api.NdaStatementView } } }, async (request) => {
    return access.getNdaStatement(ctxOf(request));
  });

  r.post('/exchange/listings/:id/access-requests', { schema: { tags, summary: 'Ask to read the detail of an on-request listing (NDA acknowledged)', params: IdParams, body: api.AccessRequestInput, response: { 201: api.AccessRequestView } } }, async (request, reply) => {
    return reply.status(201).send(await access.requestAccess(ctxOf(request), { listingId: request.params.id, ...request.body }));
  });

  for (const action of ACCESS_REQUEST_ACTIONS) {
    r.post(`/exchange/access-requests/:id/${action}`, { schema: { tags, summary: `${action[0]!.toUpperCase()}${action.slice(1)} an access request (${action === 'withdraw' ? 'requester' : 'listing owner'})`, params: IdParams, body: api.AccessDecisionInput, response: { 200: api.AccessRequestView } } }, async (request) => {
      return access.decideAccessRequest(ctxOf(request), { requestId: request.params.id, action, note: request.body.note });
    });
  }

  for (const side of ['incoming', 'mine'] as const) {
    const who = side === 'incoming' ? 'on the listings I own' : 'I sent';
    r.get(`/exchange/access-requests/${side}`, { schema: { tags, summary: `Access requests ${who} (paged; filters; sort)`, querystring: api.AccessRequestListQuery, response: { 200: api.AccessRequestList } } }, async (request, reply) => {
      reply.header('cache-control', perCaller);
      return access.listAccessRequests(ctxOf(request), side, request.query);
    });
    r.get(`/exchange/access-requests/${side}/export`, { schema: { tags, summary: `Access requests ${who} as CSV or XLSX`, querystring: api.AccessRequestExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
      return sendTable(reply, await access.exportAccessRequests(ctxOf(request), side, request.query));
    });
  }
}
