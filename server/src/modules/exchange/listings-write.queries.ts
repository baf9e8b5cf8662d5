import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ListingKind, ListingStatus } from '../../../../common/src/api/exchange-listings.js';
import { rowsOf, type Tx } from '../../core/db/database.js';
import { listingEvents, listingRevisions, listings, type ListingRevisionRow, type ListingRow } from './exchange.tables.js';

// Every SQL statement of the listings-write side (listings, listing_revisions, listing_events). No rules here.

export async function nextReferenceNumber(db: Tx): Promise<number> {
  const [row] = await rowsOf<{ n: string }>(db, sql`SELECT nextval('listing_reference_seq')::text AS n`);
  return Number(row!.n);
}

export async function insertListing(db: Tx, values: typeof listings.$inferInsert): Promise<ListingRow> {
  const [row] = await db.insert(listings).values(values).returning();
  return row!;
}

export async function insertRevision(db: Tx, values: typeof listingRevisions.$inferInsert): Promise<ListingRevisionRow> {
  const [row] = await db.insert(listingRevisions).values(values).returning();
  return row!;
}

export async function findListing(db: Tx, id: string): Promise<ListingRow | undefined> {
  const [row] = await db.select().from(listings).where(eq(listings.id, id));
  return row;
}

/** Locks the listing row until the end of the transaction (every write starts here). */
export async function lockListing(db: Tx, id: string): Promise<ListingRow | undefined> {
  const [row] = await db.select().from(listings).where(eq(listings.id, id)).for('update');
  return row;
}

/** Writes a patch and increments lock_version. */
export async function updateListing(db: Tx, id: string, patch: Partial<typeof listings.$inferInsert>): Promise<ListingRow> {
  const [row] = await db
    .update(listings)
    .set({ ...patch, lockVersion: sql`${listings.lockVersion} + 1`, updatedAt: new Date() })
    .where(eq(listings.id, id))
    .returning();
  return row!;
}

export async function findRevision(db: Tx, id: string | null): Promise<ListingRevisionRow | undefined> {
  if (!id) return undefined;
  const [row] = await db.select().from(listingRevisions).where(eq(listingRevisions.id, id));
  return row;
}

export async function updateRevision(db: Tx, id: string, patch: Partial<typeof listingRevisions.$inferInsert>): Promise<ListingRevisionRow> {
  const [row] = await db
    .update(listingRevisions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(listingRevisions.id, id))
    .returning();
  return row!;
}

export async function lastRevisionNumber(db: Tx, listingId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${listingRevisions.number}), 0)::int` }).from(listingRevisions).where(eq(listingRevisions.listingId, listingId));
  return Number(row?.n ?? 0);
}

export interface ListingEventInput {
  listingId: string;
  revisionId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorUserId: string | null;
  note?: string | null;
}

export async function insertEvent(db: Tx, input: ListingEventInput): Promise<void> {
  await db.insert(listingEvents).values({ ...input, note: input.note ?? null } as typeof listingEvents.$inferInsert);
}

export interface ListingEventRow {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  revisionNumber: number | null;
  actorUserId: string | null;
  note: string | null;
  at: Date;
}

export async function listEvents(db: Tx, listingId: string): Promise<ListingEventRow[]> {
  const rows = await db
    .select({
      id: listingEvents.id,
      action: listingEvents.action,
      fromStatus: listingEvents.fromStatus,
      toStatus: listingEvents.toStatus,
      revisionNumber: listingRevisions.number,
      actorUserId: listingEvents.actorUserId,
      note: listingEvents.note,
      at: listingEvents.at,
    })
    .from(listingEvents)
    .leftJoin(listingRevisions, eq(listingRevisions.id, listingEvents.revisionId))
    .where(eq(listingEvents.listingId, listingId))
    .orderBy(asc(listingEvents.id));
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** Rows of the owner's list: the listing, the title of its working (else published) revision and its working status. */
export interface OwnListingRow {
  id: string;
  reference: string;
  kind: ListingKind;
  status: ListingStatus;
  visibility: ListingRow['visibility'];
  ownerOrganisationId: string | null;
  title: { vi?: string; en?: string } | null;
  workingRevisionStatus: ListingRevisionRow['status'] | null;
  validUntil: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface OwnListingFilter {
  organisationIds: readonly string[];
  userId: string;
  kind?: ListingKind | undefined;
  status?: ListingStatus | undefined;
  q?: string | undefined;
  sort: 'updated' | 'reference' | 'valid_until';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const ownerScope = (organisationIds: readonly string[], userId: string): SQL =>
  organisationIds.length > 0
    ? sql`(l.owner_organisation_id IN (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)}) OR (l.owner_organisation_id IS NULL AND l.owner_user_id = ${userId}::uuid))`
    : sql`(l.owner_organisation_id IS NULL AND l.owner_user_id = ${userId}::uuid)`;

const titleOf = sql`coalesce(w.content -> 'title', p.content -> 'title')`;
const titleText = sql`lower(f_unaccent(coalesce(${titleOf} ->> 'vi', '') || ' ' || coalesce(${titleOf} ->> 'en', '') || ' ' || l.reference))`;

export async function ownListings(db: Tx, filter: OwnListingFilter): Promise<{ rows: OwnListingRow[]; total: number }> {
  const where: SQL[] = [ownerScope(filter.organisationIds, filter.userId)];
  if (filter.kind) where.push(sql`l.kind = ${filter.kind}`);
  if (filter.status) where.push(sql`l.status = ${filter.status}`);
  if (filter.q) where.push(sql`${titleText} LIKE '%' || lower(f_unaccent(${filter.q})) || '%'`);
  const whereSql = sql.join(where, sql` AND `);
  const direction = filter.order === 'asc' ? sql`ASC` : sql`DESC`;
  const orderBy = filter.sort === 'reference' ? sql`l.reference ${direction}` : filter.sort === 'valid_until' ? sql`l.valid_until ${direction} NULLS LAST, l.id` : sql`l.updated_at ${direction}, l.id`;
  const from = sql`FROM listings l LEFT JOIN listing_revisions w ON w.id = l.working_revision_id LEFT JOIN listing_revisions p ON p.id = l.published_revision_id`;
  const rows = await rowsOf<OwnListingRow>(
    db,
    sql`SELECT l.id, l.reference, l.kind, l.status, l.visibility, l.owner_organisation_id AS "ownerOrganisationId", ${titleOf} AS title,
          w.status AS "workingRevisionStatus", l.valid_until::text AS "validUntil", l.published_at AS "publishedAt", l.updated_at AS "updatedAt"
        ${from} WHERE ${whereSql} ORDER BY ${orderBy} LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
  const [count] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${whereSql}`);
  return { rows: rows.map(withDates), total: Number(count?.n ?? 0) };
}

function withDates<T extends { publishedAt: Date | string | null; updatedAt: Date | string }>(row: T): T {
  return { ...row, publishedAt: row.publishedAt ? new Date(row.publishedAt) : null, updatedAt: new Date(row.updatedAt) };
}

/** Published listings whose last day has passed (the daily expiry). */
export async function listingsPastValidity(db: Tx, today: string): Promise<ListingRow[]> {
  return db.select().from(listings).where(and(eq(listings.status, 'published'), sql`${listings.validUntil} < ${today}::date`)).orderBy(asc(listings.validUntil));
}

/** Published listings ending on or before `until`, not yet reminded since their last renewal. */
export async function listingsToRemind(db: Tx, today: string, until: string): Promise<ListingRow[]> {
  return db
    .select()
    .from(listings)
    .where(and(eq(listings.status, 'published'), sql`${listings.validUntil} >= ${today}::date`, sql`${listings.validUntil} <= ${until}::date`, sql`${listings.expiryRemindedAt} IS NULL`))
    .orderBy(desc(listings.validUntil));
}

export async function markReminded(db: Tx, id: string): Promise<void> {
  await db.update(listings).set({ expiryRemindedAt: new Date() }).where(eq(listings.id, id));
}
