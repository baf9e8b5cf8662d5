import type { FastifyInstance } from 'fastify';

export { replyTargetOf } from './connections-reply-target.js';

export { expandQuery, expansionTerms, invalidateGlossaryCache, type QueryExpansion, type ExpandedPhrase } from './glossary.service.js';
export { foldText, foldPhrase, foldedWords } from './glossary.normalize.js';

/**
 * Technology exchange (issue 4): listings, review, access on request, search, glossary, saved searches, matching,
 * connections and public statistics. One line per route file.
 */
export async function exchangeRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
