import type { FastifyInstance } from 'fastify';
import { glossaryRoutes } from './glossary.routes.js';
import { savedSearchesRoutes } from './saved-searches.routes.js';
import { connectionsRoutes } from './connections.routes.js';
import { matchingRoutes } from './matching.routes.js';
import { listingFilesRoutes } from './listing-files.routes.js';
import { listingViewRoutes } from './listing-view.routes.js';
import { accessRequestsRoutes } from './access-requests.routes.js';
import { exchangeStatisticsRoutes } from './exchange-statistics.routes.js';
import { searchRoutes } from './search.routes.js';
import { listingsWriteRoutes } from './listings-write.routes.js';

export { replyTargetOf } from './connections-reply-target.js';
export {
  createListing,
  updateDraft,
  submitListing,
  discardRevision,
  renewListing,
  withdrawListing,
  getOwnListing,
  listOwnListings,
} from './listings-write.service.js';
export { decideReview, getReview, listReviewQueue } from './review-decision.service.js';
export { handleReport, listReports, reportListing } from './reports-handling.service.js';
export { runListingHousekeeping, type HousekeepingResult } from './listings-housekeeping.service.js';
export { sanitizeListingContent, sanitizeRichHtml } from './exchange.sanitize.js';

export { expandQuery, expansionTerms, invalidateGlossaryCache, type QueryExpansion, type ExpandedPhrase } from './glossary.service.js';
export { foldText, foldPhrase, foldedWords } from './glossary.normalize.js';
export { seedGlossary } from './glossary.seed.js';
export { seedExchangeDemo, DEMO_LISTINGS, type ExchangeSeedParty } from './exchange.seed.js';
export { sendDueDigests, type DigestRun } from './saved-searches.digest.js';
export { searchListings, suggestSearches, type SearchOptions } from './search.service.js';

export { matchesFor } from './matching.service.js';
export { runExchangeDuties } from './exchange.duties.js';
export { scoreMatch, type MatchFacts, type SubjectTerms } from './matching.scoring.js';

/**
 * Technology exchange (issue 4): listings, review, access on request, search, glossary, saved searches, matching,
 * connections and public statistics. One line per route file.
 */
export async function exchangeRoutes(app: FastifyInstance): Promise<void> {
  await app.register(glossaryRoutes);
  await app.register(savedSearchesRoutes);
  await app.register(matchingRoutes);
  await app.register(listingFilesRoutes);
  await app.register(listingViewRoutes);
  await app.register(accessRequestsRoutes);
  await app.register(exchangeStatisticsRoutes);
  await app.register(searchRoutes);
  await app.register(listingsWriteRoutes);
  await app.register(connectionsRoutes);
}
