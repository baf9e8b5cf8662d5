import type { FastifyInstance } from 'fastify';

/**
 * Technology exchange (issue 4): listings, review, access on request, search, glossary, saved searches, matching,
 * connections and public statistics. One line per route file.
 */
export async function exchangeRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
