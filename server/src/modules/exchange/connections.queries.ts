import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';

/** Every SQL statement of the connections area (exchange_connections, connection_messages, connection_outcomes). */

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
