import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { AGENCY_KINDS, AGENCY_LEVELS, AGENCY_SORTS } from '../../../../common/src/api/agencies.js';
import { adminRoute, rootRoute } from '../../app/route-roots.js';
import { optionalDate, optionalEnum, optionalPositiveInt, optionalString } from '../../lib/search-params.js';

/** Public: agencies on a date (or with history), plan roles, reorganisations. Admin: the register and the plan roles. */

export interface PublicAgenciesSearch {
  at?: string;
  history?: 'yes';
  tab?: 'agencies' | 'roles' | 'lineage';
}

export const agenciesPublicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agencies',
  validateSearch: (search: Record<string, unknown>): PublicAgenciesSearch => ({
    at: optionalDate(search.at),
    history: optionalEnum(search.history, ['yes'] as const),
    tab: optionalEnum(search.tab, ['agencies', 'roles', 'lineage'] as const),
  }),
  component: lazyRouteComponent(() => import('./agencies-page.js'), 'AgenciesPage'),
});

export const agencyPublicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agencies/$id',
  component: lazyRouteComponent(() => import('./agency-detail-page.js'), 'AgencyDetailPage'),
});

export interface AgencyListSearch {
  q?: string;
  scope?: 'in_force' | 'all';
  at?: string;
  kind?: (typeof AGENCY_KINDS)[number];
  level?: (typeof AGENCY_LEVELS)[number];
  sort?: (typeof AGENCY_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const adminAgenciesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/agencies',
  validateSearch: (search: Record<string, unknown>): AgencyListSearch => ({
    q: optionalString(search.q, 100),
    scope: optionalEnum(search.scope, ['in_force', 'all'] as const),
    at: optionalDate(search.at),
    kind: optionalEnum(search.kind, AGENCY_KINDS),
    level: optionalEnum(search.level, AGENCY_LEVELS),
    sort: optionalEnum(search.sort, AGENCY_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./admin-agencies-page.js'), 'AdminAgenciesPage'),
});

export const adminAgencyRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/agencies/$id',
  component: lazyRouteComponent(() => import('./agency-detail-page.js'), 'AdminAgencyDetailPage'),
});

export const adminPlanRolesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/plan-roles',
  validateSearch: (search: Record<string, unknown>): { at?: string } => ({ at: optionalDate(search.at) }),
  component: lazyRouteComponent(() => import('./plan-roles-page.js'), 'PlanRolesPage'),
});
