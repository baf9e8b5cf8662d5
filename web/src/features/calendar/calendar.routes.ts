import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { adminRoute, rootRoute } from '../../app/route-roots.js';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../../../../common/src/reference-rules.js';
import { optionalPositiveInt } from '../../lib/search-params.js';

/** Public: the working-day calendar of a year and the working-day counter. Admin: edit days and years. */

export interface CalendarSearch {
  year?: number;
}

const yearSearch = (search: Record<string, unknown>): CalendarSearch => {
  const year = optionalPositiveInt(search.year);
  return { year: year !== undefined && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR ? year : undefined };
};

export const calendarPublicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calendar',
  validateSearch: yearSearch,
  component: lazyRouteComponent(() => import('./calendar-page.js'), 'CalendarPage'),
});

export const adminCalendarRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/calendar',
  validateSearch: yearSearch,
  component: lazyRouteComponent(() => import('./admin-calendar-page.js'), 'AdminCalendarPage'),
});
