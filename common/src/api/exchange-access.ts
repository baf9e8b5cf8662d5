import { z } from 'zod';
import { AccessRequestStatus, ListingFileView, ListingKind, ListingView, type ListingContent } from './exchange-listings.js';
import { PageQuery, pageOf, Uuid } from './shared.js';

/**
 * Technology exchange: files of a listing and access requests to on-request listings (issue 4 §2). The listing view
 * itself (`ListingView`) is in exchange-listings.ts.
 */

/** Images shown on the listing page; documents downloaded. Type is found in the content, never the name. */
export const LISTING_FILE_LIMITS = {
  image: { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 5 * 1024 * 1024 },
  document: { types: ['application/pdf'], maxBytes: 20 * 1024 * 1024 },
} as const;

/** Text fields sent with an upload (multipart): an optional caption. */
export const ListingFileUploadFields = z.object({ caption: z.string().trim().max(300).optional() });

export const ListingFileParams = z.object({ id: Uuid, fileId: Uuid });

/** The requester acknowledges the NDA statement in force (shown on the page) and may explain who they are. */
export const AccessRequestInput = z.object({
  ndaAcknowledged: z.boolean(),
  message: z.string().trim().max(2000).optional(),
});
export type AccessRequestInput = z.infer<typeof AccessRequestInput>;

/** The owner's decision (approve, decline, revoke) with an optional note to the requester. */
export const AccessDecisionInput = z.object({ note: z.string().trim().max(2000).optional() });

export const NdaStatementView = z.object({ text: z.string(), citation: z.string() });

export const AccessRequestView = z.object({
  id: Uuid,
  listing: z.object({ id: Uuid, reference: z.string(), kind: ListingKind, title: z.object({ vi: z.string().optional(), en: z.string().optional() }) }),
  requester: z.object({ name: z.string(), organisationName: z.string().nullable() }),
  message: z.string().nullable(),
  ndaStatement: z.string(),
  ndaAcknowledgedAt: z.string(),
  status: AccessRequestStatus,
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.enum(['approve', 'decline', 'revoke', 'withdraw'])),
});
export type AccessRequestView = z.infer<typeof AccessRequestView>;

export const ACCESS_REQUEST_SORTS = ['createdAt', 'status', 'decidedAt'] as const;

/** Both lists (the owner's inbox and the requester's own): filters, sort, page; `format` for an export. */
export const AccessRequestListQuery = PageQuery.extend({
  status: AccessRequestStatus.optional(),
  listingId: Uuid.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(ACCESS_REQUEST_SORTS).default('createdAt'),
});
export type AccessRequestListQuery = z.infer<typeof AccessRequestListQuery>;

export const AccessRequestExportQuery = AccessRequestListQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const AccessRequestList = pageOf(AccessRequestView);
export type AccessRequestList = z.infer<typeof AccessRequestList>;

/**
 * ListingView as sent: a stored revision's content was validated with ListingContent when written; ListingContent
 * itself has one-way transforms (trimming, dropping empty languages) that a response serializer cannot run backwards.
 */
export const ListingViewResponse = ListingView.extend({
  detail: z
    .object({
      content: z.custom<ListingContent>((value) => typeof value === 'object' && value !== null && 'kind' in value).meta({ description: 'ListingContent of the revision read (exchange-listings.ts)' }),
      ownerOrganisation: z.object({ id: Uuid, name: z.string() }).nullable(),
      files: z.array(ListingFileView),
    })
    .nullable(),
});
