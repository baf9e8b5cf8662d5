import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { adminRoute, rootRoute } from '../../app/route-roots.js';
import { optionalDate, optionalEnum, optionalString } from '../../lib/search-params.js';

/** Public: the legal parameters in force on a date and each one's history. Admin: the same, and new dated values. */

export interface LegalRulesSearch {
  at?: string;
  q?: string;
  verified?: 'yes' | 'no';
}

const listSearch = (search: Record<string, unknown>): LegalRulesSearch => ({
  at: optionalDate(search.at),
  q: optionalString(search.q, 100),
  verified: optionalEnum(search.verified, ['yes', 'no'] as const),
});

export const legalRulesPublicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/legal-parameters',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./legal-rules-page.js'), 'LegalRulesPage'),
});

export const legalRulePublicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/legal-parameters/$key',
  component: lazyRouteComponent(() => import('./rule-page.js'), 'RulePage'),
});

export const adminLegalRulesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/legal-rules',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./legal-rules-page.js'), 'AdminLegalRulesPage'),
});

export const adminLegalRuleRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/legal-rules/$key',
  component: lazyRouteComponent(() => import('./rule-page.js'), 'AdminRulePage'),
});
