import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ConnectionListQuery } from '../../../../common/src/api/exchange-connections.js';
import { rowsOf, type Tx } from '../../core/db/database.js';
import { connectionMessages, connectionOutcomes, exchangeConnections, listings } from './exchange.tables.js';

/** Every SQL statement of the connections area (exchange_connections, connection_messages, connection_outcomes). */

export type ConnectionRow = typeof exchangeConnections.$inferSelect;
export type ConnectionMessageRow = typeof connectionMessages.$inferSelect;
export type ConnectionOutcomeRow = typeof connectionOutcomes.$inferSelect;

/** Answers given to a listing's expressions of interest, and how many within their reply target. */
export async function replyCountsOf(db: Tx, listingId: string): Promise<{ total: number; answered: number; met: number; latestTargetDays: number | null }> {
  const [row] = await rowsOf<{ total: number; answered: number; met: number; latest_target_days: number | null }>(
    db,
    sql`SELECT count(*)::int AS total,
               count(first_reply_at)::int AS answered,
               count(*) FILTER (WHERE (first_reply_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= reply_due_on)::int AS met,
               (array_agg(reply_target_days ORDER BY created_at DESC))[1]::int AS latest_target_days
          FROM exchange_connections WHERE listing_id = ${listingId}`,
  );
  return { total: row?.total ?? 0, answered: row?.answered ?? 0, met: row?.met ?? 0, latestTargetDays: row?.latest_target_days ?? null };
}

/** The listing columns a connection needs (teaser level only). */
export async function findListingForConnection(db: Tx, id: string) {
  const [row] = await db
    .select({
      id: listings.id,
      kind: listings.kind,
      reference: listings.reference,
      status: listings.status,
      visibility: listings.visibility,
      ownerOrganisationId: listings.ownerOrganisationId,
      ownerUserId: listings.ownerUserId,
      validUntil: listings.validUntil,
      firstPublishedAt: listings.firstPublishedAt,
      titleVi: listings.titleVi,
      titleEn: listings.titleEn,
    })
    .from(listings)
    .where(eq(listings.id, id));
  return row;
}
export type ConnectionListing = NonNullable<Awaited<ReturnType<typeof findListingForConnection>>>;

export async function findListingsForConnections(db: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: listings.id, kind: listings.kind, reference: listings.reference, titleVi: listings.titleVi, titleEn: listings.titleEn, visibility: listings.visibility })
    .from(listings)
    .where(inArray(listings.id, [...ids]));
}

/** Who is one party: an organisation, or a person when there is none. */
export interface PartyKey {
  organisationIds: readonly string[];
  userId: string;
}

function ownerSide(party: PartyKey): SQL {
  return party.organisationIds.length > 0
    ? sql`(${exchangeConnections.ownerOrganisationId} IN ${party.organisationIds} OR (${exchangeConnections.ownerOrganisationId} IS NULL AND ${exchangeConnections.ownerUserId} = ${party.userId}))`
    : sql`(${exchangeConnections.ownerOrganisationId} IS NULL AND ${exchangeConnections.ownerUserId} = ${party.userId})`;
}

function initiatorSide(party: PartyKey): SQL {
  return party.organisationIds.length > 0
    ? sql`(${exchangeConnections.initiatorOrganisationId} IN ${party.organisationIds} OR (${exchangeConnections.initiatorOrganisationId} IS NULL AND ${exchangeConnections.initiatorUserId} = ${party.userId}))`
    : sql`(${exchangeConnections.initiatorOrganisationId} IS NULL AND ${exchangeConnections.initiatorUserId} = ${party.userId})`;
}

/** An open (pending or accepted) connection of this party on the listing. */
export async function findOpenConnection(db: Tx, listingId: string, party: PartyKey): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(exchangeConnections)
    .where(and(eq(exchangeConnections.listingId, listingId), inArray(exchangeConnections.status, ['pending', 'accepted']), initiatorSide(party)))
    .limit(1);
  return row;
}

export async function insertConnection(db: Tx, values: typeof exchangeConnections.$inferInsert): Promise<ConnectionRow> {
  const [row] = await db.insert(exchangeConnections).values(values).returning();
  return row!;
}

export async function findConnection(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ConnectionRow | undefined> {
  const query = db.select().from(exchangeConnections).where(eq(exchangeConnections.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateConnection(db: Tx, id: string, values: Partial<typeof exchangeConnections.$inferInsert>): Promise<ConnectionRow> {
  const [row] = await db
    .update(exchangeConnections)
    .set({ ...values, lockVersion: sql`${exchangeConnections.lockVersion} + 1`, updatedAt: new Date() })
    .where(eq(exchangeConnections.id, id))
    .returning();
  return row!;
}

/** Marks activity (a message, an outcome) without changing the lock version of the owner's or initiator's decision. */
export async function touchConnection(db: Tx, id: string, values: Pick<Partial<typeof exchangeConnections.$inferInsert>, 'latestOutcome'> = {}): Promise<void> {
  await db
    .update(exchangeConnections)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(exchangeConnections.id, id));
}

export async function insertMessage(db: Tx, values: typeof connectionMessages.$inferInsert): Promise<ConnectionMessageRow> {
  const [row] = await db.insert(connectionMessages).values(values).returning();
  return row!;
}

export async function listMessages(db: Tx, connectionId: string): Promise<ConnectionMessageRow[]> {
  return db.select().from(connectionMessages).where(eq(connectionMessages.connectionId, connectionId)).orderBy(asc(connectionMessages.createdAt), asc(connectionMessages.id));
}

/** Whether the stored file is attached to a message of this connection. */
export async function isAttachmentOf(db: Tx, connectionId: string, fileId: string): Promise<boolean> {
  const rows = await db
    .select({ id: connectionMessages.id })
    .from(connectionMessages)
    .where(and(eq(connectionMessages.connectionId, connectionId), sql`${fileId}::uuid = ANY(${connectionMessages.storedFileIds})`))
    .limit(1);
  return rows.length > 0;
}

export async function insertOutcome(db: Tx, values: typeof connectionOutcomes.$inferInsert): Promise<ConnectionOutcomeRow> {
  const [row] = await db.insert(connectionOutcomes).values(values).returning();
  return row!;
}

export async function listOutcomes(db: Tx, connectionId: string): Promise<ConnectionOutcomeRow[]> {
  return db.select().from(connectionOutcomes).where(eq(connectionOutcomes.connectionId, connectionId)).orderBy(asc(connectionOutcomes.createdAt), asc(connectionOutcomes.id));
}

const SORT_COLUMNS = {
  created: exchangeConnections.createdAt,
  updated: exchangeConnections.updatedAt,
  reply_due: exchangeConnections.replyDueOn,
} as const;

export type ConnectionFilter = Omit<ConnectionListQuery, 'page' | 'pageSize'>;

/**
 * The party's connections (received: it owns the listing; sent: it expressed the interest), filtered in SQL so a
 * list can never hold another party's rows. `limit` null: every row (exports, capped by the caller).
 */
export async function listConnectionsOf(db: Tx, party: PartyKey, filter: ConnectionFilter, page: { limit: number; offset: number }) {
  const side = filter.direction === 'received' ? ownerSide(party) : filter.direction === 'sent' ? initiatorSide(party) : sql`(${ownerSide(party)} OR ${initiatorSide(party)})`;
  const conditions: SQL[] = [side];
  if (filter.status) conditions.push(eq(exchangeConnections.status, filter.status));
  if (filter.outcome) conditions.push(eq(exchangeConnections.latestOutcome, filter.outcome));
  if (filter.kind) conditions.push(eq(listings.kind, filter.kind));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(lower(f_unaccent(coalesce(${listings.titleVi}, '') || ' ' || coalesce(${listings.titleEn}, '') || ' ' || ${listings.reference})) LIKE lower(f_unaccent(${pattern})))`,
    );
  }
  const where = and(...conditions);
  const column = SORT_COLUMNS[filter.sort];
  const order = filter.order === 'asc' ? asc(column) : desc(column);
  const [rows, [count]] = await Promise.all([
    db
      .select({ connection: exchangeConnections })
      .from(exchangeConnections)
      .innerJoin(listings, eq(listings.id, exchangeConnections.listingId))
      .where(where)
      .orderBy(order, desc(exchangeConnections.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(exchangeConnections)
      .innerJoin(listings, eq(listings.id, exchangeConnections.listingId))
      .where(where),
  ]);
  return { rows: rows.map((r) => r.connection), total: count?.n ?? 0 };
}
