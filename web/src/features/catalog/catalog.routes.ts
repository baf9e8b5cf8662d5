import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../lib/search-params.js';
import { AMENDMENT_KINDS, AMENDMENT_SORTS, AMENDMENT_STATUSES } from './catalog-work-api.js';

/** Catalog history, versions, differences (public) and the amendment work area (staff). */

const uuid = (value: unknown) => {
  const text = optionalString(value, 36);
  return text && /^[0-9a-f-]{36}$/i.test(text) ? text : undefined;
};

export const catalogHistoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog/history',
  component: lazyRouteComponent(() => import('./history-page.js'), 'HistoryPage'),
});

export const catalogVersionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog/versions/$id',
  component: lazyRouteComponent(() => import('./version-page.js'), 'VersionPage'),
});

export interface CompareSearch {
  from?: string;
  to?: string;
}

export const catalogCompareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog/compare',
  validateSearch: (search: Record<string, unknown>): CompareSearch => ({ from: uuid(search.from), to: uuid(search.to) }),
  component: lazyRouteComponent(() => import('./compare-page.js'), 'ComparePage'),
});

export interface AmendmentSearch {
  status?: (typeof AMENDMENT_STATUSES)[number];
  kind?: (typeof AMENDMENT_KINDS)[number];
  sectorCode?: string;
  organisationId?: string;
  sort?: (typeof AMENDMENT_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const catalogAmendmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog/amendments',
  validateSearch: (search: Record<string, unknown>): AmendmentSearch => ({
    status: optionalEnum(search.status, AMENDMENT_STATUSES),
    kind: optionalEnum(search.kind, AMENDMENT_KINDS),
    sectorCode: (() => {
      const code = optionalString(search.sectorCode, 10);
      return code && /^\d+\.\d+$/.test(code) ? code : undefined;
    })(),
    organisationId: uuid(search.organisationId),
    sort: optionalEnum(search.sort, AMENDMENT_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./amendments-page.js'), 'AmendmentsPage'),
});

export const catalogDraftRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog/drafts/$id',
  component: lazyRouteComponent(() => import('./draft-page.js'), 'DraftPage'),
});

export const catalogWorkRoutes = [catalogHistoryRoute, catalogVersionRoute, catalogCompareRoute, catalogAmendmentsRoute, catalogDraftRoute];
