import type { ListingFileView } from '../../../../common/src/api/exchange-listings.js';
import { LISTING_FILE_LIMITS, ListingFileUploadFields } from '../../../../common/src/api/exchange-access.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { detectFileType, findStoredFile, storeFile, type StoredFile } from '../../core/files/files.js';
import { isListingOwner } from './exchange.policy.js';
import { findListingFileRow, findListingRow, insertListingFile, listingFileRows, revisionFileIds, type ListingFileRow } from './listing-files.queries.js';
import { loadReaderAccess } from './listing-view.reader.js';

/** Listing statuses in which the owner may still add files (a published listing: for its next revision). */
const UPLOAD_STATUSES = new Set(['draft', 'returned', 'in_review', 'published', 'expired']);

export function listingFileUrl(listingId: string, fileId: string): string {
  return `/api/v1/exchange/listings/${listingId}/files/${fileId}`;
}

export function toListingFileView(row: ListingFileRow): ListingFileView {
  return { id: row.id, role: row.role, name: row.name, contentType: row.contentType, size: row.size, sha256: row.sha256, caption: row.caption, url: listingFileUrl(row.listingId, row.id) };
}

export interface ListingFileUpload {
  listingId: string;
  caption?: string | undefined;
  file: { buffer: Buffer; filename: string } | null;
}

/**
 * The owner uploads an image (PNG, JPEG, WebP ≤ 5 MB) or a document (PDF ≤ 20 MB) to a listing; the type is found in
 * the content. The file is shown once a revision lists it in `fileIds`. Permission: exchange.listings.write, owner
 * only. Audit: exchange.listing.file_upload (role, size, SHA-256).
 */
export async function uploadListingFile(ctx: Ctx, input: ListingFileUpload): Promise<ListingFileView> {
  const listing = await findListingRow(ctx.db, input.listingId);
  assertCan(ctx.actor, 'exchange.listings.write', listing !== undefined && isListingOwner(ctx.actor, listing));
  if (!listing || ctx.actor.kind !== 'user') throw new AppError('NOT_FOUND');
  if (!UPLOAD_STATUSES.has(listing.status)) throw new AppError('LISTING_NOT_EDITABLE', { status: listing.status });
  const fields = ListingFileUploadFields.safeParse({ caption: input.caption });
  if (!fields.success) throw validationError([{ path: 'caption', code: 'too_big', message: translate(ctx.locale, 'validation.too_big_string', { maximum: 300 }) }]);
  if (!input.file) throw validationError([{ path: 'file', code: 'required', message: translate(ctx.locale, 'validation.required') }]);
  const detected = detectFileType(input.file.buffer);
  const role = detected === 'application/pdf' ? 'document' : 'image';
  const limits = LISTING_FILE_LIMITS[role];
  const userId = ctx.actor.userId;
  const file = input.file;
  return inTransaction(ctx, async (tx) => {
    const stored = await storeFile(tx, { buffer: file.buffer, name: file.filename, allowed: [...LISTING_FILE_LIMITS.image.types, ...LISTING_FILE_LIMITS.document.types], maxBytes: limits.maxBytes });
    const row = await insertListingFile(tx.db, { listingId: listing.id, storedFileId: stored.id, role, caption: fields.data.caption || null, uploadedBy: userId });
    await recordAudit(tx, {
      action: 'exchange.listing.file_upload',
      objectType: 'listing',
      objectId: listing.id,
      organisationId: listing.ownerOrganisationId,
      summary: { reference: listing.reference, fileId: row.id, role, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    return toListingFileView({ id: row.id, listingId: listing.id, storedFileId: stored.id, role, caption: row.caption, name: stored.originalName, contentType: stored.contentType, size: stored.sizeBytes, sha256: stored.sha256 });
  });
}

/**
 * Every file uploaded to a listing, for its edit form and DOST's review (the owner and DOST only; readers get the
 * files of the published revision in the listing view). Permission: exchange.listings.write (owner) or
 * exchange.listings.review.
 */
export async function listListingFiles(ctx: Ctx, input: { listingId: string }): Promise<ListingFileView[]> {
  const reader = await loadReaderAccess(ctx, input.listingId);
  if (!reader.isPrivileged) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return (await listingFileRows(ctx.db, input.listingId)).map(toListingFileView);
}

/** The files of the revision a reader reads (the published one), in the order the owner listed them. */
export async function publishedListingFiles(ctx: Ctx, listingId: string, fileIds: string[]): Promise<ListingFileView[]> {
  const rows = await listingFileRows(ctx.db, listingId, fileIds);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return fileIds.flatMap((id) => (byId.has(id) ? [toListingFileView(byId.get(id)!)] : []));
}

/**
 * Download of a listing's file with the same visibility as the detail: readers who may see the detail get the files
 * the published revision lists; the owner and DOST get every file of the listing. Anyone else: NOT_FOUND (or
 * FORBIDDEN/UNAUTHENTICATED when they may see the teaser but not the detail). No permission (public reads).
 * Audit: exchange.listing.file_download when the listing's detail is not public.
 */
export async function downloadListingFile(ctx: Ctx, input: { listingId: string; fileId: string }): Promise<StoredFile & { role: 'image' | 'document' }> {
  const reader = await loadReaderAccess(ctx, input.listingId);
  const row = await findListingFileRow(ctx.db, input.listingId, input.fileId);
  if (!row) throw new AppError('NOT_FOUND');
  if (!reader.isPrivileged) {
    if (!reader.canSeeDetail) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    const listed = await revisionFileIds(ctx.db, reader.listing.publishedRevisionId);
    if (!listed.includes(row.id)) throw new AppError('NOT_FOUND');
  }
  const file = await findStoredFile(ctx.db, row.storedFileId);
  if (!file) throw new AppError('NOT_FOUND');
  if (reader.listing.visibility !== 'public' && !reader.isPrivileged) {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        action: 'exchange.listing.file_download',
        objectType: 'listing',
        objectId: reader.listing.id,
        organisationId: reader.listing.ownerOrganisationId,
        summary: { reference: reader.listing.reference, fileId: row.id, reason: reader.reason, sha256: row.sha256 },
      }),
    );
  }
  return { ...file, role: row.role };
}
