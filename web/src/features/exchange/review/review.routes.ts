import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { LISTING_KINDS } from '../../../../../common/src/api/exchange-listings.js';
import { REPORT_REASONS, REPORT_STATUSES, REVIEW_QUEUE_SORTS } from '../../../../../common/src/api/exchange-review.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

/** DOST work on listings: the review queue, one review, the reports queue (issue 4 §3). */

export interface ReviewQueueSearch {
  kind?: (typeof LISTING_KINDS)[number];
  type?: 'new' | 'edit';
  minAgeDays?: number;
  q?: string;
  sort?: (typeof REVIEW_QUEUE_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const reviewQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/exchange/review',
  validateSearch: (search: Record<string, unknown>): ReviewQueueSearch => ({
    kind: optionalEnum(search.kind, LISTING_KINDS),
    type: optionalEnum(search.type, ['new', 'edit'] as const),
    minAgeDays: optionalPositiveInt(search.minAgeDays),
    q: optionalString(search.q, 200),
    sort: optionalEnum(search.sort, REVIEW_QUEUE_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./review-queue-page.js'), 'ReviewQueuePage'),
});

export const reviewListingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/exchange/review/$id',
  component: lazyRouteComponent(() => import('./review-page.js'), 'ReviewPage'),
});

export interface ReportsSearch {
  status?: (typeof REPORT_STATUSES)[number];
  reason?: (typeof REPORT_REASONS)[number];
  kind?: (typeof LISTING_KINDS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/exchange/reports',
  validateSearch: (search: Record<string, unknown>): ReportsSearch => ({
    status: optionalEnum(search.status, REPORT_STATUSES),
    reason: optionalEnum(search.reason, REPORT_REASONS),
    kind: optionalEnum(search.kind, LISTING_KINDS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./reports-page.js'), 'ReportsPage'),
});
