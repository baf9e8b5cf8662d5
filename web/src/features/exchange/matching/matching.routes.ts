import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt } from '../../../lib/search-params.js';

/** Matching (issue 4 §5): the DOST matching board, an owner's matches of one listing, the suggestions received. */

export const BOARD_AGE_VALUES = ['7', '30', '90', '365'] as const;

export interface MatchingBoardSearch {
  sector?: string;
  maxAgeDays?: (typeof BOARD_AGE_VALUES)[number];
  page?: number;
}

export const matchingBoardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/exchange/matching',
  validateSearch: (search: Record<string, unknown>): MatchingBoardSearch => ({
    sector: typeof search.sector === 'string' && /^[0-9]+(\.[0-9]+)*$/.test(search.sector) && search.sector.length <= 20 ? search.sector : undefined,
    maxAgeDays: optionalEnum(typeof search.maxAgeDays === 'number' ? String(search.maxAgeDays) : search.maxAgeDays, BOARD_AGE_VALUES),
    page: optionalPositiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import('./matching-board-page.js'), 'MatchingBoardPage'),
});

export const listingMatchesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/mine/$id/matches',
  component: lazyRouteComponent(() => import('./listing-matches-page.js'), 'ListingMatchesPage'),
});

export const matchSuggestionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange/suggestions',
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: optionalPositiveInt(search.page) }),
  component: lazyRouteComponent(() => import('./suggestions-page.js'), 'SuggestionsPage'),
});
