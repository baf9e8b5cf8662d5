import { createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { ORGANISATION_KINDS, ROLES, SIGN_UP_KINDS } from '../../../common/src/roles.js';
import { PageLoader } from '../components/page-loader.js';
import {
  optionalDate,
  optionalEnum,
  optionalPositiveInt,
  optionalString,
  safeNext,
} from '../lib/search-params.js';
import { adminRoute, rootRoute } from './route-roots.js';
import { RouteErrorPage } from './route-error-page.js';
import { catalogAmendmentsRoute, catalogCompareRoute, catalogDraftRoute, catalogHistoryRoute, catalogVersionRoute } from '../features/catalog/catalog.routes.js';
import { adminTechnologyListImportRoute, adminTechnologyListsRoute, technologyListsRoute } from '../features/technology-lists/technology-lists.routes.js';
import { vsicRoute } from '../features/vsic/vsic.routes.js';
import { adminCalendarRoute, calendarPublicRoute } from '../features/calendar/calendar.routes.js';
import { adminLegalRuleRoute, adminLegalRulesRoute, legalRulePublicRoute, legalRulesPublicRoute } from '../features/legal-rules/legal-rules.routes.js';
import { adminAgenciesRoute, adminAgencyRoute, adminPlanRolesRoute, agenciesPublicRoute, agencyPublicRoute } from '../features/agencies/agencies.routes.js';
import { checkTechnologyRoute, referenceRoute } from '../features/classification/classification.routes.js';
import { registrationCheckRoute } from '../features/contract-registration/contract-registration.routes.js';
import { registrationCaseRoute, registrationQueueRoute } from '../features/registrations/processing/processing.routes.js';
import { notificationsRoute } from '../features/notifications/notifications.routes.js';
import { exchangeRoutes } from '../features/exchange/exchange.routes.js';
import { adminGlossaryRoute } from '../features/exchange/saved/saved.routes.js';
import { verifyCertificateRoute } from '../features/registrations/verification/verification.routes.js';
import { newRegistrationRoute, registrationRoute, registrationsRoute } from '../features/registrations/filing/filing.routes.js';
import {
  registrationStatisticsRoute,
  taxQueriesRoute,
  taxQueryRoute,
  taxRegistrationRoute,
  taxRegistrationsRoute,
} from '../features/registrations/oversight/oversight.routes.js';

/** Code-based routes; every page component is a lazy chunk. List filters and pages live in the query string. */

const ORDERS = ['asc', 'desc'] as const;


const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/home/home-page.js'), 'HomePage'),
});

const catalogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: optionalString(search.q, 100) }),
  component: lazyRouteComponent(() => import('../features/catalog/catalog-page.js'), 'CatalogPage'),
});

const sectorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog/$code',
  component: lazyRouteComponent(() => import('../features/catalog/sector-page.js'), 'SectorPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({ next: safeNext(search.next) }),
  component: lazyRouteComponent(() => import('../features/auth/sign-in-page.js'), 'SignInPage'),
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: (search: Record<string, unknown>): { kind?: (typeof SIGN_UP_KINDS)[number] } => ({
    kind: optionalEnum(search.kind, SIGN_UP_KINDS),
  }),
  component: lazyRouteComponent(() => import('../features/auth/sign-up-page.js'), 'SignUpPage'),
});

const tokenSearch = (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token, 300) });

const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify-email',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/auth/verify-email-page.js'), 'VerifyEmailPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('../features/auth/forgot-password-page.js'), 'ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/auth/reset-password-page.js'), 'ResetPasswordPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../features/auth/invite-page.js'), 'InvitePage'),
});

const twoFactorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/two-factor',
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({ next: safeNext(search.next) }),
  component: lazyRouteComponent(() => import('../features/auth/two-factor-page.js'), 'TwoFactorPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../features/account/account-page.js'), 'AccountPage'),
});

const myOrganisationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation',
  component: lazyRouteComponent(() => import('../features/organisations/my-organisations-page.js'), 'MyOrganisationsPage'),
});

const membersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations/$id/members',
  component: lazyRouteComponent(() => import('../features/organisations/members-page.js'), 'MembersPage'),
});


const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/admin/admin-index-page.js'), 'AdminIndexPage'),
});

export interface UserListSearch {
  q?: string;
  role?: (typeof ROLES)[number];
  status?: 'active' | 'disabled';
  sort?: 'createdAt' | 'email' | 'name' | 'lastSignInAt';
  order?: 'asc' | 'desc';
  page?: number;
}

const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  validateSearch: (search: Record<string, unknown>): UserListSearch => ({
    q: optionalString(search.q, 100),
    role: optionalEnum(search.role, ROLES),
    status: optionalEnum(search.status, ['active', 'disabled'] as const),
    sort: optionalEnum(search.sort, ['createdAt', 'email', 'name', 'lastSignInAt'] as const),
    order: optionalEnum(search.order, ORDERS),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/admin/users-page.js'), 'UsersPage'),
});

export interface OrganisationListSearch {
  q?: string;
  kind?: (typeof ORGANISATION_KINDS)[number];
  sort?: 'name' | 'createdAt' | 'kind';
  order?: 'asc' | 'desc';
  page?: number;
}

const adminOrganisationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organisations',
  validateSearch: (search: Record<string, unknown>): OrganisationListSearch => ({
    q: optionalString(search.q, 100),
    kind: optionalEnum(search.kind, ORGANISATION_KINDS),
    sort: optionalEnum(search.sort, ['name', 'createdAt', 'kind'] as const),
    order: optionalEnum(search.order, ORDERS),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/admin/organisations-page.js'), 'OrganisationsPage'),
});

const adminRolesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/roles',
  component: lazyRouteComponent(() => import('../features/admin/roles-page.js'), 'RolesPage'),
});

export interface AuditSearch {
  action?: string;
  actor?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
  page?: number;
}

const adminAuditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => ({
    action: optionalString(search.action, 100),
    actor: optionalString(search.actor, 254),
    objectType: optionalString(search.objectType, 60),
    objectId: optionalString(search.objectId, 100),
    from: optionalDate(search.from),
    to: optionalDate(search.to),
    order: optionalEnum(search.order, ORDERS),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/admin/audit-page.js'), 'AuditPage'),
});

export interface OutboxSearch {
  to?: string;
  status?: 'pending' | 'sent' | 'kept' | 'failed';
  page?: number;
}

const adminOutboxRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/outbox',
  validateSearch: (search: Record<string, unknown>): OutboxSearch => ({
    to: optionalString(search.to, 254),
    status: optionalEnum(search.status, ['pending', 'sent', 'kept', 'failed'] as const),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/admin/outbox-page.js'), 'OutboxPage'),
});

const adminOutboxDetailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/outbox/$id',
  component: lazyRouteComponent(() => import('../features/admin/outbox-detail-page.js'), 'OutboxDetailPage'),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  catalogRoute,
  sectorRoute,
  catalogHistoryRoute,
  catalogVersionRoute,
  catalogCompareRoute,
  catalogAmendmentsRoute,
  catalogDraftRoute,
  signInRoute,
  signUpRoute,
  verifyEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  inviteRoute,
  twoFactorRoute,
  accountRoute,
  myOrganisationsRoute,
  membersRoute,
  technologyListsRoute,
  vsicRoute,
  calendarPublicRoute,
  legalRulesPublicRoute,
  legalRulePublicRoute,
  agenciesPublicRoute,
  agencyPublicRoute,
  checkTechnologyRoute,
  referenceRoute,
  registrationCheckRoute,
  registrationQueueRoute,
  registrationCaseRoute,
  notificationsRoute,
  verifyCertificateRoute,
  registrationsRoute,
  newRegistrationRoute,
  registrationRoute,
  taxRegistrationsRoute,
  taxRegistrationRoute,
  taxQueriesRoute,
  taxQueryRoute,
  registrationStatisticsRoute,
  ...exchangeRoutes,
  adminRoute.addChildren([
    adminIndexRoute,
    adminUsersRoute,
    adminOrganisationsRoute,
    adminRolesRoute,
    adminAuditRoute,
    adminOutboxRoute,
    adminOutboxDetailRoute,
    adminTechnologyListsRoute,
    adminTechnologyListImportRoute,
    adminCalendarRoute,
    adminLegalRulesRoute,
    adminLegalRuleRoute,
    adminAgenciesRoute,
    adminAgencyRoute,
    adminPlanRolesRoute,
    adminGlossaryRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPendingComponent: () => <PageLoader />,
  defaultPendingMs: 150,
  defaultErrorComponent: RouteErrorPage,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
