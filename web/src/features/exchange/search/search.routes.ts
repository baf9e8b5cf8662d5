import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { CONTENT_LANGUAGES, IP_TYPES, LISTING_KINDS, TRANSFER_FORMS } from '../../../../../common/src/api/exchange-listings.js';
import { SEARCH_SORTS } from '../../../../../common/src/api/exchange-search.js';
import { rootRoute } from '../../../app/route-roots.js';
import { optionalEnum, optionalPositiveInt, optionalString } from '../../../lib/search-params.js';

/** The exchange home: public search of published listings, the query and filters in the URL (issue 4 §4). */

export interface ExchangeSearchParams {
  q?: string;
  kind?: (typeof LISTING_KINDS)[number];
  sector?: string;
  catalogItem?: string;
  trlMin?: number;
  trlMax?: number;
  country?: string;
  transferForm?: (typeof TRANSFER_FORMS)[number];
  ipType?: (typeof IP_TYPES)[number];
  language?: (typeof CONTENT_LANGUAGES)[number];
  sort?: (typeof SEARCH_SORTS)[number];
  page?: number;
}

const trl = (value: unknown) => {
  const n = optionalPositiveInt(value);
  return n !== undefined && n <= 9 ? n : undefined;
};
const code = (value: unknown) => {
  const text = optionalString(value, 20);
  return text && /^[0-9]+(\.[0-9]+)*$/.test(text) ? text : undefined;
};

export const exchangeSearchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exchange',
  validateSearch: (search: Record<string, unknown>): ExchangeSearchParams => {
    const country = optionalString(search.country, 2)?.toUpperCase();
    return {
      q: optionalString(search.q, 200),
      kind: optionalEnum(search.kind, LISTING_KINDS),
      sector: code(search.sector),
      catalogItem: code(search.catalogItem),
      trlMin: trl(search.trlMin),
      trlMax: trl(search.trlMax),
      country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
      transferForm: optionalEnum(search.transferForm, TRANSFER_FORMS),
      ipType: optionalEnum(search.ipType, IP_TYPES),
      language: optionalEnum(search.language, CONTENT_LANGUAGES),
      sort: optionalEnum(search.sort, SEARCH_SORTS),
      page: optionalPositiveInt(search.page),
    };
  },
  component: lazyRouteComponent(() => import('./search-page.js'), 'ExchangeSearchPage'),
});
