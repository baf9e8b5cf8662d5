import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ListingKind } from '../../../../common/src/api/exchange-listings.js';
import { rowsOf, type Tx } from '../../core/db/database.js';
import { listingReports } from './exchange.tables.js';

// Every SQL statement on listing_reports. No rules here.

export type ListingReportRow = typeof listingReports.$inferSelect;

export async function insertReport(db: Tx, values: typeof listingReports.$inferInsert): Promise<ListingReportRow> {
  const [row] = await db.insert(listingReports).values(values).returning();
  return row!;
}

export async function findOpenReport(db: Tx, listingId: string, reporterUserId: string): Promise<ListingReportRow | undefined> {
  const [row] = await db
    .select()
    .from(listingReports)
    .where(and(eq(listingReports.listingId, listingId), eq(listingReports.reporterUserId, reporterUserId), eq(listingReports.status, 'open')));
  return row;
}

export async function lockReport(db: Tx, id: string): Promise<ListingReportRow | undefined> {
  const [row] = await db.select().from(listingReports).where(eq(listingReports.id, id)).for('update');
  return row;
}

/** Closes the open reports of a listing (one decision answers every report about the same listing). */
export async function closeOpenReports(db: Tx, listingId: string, patch: { status: 'dismissed' | 'upheld'; handledBy: string; handlingNote: string }): Promise<number> {
  const rows = await db
    .update(listingReports)
    .set({ ...patch, handledAt: new Date() })
    .where(and(eq(listingReports.listingId, listingId), eq(listingReports.status, 'open')))
    .returning({ id: listingReports.id });
  return rows.length;
}

export async function closeReport(db: Tx, id: string, patch: { status: 'dismissed' | 'upheld'; handledBy: string; handlingNote: string }): Promise<void> {
  await db
    .update(listingReports)
    .set({ ...patch, handledAt: new Date() })
    .where(eq(listingReports.id, id));
}

export async function countOpenReports(db: Tx, listingId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(listingReports).where(and(eq(listingReports.listingId, listingId), eq(listingReports.status, 'open')));
  return Number(row?.n ?? 0);
}

export interface ReportFilter {
  status?: 'open' | 'dismissed' | 'upheld' | undefined;
  reason?: string | undefined;
  kind?: ListingKind | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface ReportListRow {
  id: string;
  listingId: string;
  reference: string;
  kind: ListingKind;
  listingStatus: string;
  titleVi: string | null;
  titleEn: string | null;
  reason: string;
  details: string | null;
  status: 'open' | 'dismissed' | 'upheld';
  reporterUserId: string;
  handledBy: string | null;
  handledAt: Date | null;
  handlingNote: string | null;
  createdAt: Date;
}

export async function listReports(db: Tx, filter: ReportFilter): Promise<{ rows: ReportListRow[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (filter.status) where.push(sql`r.status = ${filter.status}`);
  if (filter.reason) where.push(sql`r.reason = ${filter.reason}`);
  if (filter.kind) where.push(sql`l.kind = ${filter.kind}`);
  const whereSql = sql.join(where, sql` AND `);
  const direction = filter.order === 'asc' ? sql`ASC` : sql`DESC`;
  const from = sql`FROM listing_reports r JOIN listings l ON l.id = r.listing_id`;
  const rows = await rowsOf<ReportListRow>(
    db,
    sql`SELECT r.id, r.listing_id AS "listingId", l.reference, l.kind, l.status AS "listingStatus", l.title_vi AS "titleVi", l.title_en AS "titleEn",
          r.reason, r.details, r.status, r.reporter_user_id AS "reporterUserId", r.handled_by AS "handledBy", r.handled_at AS "handledAt",
          r.handling_note AS "handlingNote", r.created_at AS "createdAt"
        ${from} WHERE ${whereSql} ORDER BY r.created_at ${direction}, r.id LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
  const [count] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${whereSql}`);
  return {
    rows: rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt), handledAt: row.handledAt ? new Date(row.handledAt) : null })),
    total: Number(count?.n ?? 0),
  };
}
