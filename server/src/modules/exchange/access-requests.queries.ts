import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AccessRequestListQuery } from '../../../../common/src/api/exchange-access.js';
import type { AccessRequestStatus } from '../../../../common/src/api/exchange-listings.js';
import type { Tx } from '../../core/db/database.js';
import { listingAccessRequests, listings } from './exchange.tables.js';

/** SQL on listing_access_requests: create, decide, and the two lists (owner's inbox, requester's own). */

export type AccessRequestRow = typeof listingAccessRequests.$inferSelect;

export async function insertAccessRequest(db: Tx, values: typeof listingAccessRequests.$inferInsert): Promise<AccessRequestRow> {
  const [row] = await db.insert(listingAccessRequests).values(values).returning();
  return row!;
}

export async function lockAccessRequest(db: Tx, id: string): Promise<AccessRequestRow | undefined> {
  const [row] = await db.select().from(listingAccessRequests).where(eq(listingAccessRequests.id, id)).for('update');
  return row;
}

/** Moves a request from `from` to `to`; null when it was not in `from` any more (a concurrent decision). */
export async function transitionAccessRequest(
  db: Tx,
  input: { id: string; from: AccessRequestStatus; to: AccessRequestStatus; decidedBy: string; note: string | null },
): Promise<AccessRequestRow | null> {
  const [row] = await db
    .update(listingAccessRequests)
    .set({ status: input.to, decidedBy: input.decidedBy, decidedAt: new Date(), decisionNote: input.note })
    .where(and(eq(listingAccessRequests.id, input.id), eq(listingAccessRequests.status, input.from)))
    .returning();
  return row ?? null;
}

/** The requester's open (pending or approved) request on the listing, if any. */
export async function openRequestOf(db: Tx, listingId: string, userId: string): Promise<AccessRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(listingAccessRequests)
    .where(and(eq(listingAccessRequests.listingId, listingId), eq(listingAccessRequests.requesterUserId, userId), inArray(listingAccessRequests.status, ['pending', 'approved'])));
  return row;
}

/** Whose requests a list shows: the listings the reader owns, or the reader's own requests. */
export type AccessRequestScope = { kind: 'owner'; organisationIds: string[]; userId: string } | { kind: 'requester'; userId: string };

function scopeCondition(scope: AccessRequestScope): SQL {
  if (scope.kind === 'requester') return eq(listingAccessRequests.requesterUserId, scope.userId);
  const personal = and(isNull(listings.ownerOrganisationId), eq(listings.ownerUserId, scope.userId))!;
  return scope.organisationIds.length > 0 ? or(inArray(listings.ownerOrganisationId, scope.organisationIds), personal)! : personal;
}

const SORTS = {
  createdAt: listingAccessRequests.createdAt,
  status: listingAccessRequests.status,
  decidedAt: listingAccessRequests.decidedAt,
} as const;

export interface AccessRequestListRow extends AccessRequestRow {
  listingReference: string;
  listingKind: (typeof listings.$inferSelect)['kind'];
  listingTitleVi: string | null;
  listingTitleEn: string | null;
  listingOwnerOrganisationId: string | null;
  listingOwnerUserId: string;
}

/** One page (or, with `limit` null, every row up to 10,000 for an export) of the scope's requests. */
export async function listAccessRequests(
  db: Tx,
  scope: AccessRequestScope,
  query: Omit<AccessRequestListQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number },
): Promise<{ rows: AccessRequestListRow[]; total: number }> {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (query.status) conditions.push(eq(listingAccessRequests.status, query.status));
  if (query.listingId) conditions.push(eq(listingAccessRequests.listingId, query.listingId));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(listings.reference, pattern), ilike(listings.titleVi, pattern), ilike(listings.titleEn, pattern))!);
  }
  const where = and(...conditions);
  const column = SORTS[query.sort];
  const direction = query.order === 'asc' ? asc : desc;
  const pageSize = query.pageSize ?? 10_000;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  const rows = await db
    .select({
      ...tableColumns(),
      listingReference: listings.reference,
      listingKind: listings.kind,
      listingTitleVi: listings.titleVi,
      listingTitleEn: listings.titleEn,
      listingOwnerOrganisationId: listings.ownerOrganisationId,
      listingOwnerUserId: listings.ownerUserId,
    })
    .from(listingAccessRequests)
    .innerJoin(listings, eq(listings.id, listingAccessRequests.listingId))
    .where(where)
    .orderBy(sql`${direction(column)} NULLS LAST`, desc(listingAccessRequests.id))
    .limit(pageSize)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(listingAccessRequests).innerJoin(listings, eq(listings.id, listingAccessRequests.listingId)).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

function tableColumns() {
  return {
    id: listingAccessRequests.id,
    listingId: listingAccessRequests.listingId,
    requesterUserId: listingAccessRequests.requesterUserId,
    requesterOrganisationId: listingAccessRequests.requesterOrganisationId,
    message: listingAccessRequests.message,
    ndaStatement: listingAccessRequests.ndaStatement,
    ndaAcknowledgedAt: listingAccessRequests.ndaAcknowledgedAt,
    status: listingAccessRequests.status,
    decidedBy: listingAccessRequests.decidedBy,
    decidedAt: listingAccessRequests.decidedAt,
    decisionNote: listingAccessRequests.decisionNote,
    createdAt: listingAccessRequests.createdAt,
  };
}
