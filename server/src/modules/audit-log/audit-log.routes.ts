import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../../common/src/api/admin.js';
import { pageOf } from '../../../../common/src/api/shared.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './audit-log.service.js';

const tags = ['administration'];

export async function auditLogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/audit', { schema: { tags, summary: 'Browse the audit trail', querystring: api.AuditListQuery, response: { 200: pageOf(api.AuditEntry) } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const { rows, total } = await service.listAudit(ctxOf(request), request.query);
    return {
      items: rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })),
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
    };
  });

  r.get('/audit/export.csv', { schema: { tags, summary: 'Export the audit trail as CSV', querystring: api.AuditListQuery.omit({ page: true, pageSize: true }), produces: ['text/csv'] } }, async (request, reply) => {
    const stream = await service.exportAuditCsv(ctxOf(request), request.query);
    const stamp = new Date().toISOString().slice(0, 10);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="audit-${stamp}.csv"`);
    reply.header('cache-control', 'no-store');
    return reply.send(stream);
  });
}
