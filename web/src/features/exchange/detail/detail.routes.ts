import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { ACCESS_REQUEST_SORTS } from '../../../../../common/src/api/exchange-access.js';
import { ACCESS_REQUEST_STATUSES } from '../../../../../common/src/api/exchange-listings.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

/** The public listing page and the access requests of on-request listings (issue 4 §2). */

export const exchangeListingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/listings/$id',
  component: lazyRouteComponent(() => import('./listing-page.js'), 'ListingPage'),
});

export const ACCESS_REQUEST_SIDES = ['incoming', 'mine'] as const;

export interface AccessRequestsSearch {
  side?: (typeof ACCESS_REQUEST_SIDES)[number];
  status?: (typeof ACCESS_REQUEST_STATUSES)[number];
  listingId?: string;
  q?: string;
  sort?: (typeof ACCESS_REQUEST_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const exchangeAccessRequestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/access-requests',
  validateSearch: (search: Record<string, unknown>): AccessRequestsSearch => ({
    side: optionalEnum(search.side, ACCESS_REQUEST_SIDES),
    status: optionalEnum(search.status, ACCESS_REQUEST_STATUSES),
    listingId: typeof search.listingId === 'string' && /^[0-9a-f-]{36}$/i.test(search.listingId) ? search.listingId : undefined,
    q: optionalString(search.q, 200),
    sort: optionalEnum(search.sort, ACCESS_REQUEST_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./access-requests-page.js'), 'AccessRequestsPage'),
});
