import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';
import { connectionMessages, connectionOutcomes, exchangeConnections, listingRevisions, listings } from './exchange.tables.js';

// The SQL of the exchange demo seed: rows as the review and connection services leave them.

/** The listing of this owner whose first revision has this title (the seed's identity of a demo listing). */
export async function findSeededListing(db: Tx, ownerUserId: string, title: Record<string, string>): Promise<{ id: string; status: string } | undefined> {
  const [row] = await rowsOf<{ id: string; status: string }>(
    db,
    sql`SELECT l.id, l.status FROM listings l JOIN listing_revisions r ON r.listing_id = l.id AND r.number = 1
        WHERE l.owner_user_id = ${ownerUserId} AND r.content -> 'title' = ${JSON.stringify(title)}::jsonb LIMIT 1`,
  );
  return row;
}

export async function nextReference(db: Tx): Promise<number> {
  const [row] = await rowsOf<{ n: string }>(db, sql`SELECT nextval('listing_reference_seq')::text AS n`);
  return Number(row!.n);
}

export async function insertListingRow(db: Tx, values: typeof listings.$inferInsert) {
  const [row] = await db.insert(listings).values(values).returning({ id: listings.id });
  return row!;
}

export async function insertRevisionRow(db: Tx, values: typeof listingRevisions.$inferInsert) {
  const [row] = await db.insert(listingRevisions).values(values).returning({ id: listingRevisions.id });
  return row!;
}

export async function updateListingRow(db: Tx, id: string, values: Partial<typeof listings.$inferInsert>): Promise<void> {
  await db.update(listings).set(values).where(eq(listings.id, id));
}

export async function insertEventRow(db: Tx, e: { listingId: string; revisionId: string; action: string; from: string; to: string; actorUserId: string | null; at: Date; note?: string }): Promise<void> {
  await db.execute(sql`INSERT INTO listing_events (listing_id, revision_id, action, from_status, to_status, actor_user_id, note, at)
                       VALUES (${e.listingId}, ${e.revisionId}, ${e.action}, ${e.from}, ${e.to}, ${e.actorUserId}, ${e.note ?? null}, ${e.at.toISOString()}::timestamptz)`);
}

/** A published listing by its English or Vietnamese title (demo connections name their listings by title). */
export async function findListingByTitle(db: Tx, title: string) {
  const [row] = await db
    .select({ id: listings.id, ownerUserId: listings.ownerUserId, ownerOrganisationId: listings.ownerOrganisationId })
    .from(listings)
    .where(and(eq(listings.status, 'published'), sql`(${listings.titleEn} = ${title} OR ${listings.titleVi} = ${title})`))
    .limit(1);
  return row;
}

export async function hasConnection(db: Tx, listingId: string, initiatorUserId: string): Promise<boolean> {
  const [row] = await db.select({ id: exchangeConnections.id }).from(exchangeConnections).where(and(eq(exchangeConnections.listingId, listingId), eq(exchangeConnections.initiatorUserId, initiatorUserId))).limit(1);
  return Boolean(row);
}

export async function insertConnectionRow(db: Tx, values: typeof exchangeConnections.$inferInsert) {
  const [row] = await db.insert(exchangeConnections).values(values).returning({ id: exchangeConnections.id });
  return row!;
}

export async function insertMessageRow(db: Tx, values: typeof connectionMessages.$inferInsert): Promise<void> {
  await db.insert(connectionMessages).values(values);
}

export async function insertOutcomeRow(db: Tx, values: typeof connectionOutcomes.$inferInsert): Promise<void> {
  await db.insert(connectionOutcomes).values(values);
}
