import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { GLOSSARY_SORTS, GLOSSARY_SOURCES, GLOSSARY_STATUSES } from '../../../../../common/src/api/exchange-glossary.js';
import { SAVED_SEARCH_SORTS } from '../../../../../common/src/api/exchange-saved.js';
import { adminRoute, rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

const ORDERS = ['asc', 'desc'] as const;

/** Saved searches of the technology exchange (issue 4 §4), the unsubscribe confirmation and the glossary (§5). */

export interface SavedSearchesParams {
  sort?: (typeof SAVED_SEARCH_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const exchangeSavedSearchesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/saved-searches',
  validateSearch: (search: Record<string, unknown>): SavedSearchesParams => ({
    sort: optionalEnum(search.sort, SAVED_SEARCH_SORTS),
    order: optionalEnum(search.order, ORDERS),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./saved-searches-page.js'), 'SavedSearchesPage'),
});

export const exchangeUnsubscribedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/unsubscribed',
  validateSearch: (search: Record<string, unknown>): { result?: 'ok' | 'invalid' } => ({ result: optionalEnum(search.result, ['ok', 'invalid'] as const) }),
  component: lazyRouteComponent(() => import('./unsubscribed-page.js'), 'UnsubscribedPage'),
});

export interface GlossaryParams {
  q?: string;
  sector?: string;
  source?: (typeof GLOSSARY_SOURCES)[number];
  status?: (typeof GLOSSARY_STATUSES)[number];
  sort?: (typeof GLOSSARY_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const adminGlossaryRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/glossary',
  validateSearch: (search: Record<string, unknown>): GlossaryParams => {
    const sector = optionalString(search.sector, 10);
    return {
      q: optionalString(search.q, 120),
      sector: sector && /^[0-9]+(\.[0-9]+)*$/.test(sector) ? sector : undefined,
      source: optionalEnum(search.source, GLOSSARY_SOURCES),
      status: optionalEnum(search.status, GLOSSARY_STATUSES),
      sort: optionalEnum(search.sort, GLOSSARY_SORTS),
      order: optionalEnum(search.order, ORDERS),
      page: optionalPositiveInt(search.page),
    };
  },
  component: lazyRouteComponent(() => import('./glossary-page.js'), 'GlossaryPage'),
});
