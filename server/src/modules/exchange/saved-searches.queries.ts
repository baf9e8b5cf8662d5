import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';

export interface SavedSearchRow {
  id: string;
  userId: string;
  name: string;
  query: Record<string, unknown>;
  frequency: 'daily' | 'weekly';
  isActive: boolean;
  lastDigestAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

const COLUMNS = sql`id, user_id AS "userId", name, query, frequency, is_active AS "isActive", last_digest_at AS "lastDigestAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

const SORT_COLUMNS = { name: sql`lower(name)`, createdAt: sql`created_at`, lastDigestAt: sql`last_digest_at` } as const;

/** The user's saved searches, one page, and how many they have. */
export async function listForUser(
  db: Tx,
  userId: string,
  sort: keyof typeof SORT_COLUMNS,
  order: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: SavedSearchRow[]; total: number }> {
  const direction = order === 'asc' ? sql`ASC` : sql`DESC`;
  const rows = await rowsOf<SavedSearchRow>(
    db,
    sql`SELECT ${COLUMNS} FROM saved_searches WHERE user_id = ${userId} ORDER BY ${SORT_COLUMNS[sort]} ${direction} NULLS LAST, id LIMIT ${limit} OFFSET ${offset}`,
  );
  return { rows, total: await countForUser(db, userId) };
}

export async function countForUser(db: Tx, userId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM saved_searches WHERE user_id = ${userId}`);
  return Number(row?.n ?? 0);
}

export async function findOwned(db: Tx, id: string, userId: string): Promise<SavedSearchRow | undefined> {
  const [row] = await rowsOf<SavedSearchRow>(db, sql`SELECT ${COLUMNS} FROM saved_searches WHERE id = ${id} AND user_id = ${userId}`);
  return row;
}

export async function insertSavedSearch(
  db: Tx,
  values: { userId: string; name: string; query: Record<string, unknown>; frequency: 'daily' | 'weekly'; tokenHash: string },
): Promise<SavedSearchRow> {
  const [row] = await rowsOf<SavedSearchRow>(
    db,
    sql`INSERT INTO saved_searches (user_id, name, query, frequency, unsubscribe_token_hash)
        VALUES (${values.userId}, ${values.name}, ${JSON.stringify(values.query)}::jsonb, ${values.frequency}, ${values.tokenHash}) RETURNING ${COLUMNS}`,
  );
  return row!;
}

export async function updateSavedSearch(
  db: Tx,
  id: string,
  values: { name: string; frequency: 'daily' | 'weekly'; isActive: boolean },
): Promise<SavedSearchRow> {
  const [row] = await rowsOf<SavedSearchRow>(
    db,
    sql`UPDATE saved_searches SET name = ${values.name}, frequency = ${values.frequency}, is_active = ${values.isActive}, updated_at = now()
        WHERE id = ${id} RETURNING ${COLUMNS}`,
  );
  return row!;
}

export async function deleteSavedSearch(db: Tx, id: string): Promise<void> {
  await db.execute(sql`DELETE FROM saved_searches WHERE id = ${id}`);
}

/** The saved search a one-click unsubscribe token (hashed) was issued for. */
export async function findByTokenHash(db: Tx, tokenHash: string): Promise<SavedSearchRow | undefined> {
  const [row] = await rowsOf<SavedSearchRow>(
    db,
    sql`SELECT ${COLUMNS} FROM saved_searches
         WHERE id = (SELECT saved_search_id FROM saved_search_unsubscribe_tokens WHERE token_hash = ${tokenHash})
         FOR UPDATE`,
  );
  return row;
}

export async function deactivate(db: Tx, id: string): Promise<void> {
  await db.execute(sql`UPDATE saved_searches SET is_active = false, updated_at = now() WHERE id = ${id}`);
}

/** A digest is due a period after the previous one (or the search's creation), with an hour's slack for the schedule. */
const dueCondition = (now: Date) => sql`is_active AND coalesce(last_digest_at, created_at) <= ${now.toISOString()}::timestamptz
  - CASE frequency WHEN 'daily' THEN interval '1 day' ELSE interval '7 days' END + interval '1 hour'`;

export async function dueSavedSearchIds(db: Tx, now: Date, limit: number): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`SELECT id FROM saved_searches WHERE ${dueCondition(now)} ORDER BY id LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

/** The saved search, locked, if its digest is still due (another run may have sent it meanwhile). */
export async function lockIfDue(db: Tx, id: string, now: Date): Promise<SavedSearchRow | undefined> {
  const [row] = await rowsOf<SavedSearchRow>(db, sql`SELECT ${COLUMNS} FROM saved_searches WHERE id = ${id} AND ${dueCondition(now)} FOR UPDATE SKIP LOCKED`);
  return row;
}

export async function markDigested(db: Tx, id: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE saved_searches SET last_digest_at = ${at.toISOString()}::timestamptz WHERE id = ${id}`);
}

/** Records the hash of a digest's unsubscribe token; the latest is also kept on the saved search. */
export async function insertUnsubscribeToken(db: Tx, savedSearchId: string, tokenHash: string): Promise<void> {
  await db.execute(sql`INSERT INTO saved_search_unsubscribe_tokens (token_hash, saved_search_id) VALUES (${tokenHash}, ${savedSearchId})`);
  await db.execute(sql`UPDATE saved_searches SET unsubscribe_token_hash = ${tokenHash} WHERE id = ${savedSearchId}`);
}
