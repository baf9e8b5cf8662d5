import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/admin.js';
import { pageOf } from '../../../../common/src/api/shared.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './outbox.service.js';

const tags = ['administration'];
type Row = Awaited<ReturnType<typeof service.getOutboxMessage>>;
const toMessage = (m: Row) => ({
  id: m.id,
  to: m.toAddress,
  subject: m.subject,
  template: m.template,
  locale: m.locale,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/outbox', { schema: { tags, summary: 'Outgoing e-mail', querystring: api.OutboxListQuery, response: { 200: pageOf(api.OutboxMessage) } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const { rows, total } = await service.listOutbox(ctxOf(request), request.query);
    return { items: rows.map(toMessage), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.get('/outbox/:id', { schema: { tags, summary: 'One outgoing e-mail', params: z.object({ id: z.uuid() }), response: { 200: api.OutboxMessageDetail } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const row = await service.getOutboxMessage(ctxOf(request), request.params);
    return { ...toMessage(row), text: row.textBody, html: row.htmlBody };
  });
}
