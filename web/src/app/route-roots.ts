import { createRootRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';

/**
 * The two parents every page hangs from. Features define their routes in `features/<name>/<name>.routes.ts`
 * against these, and `router.tsx` adds them to the tree.
 */
export const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

export const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: lazyRouteComponent(() => import('../features/admin/admin-layout.js'), 'AdminLayout'),
});
