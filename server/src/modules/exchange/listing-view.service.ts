import type { ListingContent, ListingTeaser, ListingView } from '../../../../common/src/api/exchange-listings.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { organisationNames } from '../organisations/index.js';
import { replyTargetOf } from './connections-reply-target.js';
import type { ListingRow } from './exchange.tables.js';
import { findRevision } from './listing-files.queries.js';
import { publishedListingFiles } from './listing-files.service.js';
import { loadReaderAccess } from './listing-view.reader.js';
import { publishedColumns } from './listings.projection.js';

/** The teaser of the revision being read (the published one for readers; the working one for an owner's draft). */
function teaserOf(listing: ListingRow, content: ListingContent): ListingTeaser {
  const columns = publishedColumns(content, { catalogItemCodes: listing.publishedRevisionId ? listing.catalogItemCodes : null });
  return {
    id: listing.id,
    reference: listing.reference,
    kind: listing.kind,
    visibility: listing.visibility,
    originalLanguage: content.originalLanguage,
    languages: columns.languages ?? [],
    title: content.title,
    teaser: content.teaser,
    keywords: content.keywords,
    sectorCodes: columns.sectorCodes ?? [],
    catalogItemCodes: columns.catalogItemCodes ?? [],
    technologyObject: columns.technologyObject ?? null,
    trl: columns.trl ?? null,
    transferForms: (columns.transferForms ?? []) as ListingTeaser['transferForms'],
    ipTypes: (columns.ipTypes ?? []) as ListingTeaser['ipTypes'],
    country: columns.country ?? null,
    publishedAt: listing.publishedAt?.toISOString() ?? null,
    validUntil: listing.validUntil ?? null,
  };
}

/**
 * One listing as this reader sees it (issue 4 §1–2): the teaser of the published revision always; the detail
 * (content, owner organisation, files) only when exchange.policy `detailAccess` allows it; otherwise why not and the
 * reader's access request. NOT_FOUND when the reader may not know the listing (not published, neither owner nor
 * DOST). The owner and DOST read the working revision of a listing never published. No permission (public read).
 * Audit: exchange.listing.detail_view when the detail of a non-public (or unpublished) listing is shown to anyone
 * but its owner.
 */
export async function getListingView(ctx: Ctx, input: { listingId: string }): Promise<ListingView> {
  const reader = await loadReaderAccess(ctx, input.listingId);
  const { listing } = reader;
  const revisionId = listing.publishedRevisionId ?? (reader.isPrivileged ? listing.workingRevisionId : null);
  const revision = revisionId ? await findRevision(ctx.db, revisionId) : undefined;
  if (!revision) throw new AppError('NOT_FOUND');
  const content = revision.content;
  let detail: ListingView['detail'] = null;
  if (reader.canSeeDetail) {
    const names = listing.ownerOrganisationId ? await organisationNames(ctx.db, [listing.ownerOrganisationId]) : new Map<string, string>();
    detail = {
      content,
      ownerOrganisation: listing.ownerOrganisationId ? { id: listing.ownerOrganisationId, name: names.get(listing.ownerOrganisationId) ?? '' } : null,
      files: await publishedListingFiles(ctx, listing.id, content.fileIds),
    };
    if (reader.reason !== 'owner' && (listing.visibility !== 'public' || listing.status !== 'published')) {
      await inTransaction(ctx, (tx) =>
        recordAudit(tx, {
          action: 'exchange.listing.detail_view',
          objectType: 'listing',
          objectId: listing.id,
          organisationId: listing.ownerOrganisationId,
          summary: { reference: listing.reference, visibility: listing.visibility, status: listing.status, reason: reader.reason, revision: revision.number },
        }),
      );
    }
  }
  return {
    teaser: teaserOf(listing, content),
    status: listing.status,
    detail,
    access: { canSeeDetail: reader.canSeeDetail, reason: reader.reason, requestId: reader.requestId },
    replyTarget: await replyTargetOf(ctx, listing.id),
  };
}
