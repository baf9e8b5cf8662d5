import { useState, type ChangeEvent, type FormEvent } from 'react';
import { toQueryString } from './api.js';

/** The query-string keys every paged list may have, besides its filters. */
export interface ListSearchBase {
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
}

/** A route's typed `navigate` (`getRouteApi(id).useNavigate()`), used with a search updater. */
type SearchNavigate<S> = (options: { search: (previous: S) => S }) => Promise<void>;

interface ListSearchOptions<S extends ListSearchBase, K> {
  /** The keys edited in the filter form; they reach the URL together when the form is submitted. */
  filterKeys: readonly K[];
  /** Sort column and order when the URL names none (sent to the API all the same). */
  defaults?: { sort?: NonNullable<S['sort']>; order?: 'asc' | 'desc' };
  pageSize: number;
}

/**
 * State of a list page kept in the URL (filters, sort, order, page), so that a list can be linked, reloaded and
 * navigated back to. The filter form edits a draft (`filters`) that `applyFilters` writes to the URL (back to page 1).
 */
export function useListSearch<S extends ListSearchBase, K extends keyof S & string>(
  search: S,
  navigate: SearchNavigate<S>,
  { filterKeys, defaults = {}, pageSize }: ListSearchOptions<S, K>,
) {
  const draftOf = (source: Partial<S>) =>
    Object.fromEntries(filterKeys.map((key) => [key, source[key] === undefined ? '' : String(source[key])])) as Record<K, string>;
  const [filters, setFilters] = useState(() => draftOf(search));
  const sort = search.sort ?? defaults.sort;
  const order = search.order ?? defaults.order;
  const page = search.page ?? 1;

  const setSearch = (patch: Partial<S>) => void navigate({ search: (previous) => ({ ...previous, ...patch }) });

  /** Filters, sort and order as API query parameters (without the page). */
  const query: Record<string, string | number | undefined> = {};
  for (const key of filterKeys) query[key] = search[key] as string | number | undefined;
  query.sort = sort;
  query.order = order;

  return {
    sort: sort ?? '',
    order: order ?? 'desc',
    query,
    /** `?filters&sort&order&page&pageSize` for the API request of the current page. */
    pageQuery: toQueryString({ ...query, page, pageSize }),
    /** For ListTable / PaginationBar. */
    pagination: { page, pageSize, onChange: (next: number) => setSearch({ page: next } as Partial<S>) },
    setSearch,
    /** For SortableTh: a new sort starts again at page 1. */
    onSort: (field: string, next: 'asc' | 'desc') => setSearch({ sort: field, order: next, page: undefined } as Partial<S>),
    /** value + onChange of the draft filter `key`, for a TextInput or NativeSelect. */
    filterInput: (key: K) => ({
      value: filters[key],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setFilters({ ...filters, [key]: event.currentTarget.value }),
    }),
    applyFilters: (event: FormEvent) => {
      event.preventDefault();
      const patch: Partial<S> = { page: undefined } as Partial<S>;
      for (const key of filterKeys) patch[key] = (filters[key].trim() || undefined) as S[K];
      setSearch(patch);
    },
    resetFilters: () => {
      setFilters(draftOf({}));
      void navigate({ search: () => ({}) as S });
    },
  };
}
