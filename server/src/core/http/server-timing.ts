import type { FastifyInstance } from 'fastify';

/**
 * Adds `Server-Timing: app;dur=<ms>` to every answer: the time from the request's arrival to its reply (route, hooks,
 * body reading and database work included; network excluded), so browsers' dev tools and `npm run bench` can tell
 * server time from the round trip.
 */
export function registerServerTiming(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
  });
}
