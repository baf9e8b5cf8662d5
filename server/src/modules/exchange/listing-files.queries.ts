import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { storedFiles } from '../../core/files/files.tables.js';
import { listingFiles, listingRevisions, listings, type ListingRow } from './exchange.tables.js';

/** SQL on listing_files (and the listing and revision they hang off) for uploads, lists and downloads. */

export async function findListingRow(db: Tx, id: string): Promise<ListingRow | undefined> {
  const [row] = await db.select().from(listings).where(eq(listings.id, id));
  return row;
}

/** The content's `fileIds` of one revision ([] when the revision is missing). */
export async function revisionFileIds(db: Tx, revisionId: string | null): Promise<string[]> {
  if (!revisionId) return [];
  const [row] = await db.select({ content: listingRevisions.content }).from(listingRevisions).where(eq(listingRevisions.id, revisionId));
  return row?.content.fileIds ?? [];
}

export async function insertListingFile(db: Tx, values: { listingId: string; storedFileId: string; role: 'image' | 'document'; caption: string | null; uploadedBy: string }) {
  const [row] = await db.insert(listingFiles).values(values).returning();
  return row!;
}

export interface ListingFileRow {
  id: string;
  listingId: string;
  storedFileId: string;
  role: 'image' | 'document';
  caption: string | null;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

const FILE_COLUMNS = {
  id: listingFiles.id,
  listingId: listingFiles.listingId,
  storedFileId: listingFiles.storedFileId,
  role: listingFiles.role,
  caption: listingFiles.caption,
  name: storedFiles.originalName,
  contentType: storedFiles.contentType,
  size: storedFiles.sizeBytes,
  sha256: storedFiles.sha256,
};

/** The listing's files (all of them, or only `ids`), oldest first. */
export async function listingFileRows(db: Tx, listingId: string, ids?: string[]): Promise<ListingFileRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select(FILE_COLUMNS)
    .from(listingFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, listingFiles.storedFileId))
    .where(ids ? and(eq(listingFiles.listingId, listingId), inArray(listingFiles.id, ids)) : eq(listingFiles.listingId, listingId))
    .orderBy(asc(listingFiles.createdAt), asc(listingFiles.id));
}

export async function findListingFileRow(db: Tx, listingId: string, fileId: string): Promise<ListingFileRow | undefined> {
  const [row] = await listingFileRows(db, listingId, [fileId]);
  return row;
}

export async function findRevision(db: Tx, revisionId: string) {
  const [row] = await db.select().from(listingRevisions).where(eq(listingRevisions.id, revisionId));
  return row;
}
