import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { CONNECTION_DIRECTIONS, CONNECTION_OUTCOME_KINDS, CONNECTION_SORTS, CONNECTION_STATUSES } from '../../../../../common/src/api/exchange-connections.js';
import { LISTING_KINDS } from '../../../../../common/src/api/exchange-listings.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

/** Connections of the technology exchange (issue 4 §6): the parties' list and one connection's thread. */

export interface ConnectionsSearch {
  direction?: (typeof CONNECTION_DIRECTIONS)[number];
  status?: (typeof CONNECTION_STATUSES)[number];
  outcome?: (typeof CONNECTION_OUTCOME_KINDS)[number];
  kind?: (typeof LISTING_KINDS)[number];
  search?: string;
  sort?: (typeof CONNECTION_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const exchangeConnectionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/connections',
  validateSearch: (search: Record<string, unknown>): ConnectionsSearch => ({
    direction: optionalEnum(search.direction, CONNECTION_DIRECTIONS),
    status: optionalEnum(search.status, CONNECTION_STATUSES),
    outcome: optionalEnum(search.outcome, CONNECTION_OUTCOME_KINDS),
    kind: optionalEnum(search.kind, LISTING_KINDS),
    search: optionalString(search.search, 100),
    sort: optionalEnum(search.sort, CONNECTION_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./connections-page.js'), 'ConnectionsPage'),
});

export const exchangeConnectionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/connections/$id',
  component: lazyRouteComponent(() => import('./connection-page.js'), 'ConnectionPage'),
});
