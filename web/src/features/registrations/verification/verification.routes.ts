import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../../app/route-roots.js';

/** Public: check a registration certificate by the code in its QR link (issue 5). */
export const verifyCertificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/$code',
  component: lazyRouteComponent(() => import('./verify-certificate-page.js'), 'VerifyCertificatePage'),
});
