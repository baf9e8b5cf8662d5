import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/route-roots.js';
import { optionalString } from '../../lib/search-params.js';

export const vsicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/vsic',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: optionalString(search.q, 100) }),
  component: lazyRouteComponent(() => import('./vsic-page.js'), 'VsicPage'),
});
