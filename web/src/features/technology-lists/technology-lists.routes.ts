import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { LIST_SORTS, LIST_TYPES } from '../../../../common/src/api/technology-lists.js';
import { adminRoute, rootRoute } from '../../app/route-roots.js';
import { optionalDate, optionalEnum, optionalPositiveInt, optionalString } from '../../lib/search-params.js';

/** Public: the national lists in force on a date (or one version). Admin: versions, closing, the importer. */

export interface ListItemsSearch {
  q?: string;
  listType?: (typeof LIST_TYPES)[number];
  direction?: 'inbound_domestic' | 'outbound';
  sector?: string;
  versionId?: string;
  at?: string;
  sort?: (typeof LIST_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const technologyListsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/technology-lists',
  validateSearch: (search: Record<string, unknown>): ListItemsSearch => {
    const sector = optionalString(search.sector, 5)?.toUpperCase();
    const versionId = optionalString(search.versionId, 36);
    return {
      q: optionalString(search.q, 200),
      listType: optionalEnum(search.listType, LIST_TYPES),
      direction: optionalEnum(search.direction, ['inbound_domestic', 'outbound'] as const),
      sector: sector && /^[A-Z]$|^[0-9]{2,5}$/.test(sector) ? sector : undefined,
      versionId: versionId && UUID.test(versionId) ? versionId : undefined,
      at: optionalDate(search.at),
      sort: optionalEnum(search.sort, LIST_SORTS),
      order: optionalEnum(search.order, ['asc', 'desc'] as const),
      page: optionalPositiveInt(search.page),
    };
  },
  component: lazyRouteComponent(() => import('./technology-lists-page.js'), 'TechnologyListsPage'),
});

export const adminTechnologyListsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/technology-lists',
  component: lazyRouteComponent(() => import('./admin-technology-lists-page.js'), 'AdminTechnologyListsPage'),
});

export const adminTechnologyListImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/technology-lists/import',
  component: lazyRouteComponent(() => import('./import-page.js'), 'TechnologyListImportPage'),
});
