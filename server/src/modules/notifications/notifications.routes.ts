import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/notifications.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './notifications.service.js';

const tags = ['notifications'];
const IdParams = z.object({ id: z.uuid() });

export async function notificationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/notifications', { schema: { tags, summary: "The caller's notifications, newest first, with the unread count", querystring: api.NotificationListQuery, response: { 200: api.NotificationPage } } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return service.listNotifications(ctxOf(request), request.query);
  });

  r.get('/notifications/unread-count', { schema: { tags, summary: "How many of the caller's notifications are unread", response: { 200: api.UnreadCount } } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return service.countUnreadNotifications(ctxOf(request));
  });

  r.post('/notifications/:id/read', { schema: { tags, summary: 'Marks one of my notifications read', params: IdParams, response: { 200: api.UnreadCount } } }, async (request) => {
    return service.markNotificationRead(ctxOf(request), request.params);
  });

  r.post('/notifications/read-all', { schema: { tags, summary: 'Marks all my notifications read', response: { 200: api.UnreadCount } } }, async (request) => {
    return service.markAllNotificationsRead(ctxOf(request));
  });
}
