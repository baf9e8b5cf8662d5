import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum } from '../../../lib/search-params.js';

/** Public statistics of the technology exchange (issue 4 §7): charts, an accessible table and the download. */

export const STATISTICS_PERIODS = ['6', '12', '24'] as const;

export interface ExchangeStatisticsSearch {
  months?: (typeof STATISTICS_PERIODS)[number];
}

export const exchangeStatisticsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/statistics',
  validateSearch: (search: Record<string, unknown>): ExchangeStatisticsSearch => ({ months: optionalEnum(search.months === undefined ? undefined : String(search.months), STATISTICS_PERIODS) }),
  component: lazyRouteComponent(() => import('./statistics-page.js'), 'ExchangeStatisticsPage'),
});
