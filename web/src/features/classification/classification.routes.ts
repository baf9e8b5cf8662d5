import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/route-roots.js';

/** Public: check a technology against the priority catalog and the national lists; the reference hub. */

export const checkTechnologyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/check-technology',
  component: lazyRouteComponent(() => import('./check-technology-page.js'), 'CheckTechnologyPage'),
});

export const referenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reference',
  component: lazyRouteComponent(() => import('./reference-page.js'), 'ReferencePage'),
});
