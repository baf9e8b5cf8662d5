import { z } from 'zod';
import { addDays } from '../../../../common/src/dates.js';
import {
  REVIEW_CHECKS,
  ReviewDecisionInput,
  ReviewQueueExportQuery,
  ReviewQueueQuery,
  type ListingState,
  type ReviewDetail,
  type ReviewQueueItem,
  type ReviewQueuePage,
} from '../../../../common/src/api/exchange-review.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { TableExport } from '../../core/exports/table-export.js';
import { vietnamToday } from '../catalog/index.js';
import { nextStatus } from '../cases/index.js';
import { ruleNumber } from '../legal-rules/index.js';
import { organisationNames } from '../organisations/index.js';
import { LISTING_WORKFLOW, REVISION_WORKFLOW, type RevisionAction } from './exchange.workflow.js';
import { eventViews, listingSummary, lockedListing, notifyOwners, parseInput, recordEvent, revisionView } from './listings-write.common.js';
import * as q from './listings-write.queries.js';
import { stateOf } from './listings-write.service.js';
import { publishedColumns } from './listings.projection.js';
import * as rq from './reports.queries.js';
import * as reviewQueries from './review.queries.js';

const ListingId = z.object({ listingId: z.uuid() });
const EXPORT_MAX_ROWS = 10_000;

async function queuePage(ctx: Ctx, query: Omit<ReviewQueueQuery, 'page' | 'pageSize'>, limit: number, offset: number): Promise<{ items: ReviewQueueItem[]; total: number }> {
  const { rows, total } = await reviewQueries.reviewQueue(ctx.db, { kind: query.kind, type: query.type, minAgeDays: query.minAgeDays, q: query.q, sort: query.sort, order: query.order, limit, offset });
  const names = await organisationNames(ctx.db, rows.map((row) => row.ownerOrganisationId).filter((id): id is string => id !== null));
  return {
    items: rows.map((row) => ({
      listingId: row.listingId,
      revisionId: row.revisionId,
      reference: row.reference,
      kind: row.kind,
      type: row.listingStatus === 'published' ? 'edit' : 'new',
      title: row.title ?? {},
      organisationName: row.ownerOrganisationId ? (names.get(row.ownerOrganisationId) ?? null) : null,
      submittedAt: row.submittedAt.toISOString(),
      ageDays: row.ageDays,
      warning: row.warning,
    })),
    total,
  };
}

/**
 * The DOST review queue: submitted revisions (new listings and edits of published ones), oldest first by default,
 * filtered by kind, type, age and words of the title or reference. Permission: exchange.listings.review. No audit.
 */
export async function listReviewQueue(ctx: Ctx, input: ReviewQueueQuery): Promise<ReviewQueuePage> {
  assertCan(ctx.actor, 'exchange.listings.review');
  const query = parseInput(ctx, ReviewQueueQuery, input);
  const { items, total } = await queuePage(ctx, query, query.pageSize, (query.page - 1) * query.pageSize);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The review queue as CSV or XLSX (teaser-level columns only). Permission: exchange.listings.review. Audit: exchange.review_queue.export. */
export async function exportReviewQueue(ctx: Ctx, input: ReviewQueueExportQuery): Promise<TableExport<ReviewQueueItem>> {
  assertCan(ctx.actor, 'exchange.listings.review');
  const query = parseInput(ctx, ReviewQueueExportQuery, input);
  const { items } = await queuePage(ctx, query, EXPORT_MAX_ROWS, 0);
  await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'exchange.review_queue.export', objectType: 'listing', summary: { rows: items.length, format: query.format } }));
  const t = (key: string) => translate(ctx.locale, `exchangeReview.export.${key}`);
  return {
    format: query.format,
    filename: t('filename'),
    sheetName: t('filename'),
    rows: items,
    columns: [
      { header: t('reference'), value: (row) => row.reference, width: 18 },
      { header: t('kind'), value: (row) => translate(ctx.locale, `exchange.kinds.${row.kind}`) },
      { header: t('type'), value: (row) => t(`type_${row.type}`) },
      { header: t('title'), value: (row) => (ctx.locale === 'en' ? (row.title.en ?? row.title.vi) : (row.title.vi ?? row.title.en)) ?? '', width: 50 },
      { header: t('organisation'), value: (row) => row.organisationName, width: 36 },
      { header: t('submittedAt'), value: (row) => row.submittedAt.slice(0, 10) },
      { header: t('ageDays'), value: (row) => row.ageDays, width: 10 },
      { header: t('warning'), value: (row) => (row.warning ? translate(ctx.locale, `exchangeReview.warning.${row.warning}`) : '') },
    ],
  };
}

/**
 * One listing as the reviewing officer sees it: the submitted revision next to the published one, the classifier's
 * suggestion, open reports and the history. Permission: exchange.listings.review. Audit: exchange.listing.review_view.
 */
export async function getReview(ctx: Ctx, input: { listingId: string }): Promise<ReviewDetail> {
  assertCan(ctx.actor, 'exchange.listings.review');
  const { listingId } = parseInput(ctx, ListingId, input);
  const listing = await q.findListing(ctx.db, listingId);
  if (!listing) throw new AppError('NOT_FOUND');
  const working = await q.findRevision(ctx.db, listing.workingRevisionId);
  const published = await q.findRevision(ctx.db, listing.publishedRevisionId);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, { action: 'exchange.listing.review_view', objectType: 'listing', objectId: listing.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference } }),
  );
  return {
    listing: await listingSummary(ctx, listing, working, published),
    submitted: revisionView(working),
    published: revisionView(published),
    openReports: await rq.countOpenReports(ctx.db, listing.id),
    canDecide: working?.status === 'in_review',
    events: await eventViews(ctx, listing.id),
  };
}

const REVISION_ACTION: Record<ReviewDecisionInput['decision'], RevisionAction> = { publish: 'approve', return: 'return', reject: 'reject' };
const NOTIFICATION: Record<ReviewDecisionInput['decision'], { first: string; edit: string }> = {
  publish: { first: 'exchange.listing_published', edit: 'exchange.revision_approved' },
  return: { first: 'exchange.listing_returned', edit: 'exchange.revision_returned' },
  reject: { first: 'exchange.listing_rejected', edit: 'exchange.revision_rejected' },
};

/**
 * The officer decides on the submitted revision with the four-item checklist (complete, not prohibited, not
 * advertising, contact policy; all ticked to publish, else CHECKLIST_INCOMPLETE), confirms the catalog items and the
 * national-list status, and publishes (valid exchange.listingValidity days; an edit replaces the published revision
 * and keeps the validity), returns with comments or rejects with a reason. An edit returned or rejected leaves the
 * published revision visible. Owners are notified. Permission: exchange.listings.review.
 * Audit: exchange.listing.publish | return | reject.
 */
export async function decideReview(ctx: Ctx, input: ReviewDecisionInput & { listingId: string }): Promise<ListingState> {
  assertCan(ctx.actor, 'exchange.listings.review');
  const user = requireUser(ctx.actor);
  const { listingId } = parseInput(ctx, ListingId, input);
  const data = parseInput(ctx, ReviewDecisionInput, input);
  return inTransaction(ctx, async (tx) => {
    const listing = await lockedListing(tx, listingId, data.lockVersion);
    const working = await q.findRevision(tx.db, listing.workingRevisionId);
    if (!working || working.status !== 'in_review') throw new AppError('INVALID_TRANSITION', { from: working?.status ?? listing.status, action: data.decision });
    if (data.decision === 'publish') {
      const missing = REVIEW_CHECKS.filter((check) => !data.checklist[check]);
      if (missing.length > 0) throw new AppError('CHECKLIST_INCOMPLETE', { missing });
    }
    const isEdit = listing.status === 'published';
    const revisionTo = nextStatus(REVISION_WORKFLOW, working.status, REVISION_ACTION[data.decision]);
    const listingTo = isEdit ? listing.status : nextStatus(LISTING_WORKFLOW, listing.status, data.decision);
    const confirmedCodes = data.decision === 'publish' ? (data.catalogItemCodes ?? working.content.catalogItemCodes) : (data.catalogItemCodes ?? null);
    const suggested = (working.classification as { suggestedListStatus?: ReviewDecisionInput['nationalListStatus'] } | null)?.suggestedListStatus;
    const listStatus = data.nationalListStatus ?? (data.decision === 'publish' ? (suggested ?? 'not_listed') : null);
    await q.updateRevision(tx.db, working.id, {
      status: revisionTo,
      reviewedBy: user.userId,
      reviewedAt: new Date(),
      reviewChecklist: data.checklist,
      reviewComment: data.comment ?? null,
      confirmedCatalogItemCodes: confirmedCodes,
      confirmedListStatus: listStatus,
    });
    let updated;
    if (data.decision === 'publish') {
      if (listing.publishedRevisionId && listing.publishedRevisionId !== working.id) await q.updateRevision(tx.db, listing.publishedRevisionId, { status: 'superseded' });
      const now = new Date();
      const validUntil = isEdit && listing.validUntil ? listing.validUntil : addDays(vietnamToday(), await ruleNumber(tx, 'exchange.listingValidity'));
      updated = await q.updateListing(tx.db, listingId, {
        ...publishedColumns(working.content, { catalogItemCodes: confirmedCodes }),
        status: 'published',
        visibility: working.visibility,
        publishedRevisionId: working.id,
        workingRevisionId: null,
        publishedAt: now,
        firstPublishedAt: listing.firstPublishedAt ?? now,
        validUntil,
        nationalListStatus: listStatus,
        ...(isEdit ? {} : { expiryRemindedAt: null }),
      });
    } else {
      updated = await q.updateListing(tx.db, listingId, { status: listingTo, ...(data.decision === 'reject' ? { workingRevisionId: null } : {}) });
    }
    await recordEvent(tx, { listingId, revisionId: working.id, action: isEdit ? `revision_${REVISION_ACTION[data.decision]}` : data.decision, fromStatus: listing.status, toStatus: updated.status, note: data.comment ?? null });
    await recordAudit(tx, {
      action: `exchange.listing.${data.decision}`,
      objectType: 'listing',
      objectId: listingId,
      organisationId: listing.ownerOrganisationId,
      summary: { reference: listing.reference, revision: working.number, isEdit, checklist: data.checklist, catalogItemCodes: confirmedCodes, nationalListStatus: listStatus },
    });
    await notifyOwners(tx, updated, NOTIFICATION[data.decision][isEdit ? 'edit' : 'first'], working.content, updated.validUntil ? { validUntil: updated.validUntil } : {});
    return stateOf(updated, data.decision === 'return' ? await q.findRevision(tx.db, working.id) : null);
  });
}
