import { editListingRoute, myListingsRoute, newListingRoute } from './listings/listings.routes.js';
import { reportsRoute, reviewListingRoute, reviewQueueRoute } from './review/review.routes.js';
import { exchangeAccessRequestsRoute, exchangeListingRoute } from './detail/detail.routes.js';
import { exchangeConnectionRoute, exchangeConnectionsRoute } from './connections/connections.routes.js';
import { exchangeSavedSearchesRoute, exchangeUnsubscribedRoute } from './saved/saved.routes.js';
import { exchangeSearchRoute } from './search/search.routes.js';
import { exchangeStatisticsRoute } from './statistics/statistics.routes.js';
import { listingMatchesRoute, matchingBoardRoute, matchSuggestionsRoute } from './matching/matching.routes.js';

/**
 * Every page of the technology exchange (issue 4). Each area defines its routes in `<area>/<area>.routes.ts` and
 * adds them to this tuple; router.tsx adds the tuple to the tree.
 */
export const exchangeRoutes = [exchangeListingRoute, exchangeAccessRequestsRoute, exchangeSearchRoute, exchangeStatisticsRoute, exchangeConnectionsRoute, exchangeConnectionRoute, exchangeSavedSearchesRoute, exchangeUnsubscribedRoute, matchingBoardRoute, listingMatchesRoute, matchSuggestionsRoute, myListingsRoute, newListingRoute, editListingRoute, reviewQueueRoute, reviewListingRoute, reportsRoute] as const;
