import { z } from 'zod';
import {
  CreateReportInput,
  HandleReportInput,
  ReportExportQuery,
  ReportQuery,
  type ReportPage,
  type ReportView,
} from '../../../../common/src/api/exchange-review.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { TableExport } from '../../core/exports/table-export.js';
import { nextStatus } from '../cases/index.js';
import { notify, userIdsWithPermission } from '../notifications/index.js';
import { userNames } from '../users/index.js';
import { canSeeListing, isListingOwner } from './exchange.policy.js';
import { LISTING_WORKFLOW } from './exchange.workflow.js';
import { lockedListing, notifyOwners, parseInput, recordEvent, titleText } from './listings-write.common.js';
import * as q from './listings-write.queries.js';
import * as rq from './reports.queries.js';

const ListingId = z.object({ listingId: z.uuid() });
const ReportId = z.object({ reportId: z.uuid() });
const EXPORT_MAX_ROWS = 10_000;

/**
 * Any signed-in user reports a published listing (prohibited technology, advertising, misleading, contact policy,
 * duplicate, other); one open report per person and listing (REPORT_EXISTS); not one's own (OWN_LISTING). DOST
 * reviewers are notified. Permission: exchange.listings.report. Audit: exchange.report.create.
 */
export async function reportListing(ctx: Ctx, input: CreateReportInput & { listingId: string }): Promise<{ id: string }> {
  assertCan(ctx.actor, 'exchange.listings.report');
  const user = requireUser(ctx.actor);
  const { listingId } = parseInput(ctx, ListingId, input);
  const data = parseInput(ctx, CreateReportInput, input);
  return inTransaction(ctx, async (tx) => {
    const listing = await lockedListing(tx, listingId);
    if (!canSeeListing(ctx.actor, listing)) throw new AppError('NOT_FOUND');
    if (listing.status !== 'published') throw new AppError('LISTING_NOT_PUBLISHED');
    if (isListingOwner(ctx.actor, listing)) throw new AppError('OWN_LISTING');
    if (await rq.findOpenReport(tx.db, listingId, user.userId)) throw new AppError('REPORT_EXISTS');
    const report = await rq.insertReport(tx.db, { listingId, reporterUserId: user.userId, reason: data.reason, details: data.details || null });
    await recordAudit(tx, { action: 'exchange.report.create', objectType: 'listing_report', objectId: report.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, reason: data.reason } });
    await notify(tx, {
      userIds: await userIdsWithPermission(tx.db, 'exchange.listings.review'),
      kind: 'exchange.listing_reported',
      params: { reference: listing.reference, title: titleText(null, listing) },
      link: '/work/exchange/reports',
    });
    return { id: report.id };
  });
}

async function reportViews(ctx: Ctx, rows: rq.ReportListRow[]): Promise<ReportView[]> {
  const names = await userNames(ctx.db, rows.flatMap((row) => [row.reporterUserId, row.handledBy]));
  return rows.map((row) => ({
    id: row.id,
    listingId: row.listingId,
    reference: row.reference,
    kind: row.kind,
    listingStatus: row.listingStatus as ReportView['listingStatus'],
    title: { ...(row.titleVi ? { vi: row.titleVi } : {}), ...(row.titleEn ? { en: row.titleEn } : {}) },
    reason: row.reason as ReportView['reason'],
    details: row.details,
    status: row.status,
    reporterName: names.get(row.reporterUserId) ?? null,
    handledByName: row.handledBy ? (names.get(row.handledBy) ?? null) : null,
    handledAt: row.handledAt?.toISOString() ?? null,
    handlingNote: row.handlingNote,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** The reports queue for DOST (status, reason, kind filters; newest first). Permission: exchange.listings.review. No audit. */
export async function listReports(ctx: Ctx, input: ReportQuery): Promise<ReportPage> {
  assertCan(ctx.actor, 'exchange.listings.review');
  const query = parseInput(ctx, ReportQuery, input);
  const { rows, total } = await rq.listReports(ctx.db, { status: query.status, reason: query.reason, kind: query.kind, order: query.order, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: await reportViews(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The reports as CSV or XLSX. Permission: exchange.listings.review. Audit: exchange.reports.export. */
export async function exportReports(ctx: Ctx, input: ReportExportQuery): Promise<TableExport<ReportView>> {
  assertCan(ctx.actor, 'exchange.listings.review');
  const query = parseInput(ctx, ReportExportQuery, input);
  const { rows } = await rq.listReports(ctx.db, { status: query.status, reason: query.reason, kind: query.kind, order: query.order, limit: EXPORT_MAX_ROWS, offset: 0 });
  const items = await reportViews(ctx, rows);
  await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'exchange.reports.export', objectType: 'listing_report', summary: { rows: items.length, format: query.format } }));
  const t = (key: string) => translate(ctx.locale, `exchangeReview.reportExport.${key}`);
  return {
    format: query.format,
    filename: t('filename'),
    sheetName: t('filename'),
    rows: items,
    columns: [
      { header: t('createdAt'), value: (row) => row.createdAt.slice(0, 10) },
      { header: t('reference'), value: (row) => row.reference, width: 18 },
      { header: t('title'), value: (row) => (ctx.locale === 'en' ? (row.title.en ?? row.title.vi) : (row.title.vi ?? row.title.en)) ?? '', width: 50 },
      { header: t('reason'), value: (row) => translate(ctx.locale, `exchangeReview.reason.${row.reason}`) },
      { header: t('details'), value: (row) => row.details, width: 50 },
      { header: t('status'), value: (row) => translate(ctx.locale, `exchangeReview.reportStatus.${row.status}`) },
      { header: t('handledBy'), value: (row) => row.handledByName },
      { header: t('handlingNote'), value: (row) => row.handlingNote, width: 50 },
    ],
  };
}

/**
 * An officer handles a report: dismiss it, or uphold it, which takes the listing down (published → returned, with
 * the note as the comment to the owner) and closes every open report on that listing. Permission:
 * exchange.listings.review. Audit: exchange.report.dismiss | exchange.report.uphold (+ exchange.listing.unpublish).
 */
export async function handleReport(ctx: Ctx, input: HandleReportInput & { reportId: string }): Promise<{ status: 'dismissed' | 'upheld'; listingStatus: string }> {
  assertCan(ctx.actor, 'exchange.listings.review');
  const user = requireUser(ctx.actor);
  const { reportId } = parseInput(ctx, ReportId, input);
  const data = parseInput(ctx, HandleReportInput, input);
  return inTransaction(ctx, async (tx) => {
    const report = await rq.lockReport(tx.db, reportId);
    if (!report) throw new AppError('NOT_FOUND');
    if (report.status !== 'open') throw new AppError('INVALID_TRANSITION', { from: report.status, action: data.decision });
    const listing = await lockedListing(tx, report.listingId);
    const closing = { handledBy: user.userId, handlingNote: data.note };
    if (data.decision === 'dismiss') {
      await rq.closeReport(tx.db, report.id, { ...closing, status: 'dismissed' });
      await recordAudit(tx, { action: 'exchange.report.dismiss', objectType: 'listing_report', objectId: report.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference } });
      return { status: 'dismissed' as const, listingStatus: listing.status };
    }
    const closed = await rq.closeOpenReports(tx.db, listing.id, { ...closing, status: 'upheld' });
    await recordAudit(tx, { action: 'exchange.report.uphold', objectType: 'listing_report', objectId: report.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, closed } });
    if (listing.status !== 'published') return { status: 'upheld' as const, listingStatus: listing.status };
    const to = nextStatus(LISTING_WORKFLOW, listing.status, 'unpublish');
    const updated = await q.updateListing(tx.db, listing.id, { status: to });
    await recordEvent(tx, { listingId: listing.id, revisionId: listing.publishedRevisionId, action: 'unpublish', fromStatus: listing.status, toStatus: to, note: data.note });
    await recordAudit(tx, { action: 'exchange.listing.unpublish', objectType: 'listing', objectId: listing.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, reportId: report.id } });
    await notifyOwners(tx, updated, 'exchange.listing_unpublished', null);
    return { status: 'upheld' as const, listingStatus: to };
  });
}
