import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/route-roots.js';
import { optionalPositiveInt } from '../../lib/search-params.js';

/** The signed-in user's notifications (the header bell opens it). */
export const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notifications',
  validateSearch: (search: Record<string, unknown>): { page?: number; unread?: boolean } => ({
    page: optionalPositiveInt(search.page),
    unread: search.unread === true || search.unread === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('./notifications-page.js'), 'NotificationsPage'),
});
