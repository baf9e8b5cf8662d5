import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { CASE_QUEUE_SORTS } from '../../../../../common/src/api/cases.js';
import { DOSSIER_STEPS, REGISTRATION_STATUSES } from '../../../../../common/src/api/registration-dossier.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt } from '../../../lib/search-params.js';

/** The applicant's registrations: the list, a new dossier, and one dossier (form while a draft, status after). */

export interface RegistrationListSearch {
  status?: (typeof REGISTRATION_STATUSES)[number];
  sort?: (typeof CASE_QUEUE_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

export const registrationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registrations',
  validateSearch: (search: Record<string, unknown>): RegistrationListSearch => ({
    status: optionalEnum(search.status, REGISTRATION_STATUSES),
    sort: optionalEnum(search.sort, CASE_QUEUE_SORTS),
    order: optionalEnum(search.order, ['asc', 'desc'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./registrations-page.js'), 'RegistrationsPage'),
});

export const newRegistrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registrations/new',
  component: lazyRouteComponent(() => import('./new-registration-page.js'), 'NewRegistrationPage'),
});

export const registrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registrations/$caseId',
  validateSearch: (search: Record<string, unknown>): { step?: (typeof DOSSIER_STEPS)[number] | 'review' } => ({
    step: optionalEnum(search.step, [...DOSSIER_STEPS, 'review'] as const),
  }),
  component: lazyRouteComponent(() => import('./registration-page.js'), 'RegistrationPage'),
});
