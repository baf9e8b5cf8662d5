import type { z } from 'zod';
import type { ListingContent, ListingKind } from '../../../../../common/src/api/exchange-listings.js';
import type * as review from '../../../../../common/src/api/exchange-review.js';
import { api, toQueryString } from '../../../lib/api.js';

export type OwnListingSummary = z.infer<typeof review.OwnListingSummary>;
export type OwnListingPage = z.infer<typeof review.OwnListingPage>;
export type OwnListingDetail = z.infer<typeof review.OwnListingDetail>;
export type ListingState = z.infer<typeof review.ListingState>;
export type ListingEventView = z.infer<typeof review.ListingEventView>;
export type RevisionView = z.infer<typeof review.RevisionView>;
/** What the form edits: a listing's content before the server's parse (the API body). */
export type ContentDraft = z.input<typeof ListingContent>;
export type Visibility = z.infer<typeof review.UpdateListingInput>['visibility'];

const base = '/exchange/my-listings';

export const myListingsPath = (query: Record<string, string | number | undefined>) => `${base}${toQueryString(query)}`;
export const myListingPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function createListing(body: { organisationId?: string | null; visibility: Visibility; content: ContentDraft }) {
  return api.post<ListingState>(base, body);
}

export function saveListing(id: string, body: { lockVersion: number; visibility: Visibility; content: ContentDraft }) {
  return api.put<ListingState>(myListingPath(id), body);
}

export type OwnerStep = 'submit' | 'discard' | 'renew' | 'withdraw';
export function listingStep(id: string, step: OwnerStep, body: { lockVersion: number; reason?: string }) {
  return api.post<ListingState>(`${myListingPath(id)}/${step}`, body);
}

/** The title in the reader's language, else the other one. */
export function localTitle(title: { vi?: string | undefined; en?: string | undefined } | null | undefined, language: string): string {
  if (!title) return '';
  return (language.startsWith('en') ? (title.en ?? title.vi) : (title.vi ?? title.en)) ?? '';
}

export type { ListingKind };
