import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { CERTIFICATE_STATES, TAX_SORTS, VALUE_BAND_CODES } from '../../../../../common/src/api/registration-oversight.js';
import { PAYMENT_METHODS } from '../../../../../common/src/api/registration-dossier.js';
import { RISK_FLAG_CODES } from '../../../../../common/src/api/registration-risk.js';
import { TRANSFER_DIRECTIONS } from '../../../../../common/src/api/legal-rules.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

/**
 * Oversight of registered contracts: the Tax Department view (list with filters in the URL, detail with query threads),
 * DOST's list of tax queries and one thread, and the statistics page.
 */

export interface TaxRegistrationsSearch {
  q?: string;
  year?: number;
  certificateStatus?: (typeof CERTIFICATE_STATES)[number];
  paymentMethod?: (typeof PAYMENT_METHODS)[number];
  direction?: (typeof TRANSFER_DIRECTIONS)[number];
  valueBand?: string;
  flag?: (typeof RISK_FLAG_CODES)[number];
  flagged?: 'true';
  sort?: (typeof TAX_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const taxRegistrationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tax/registrations',
  validateSearch: (search: Record<string, unknown>): TaxRegistrationsSearch => ({
    q: optionalString(search.q, 100),
    year: optionalPositiveInt(search.year),
    certificateStatus: optionalEnum(search.certificateStatus, CERTIFICATE_STATES),
    paymentMethod: optionalEnum(search.paymentMethod, PAYMENT_METHODS),
    direction: optionalEnum(search.direction, TRANSFER_DIRECTIONS),
    valueBand: optionalEnum(search.valueBand, VALUE_BAND_CODES),
    flag: optionalEnum(search.flag, RISK_FLAG_CODES),
    flagged: optionalEnum(search.flagged, ['true'] as const),
    sort: optionalEnum(search.sort, TAX_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./tax-registrations-page.js'), 'TaxRegistrationsPage'),
});

export const taxRegistrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tax/registrations/$caseId',
  component: lazyRouteComponent(() => import('./tax-registration-page.js'), 'TaxRegistrationPage'),
});

export interface TaxQueriesSearch {
  status?: 'open' | 'closed';
  page?: number;
}

export const taxQueriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/registrations/tax-queries',
  validateSearch: (search: Record<string, unknown>): TaxQueriesSearch => ({
    status: optionalEnum(search.status, ['open', 'closed'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./tax-queries-page.js'), 'TaxQueriesPage'),
});

export const taxQueryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/registrations/tax-queries/$queryId',
  component: lazyRouteComponent(() => import('./tax-query-page.js'), 'TaxQueryPage'),
});

export interface StatisticsSearch {
  fromYear?: number;
  toYear?: number;
}

export const registrationStatisticsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registrations/statistics',
  validateSearch: (search: Record<string, unknown>): StatisticsSearch => ({
    fromYear: optionalPositiveInt(search.fromYear),
    toYear: optionalPositiveInt(search.toYear),
  }),
  component: lazyRouteComponent(() => import('./statistics-page.js'), 'RegistrationStatisticsPage'),
});
