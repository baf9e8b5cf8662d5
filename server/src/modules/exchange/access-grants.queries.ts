import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { listingAccessRequests } from './exchange.tables.js';

/**
 * The reader's standing on one on-request listing: an approved request of the reader or of one of their
 * organisations (an approval grants the requester's organisation), else the reader's own latest request.
 */
export async function readerGrant(db: Tx, input: { listingId: string; userId: string; organisationIds: string[] }): Promise<{ id: string; status: string } | null> {
  const mine = eq(listingAccessRequests.requesterUserId, input.userId);
  const ours = input.organisationIds.length > 0 ? inArray(listingAccessRequests.requesterOrganisationId, input.organisationIds) : undefined;
  const [approved] = await db
    .select({ id: listingAccessRequests.id, status: listingAccessRequests.status })
    .from(listingAccessRequests)
    .where(and(eq(listingAccessRequests.listingId, input.listingId), eq(listingAccessRequests.status, 'approved'), ours ? or(mine, ours) : mine))
    .orderBy(sql`${listingAccessRequests.requesterUserId} = ${input.userId} DESC`, desc(listingAccessRequests.createdAt))
    .limit(1);
  if (approved) return approved;
  const [latest] = await db
    .select({ id: listingAccessRequests.id, status: listingAccessRequests.status })
    .from(listingAccessRequests)
    .where(and(eq(listingAccessRequests.listingId, input.listingId), mine))
    .orderBy(desc(listingAccessRequests.createdAt), desc(listingAccessRequests.id))
    .limit(1);
  return latest ?? null;
}
