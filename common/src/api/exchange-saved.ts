import { z } from 'zod';
import { ExchangeSearchQuery } from './exchange-search.js';
import { pageOf } from './shared.js';

/** Saved searches of the technology exchange (issue 4 §4): a search query kept with a daily or weekly e-mail digest. */

export const SAVED_SEARCH_FREQUENCIES = ['daily', 'weekly'] as const;
export const SavedSearchFrequency = z.enum(SAVED_SEARCH_FREQUENCIES);
export type SavedSearchFrequency = z.infer<typeof SavedSearchFrequency>;

export const SavedSearch = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The search as saved (page and page size are not kept). */
  query: ExchangeSearchQuery,
  frequency: SavedSearchFrequency,
  /** false after unsubscribing: the search stays in the list without digests. */
  isActive: z.boolean(),
  lastDigestAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SAVED_SEARCH_SORTS = ['name', 'createdAt', 'lastDigestAt'] as const;
export const SavedSearchListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(SAVED_SEARCH_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type SavedSearchListQuery = z.infer<typeof SavedSearchListQuery>;

export const SavedSearchList = pageOf(SavedSearch);
export type SavedSearchList = z.infer<typeof SavedSearchList>;

/** A user keeps at most this many saved searches. */
export const SAVED_SEARCHES_MAX = 50;

export const SavedSearchName = z.string().trim().min(1).max(120);

export const CreateSavedSearchInput = z.object({
  name: SavedSearchName,
  frequency: SavedSearchFrequency.default('weekly'),
  query: ExchangeSearchQuery,
});
export type CreateSavedSearchInput = z.input<typeof CreateSavedSearchInput>;

export const UpdateSavedSearchInput = z
  .object({ name: SavedSearchName.optional(), frequency: SavedSearchFrequency.optional(), isActive: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'too_small' });
export type UpdateSavedSearchInput = z.input<typeof UpdateSavedSearchInput>;

/** One-click unsubscribe (link in each digest; RFC 8058 POST with the same query). */
export const UnsubscribeQuery = z.object({ token: z.string().trim().min(10).max(200).regex(/^[A-Za-z0-9_-]+$/) });
