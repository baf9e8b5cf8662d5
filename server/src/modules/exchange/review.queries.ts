import { sql, type SQL } from 'drizzle-orm';
import type { ListingKind } from '../../../../common/src/api/exchange-listings.js';
import { rowsOf, type Tx } from '../../core/db/database.js';

// The DOST review queue: revisions waiting for review, with their listing. No rules here.

export interface ReviewQueueFilter {
  kind?: ListingKind | undefined;
  type?: 'new' | 'edit' | undefined;
  minAgeDays?: number | undefined;
  q?: string | undefined;
  sort: 'submitted' | 'reference';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface ReviewQueueRow {
  listingId: string;
  revisionId: string;
  reference: string;
  kind: ListingKind;
  listingStatus: string;
  ownerOrganisationId: string | null;
  title: { vi?: string; en?: string };
  submittedAt: Date;
  ageDays: number;
  warning: 'restricted' | 'prohibited' | null;
}

export async function reviewQueue(db: Tx, filter: ReviewQueueFilter): Promise<{ rows: ReviewQueueRow[]; total: number }> {
  const where: SQL[] = [sql`r.status = 'in_review'`, sql`l.working_revision_id = r.id`];
  if (filter.kind) where.push(sql`l.kind = ${filter.kind}`);
  if (filter.type === 'edit') where.push(sql`l.status = 'published'`);
  if (filter.type === 'new') where.push(sql`l.status <> 'published'`);
  if (filter.minAgeDays !== undefined) where.push(sql`r.submitted_at <= now() - make_interval(days => ${filter.minAgeDays}::int)`);
  if (filter.q) {
    where.push(
      sql`lower(f_unaccent(coalesce(r.content -> 'title' ->> 'vi', '') || ' ' || coalesce(r.content -> 'title' ->> 'en', '') || ' ' || l.reference)) LIKE '%' || lower(f_unaccent(${filter.q})) || '%'`,
    );
  }
  const whereSql = sql.join(where, sql` AND `);
  const direction = filter.order === 'desc' ? sql`DESC` : sql`ASC`;
  const orderBy = filter.sort === 'reference' ? sql`l.reference ${direction}` : sql`r.submitted_at ${direction}, l.reference`;
  const from = sql`FROM listing_revisions r JOIN listings l ON l.id = r.listing_id`;
  const rows = await rowsOf<ReviewQueueRow>(
    db,
    sql`SELECT l.id AS "listingId", r.id AS "revisionId", l.reference, l.kind, l.status AS "listingStatus", l.owner_organisation_id AS "ownerOrganisationId",
          r.content -> 'title' AS title, r.submitted_at AS "submittedAt", (current_date - (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS "ageDays",
          r.classification ->> 'warning' AS warning
        ${from} WHERE ${whereSql} ORDER BY ${orderBy} LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
  const [count] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${whereSql}`);
  return { rows: rows.map((row) => ({ ...row, submittedAt: new Date(row.submittedAt), ageDays: Math.max(0, Number(row.ageDays)) })), total: Number(count?.n ?? 0) };
}
