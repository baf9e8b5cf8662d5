import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/exchange-connections.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { sendStoredFile } from '../../core/files/files.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as thread from './connections-thread.service.js';
import * as connections from './connections.service.js';
import * as view from './connections.view.js';

const tags = ['exchange connections'];
const IdParams = z.object({ id: z.uuid() });
const AttachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const Decision = z.object({ id: z.uuid(), lockVersion: z.number().int() });
const perCaller = 'private, no-cache';

/** A message form: its `body` field and every part named `file` (at most MAX_ATTACHMENTS + 1 are read). */
async function readMessageForm(request: FastifyRequest): Promise<{ body: string | undefined; files: thread.MessageFile[] }> {
  const files: thread.MessageFile[] = [];
  let body: string | undefined;
  if (!request.isMultipart()) return { body: (request.body as { body?: string } | undefined)?.body, files };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.fieldname === 'file' && files.length <= thread.MAX_ATTACHMENTS) files.push({ buffer, filename: part.filename });
    } else if (part.fieldname === 'body' && typeof part.value === 'string') {
      body = part.value;
    }
  }
  return { body, files };
}

/** Expressions of interest, the owner's answer, the private thread with attachments, outcomes; lists and export. */
export async function connectionsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/exchange/listings/:id/interest', { schema: { tags, summary: 'Whether the reader may express interest in the listing, and their open connection', params: IdParams, response: { 200: api.InterestState } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return connections.getInterestState(ctxOf(request), { listingId: request.params.id });
  });

  r.post('/exchange/listings/:id/interest', { schema: { tags, summary: 'Express interest in a published listing (three questions)', params: IdParams, body: api.ExpressInterestInput, response: { 201: z.object({ id: z.uuid() }) } } }, async (request, reply) => {
    return reply.status(201).send(await connections.expressInterest(ctxOf(request), { listingId: request.params.id, ...request.body }));
  });

  r.get('/exchange/connections', { schema: { tags, summary: "My organisations' connections, received and sent (filters, sort, paged)", querystring: api.ConnectionListQuery, response: { 200: api.ConnectionList } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return view.listConnections(ctxOf(request), request.query);
  });

  r.get('/exchange/connections/export', { schema: { tags, summary: 'My connections as CSV or XLSX', querystring: api.ConnectionExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    return sendTable(reply, await view.exportConnections(ctxOf(request), request.query));
  });

  r.get('/exchange/connections/:id', { schema: { tags, summary: 'One connection with its thread and outcomes (the two parties only)', params: IdParams, response: { 200: api.ConnectionDetail } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return view.getConnection(ctxOf(request), { id: request.params.id });
  });

  r.post('/exchange/connections/:id/accept', { schema: { tags, summary: 'The owner side accepts the interest (opens the thread)', params: IdParams, body: api.DecideConnectionInput, response: { 200: Decision } } }, async (request) => {
    return connections.decideConnection(ctxOf(request), { id: request.params.id, decision: 'accept', ...request.body });
  });

  r.post('/exchange/connections/:id/decline', { schema: { tags, summary: 'The owner side declines the interest', params: IdParams, body: api.DecideConnectionInput, response: { 200: Decision } } }, async (request) => {
    return connections.decideConnection(ctxOf(request), { id: request.params.id, decision: 'decline', ...request.body });
  });

  r.post('/exchange/connections/:id/withdraw', { schema: { tags, summary: 'The initiator side withdraws', params: IdParams, body: api.WithdrawConnectionInput, response: { 200: Decision } } }, async (request) => {
    return connections.withdrawConnection(ctxOf(request), { id: request.params.id, ...request.body });
  });

  r.post(
    '/exchange/connections/:id/messages',
    { schema: { tags, summary: 'Write in the thread (multipart: body, file × ≤ 5: PDF, PNG, JPEG ≤ 10 MB each)', params: IdParams, consumes: ['multipart/form-data', 'application/json'], response: { 201: api.ConnectionMessageView } } },
    async (request, reply) => {
      const { body, files } = await readMessageForm(request);
      return reply.status(201).send(await thread.postConnectionMessage(ctxOf(request), { id: request.params.id, body, files }));
    },
  );

  r.get('/exchange/connections/:id/attachments/:fileId', { schema: { tags, summary: 'Download an attachment of the thread (the two parties only)', params: AttachmentParams } }, async (request, reply) => {
    return sendStoredFile(reply, await thread.downloadConnectionAttachment(ctxOf(request), { id: request.params.id, fileId: request.params.fileId }));
  });

  r.post('/exchange/connections/:id/outcomes', { schema: { tags, summary: 'Record an outcome (append-only; either party)', params: IdParams, body: api.RecordOutcomeInput, response: { 201: api.ConnectionOutcomeView } } }, async (request, reply) => {
    return reply.status(201).send(await thread.recordConnectionOutcome(ctxOf(request), { id: request.params.id, ...request.body }));
  });
}
