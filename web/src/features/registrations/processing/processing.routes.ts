import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { QUEUE_SCOPES, QUEUE_SORTS, STAFF_VISIBLE_STATUSES } from '../../../../../common/src/api/registration-processing.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

/** DOST work on registrations: the queue (filters in the URL) and the staff page of one case. */

export interface RegistrationQueueSearch {
  status?: (typeof STAFF_VISIBLE_STATUSES)[number];
  scope?: (typeof QUEUE_SCOPES)[number];
  q?: string;
  late?: 'true';
  flagged?: 'true';
  sort?: (typeof QUEUE_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const registrationQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/registrations',
  validateSearch: (search: Record<string, unknown>): RegistrationQueueSearch => ({
    status: optionalEnum(search.status, STAFF_VISIBLE_STATUSES),
    scope: optionalEnum(search.scope, QUEUE_SCOPES),
    q: optionalString(search.q, 100),
    late: optionalEnum(search.late, ['true'] as const),
    flagged: optionalEnum(search.flagged, ['true'] as const),
    sort: optionalEnum(search.sort, QUEUE_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./queue-page.js'), 'RegistrationQueuePage'),
});

export const registrationCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/registrations/$caseId',
  component: lazyRouteComponent(() => import('./case-page.js'), 'RegistrationCasePage'),
});
