import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

const Health = z.object({ status: z.literal('ok') });

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/health/live', { config: { rateLimit: false }, schema: { tags: ['health'], summary: 'The process is up', response: { 200: Health } } }, async () => ({ status: 'ok' as const }));
  r.get('/health/ready', { config: { rateLimit: false }, schema: { tags: ['health'], summary: 'The database answers', response: { 200: Health } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await app.database.query('SELECT 1');
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      throw new AppError('SERVICE_UNAVAILABLE');
    }
    return { status: 'ok' as const };
  });
}
