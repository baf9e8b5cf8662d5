import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/route-roots.js';

/** Public: "Do I need to register a technology transfer contract?" (issue 5 item 2). */
export const registrationCheckRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registration-check',
  component: lazyRouteComponent(() => import('./registration-check-page.js'), 'RegistrationCheckPage'),
});
