import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { LISTING_KINDS, LISTING_STATUSES } from '../../../../../common/src/api/exchange-listings.js';
import { OWN_LISTING_SORTS } from '../../../../../common/src/api/exchange-review.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

/** "Tin của tôi": the owner's listings, a new listing of one kind, one listing's edit page (issue 4 §1). */

export interface MyListingsSearch {
  kind?: (typeof LISTING_KINDS)[number];
  status?: (typeof LISTING_STATUSES)[number];
  q?: string;
  sort?: (typeof OWN_LISTING_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const myListingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/mine',
  validateSearch: (search: Record<string, unknown>): MyListingsSearch => ({
    kind: optionalEnum(search.kind, LISTING_KINDS),
    status: optionalEnum(search.status, LISTING_STATUSES),
    q: optionalString(search.q, 200),
    sort: optionalEnum(search.sort, OWN_LISTING_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./my-listings-page.js'), 'MyListingsPage'),
});

export const newListingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/mine/new',
  validateSearch: (search: Record<string, unknown>): { kind?: (typeof LISTING_KINDS)[number] } => ({ kind: optionalEnum(search.kind, LISTING_KINDS) }),
  component: lazyRouteComponent(() => import('./listing-edit-page.js'), 'NewListingPage'),
});

export const editListingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/mine/$id',
  component: lazyRouteComponent(() => import('./listing-edit-page.js'), 'EditListingPage'),
});
