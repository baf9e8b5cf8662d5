import type { AccessRequestExportQuery, AccessRequestInput, AccessRequestList, AccessRequestListQuery, AccessRequestView } from '../../../../common/src/api/exchange-access.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { z } from 'zod';
import { assertCan, can, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Actor, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { TableExport } from '../../core/exports/table-export.js';
import { availableActions, nextStatus } from '../cases/index.js';
import { ruleOfKind } from '../legal-rules/index.js';
import { memberIdsOf, notify } from '../notifications/index.js';
import { organisationNames } from '../organisations/index.js';
import { userNames } from '../users/index.js';
import * as q from './access-requests.queries.js';
import { ACCESS_REQUEST_WORKFLOW, OWNER_ACTIONS, type AccessRequestAction } from './access-requests.workflow.js';
import { isListingOwner, organisationsWith } from './exchange.policy.js';
import type { ListingRow } from './exchange.tables.js';
import { findListingRow } from './listing-files.queries.js';
import { loadReaderAccess } from './listing-view.reader.js';

export const NDA_RULE = 'exchange.ndaStatement';

/** The NDA statement in force today in the reader's language (legal rule exchange.ndaStatement), with its citation. */
export async function getNdaStatement(ctx: Ctx): Promise<{ text: string; citation: string }> {
  const found = await ruleOfKind(ctx, NDA_RULE, ['text']);
  return { text: found.value[ctx.locale], citation: found.citation[ctx.locale] };
}

function titleOf(listing: Pick<ListingRow, 'titleVi' | 'titleEn'>): string {
  return listing.titleVi ?? listing.titleEn ?? '';
}

/** Every user on the listing's owner side (members of the owning organisation with the write permission). */
async function ownerSideUserIds(ctx: Ctx, listing: ListingRow): Promise<string[]> {
  return listing.ownerOrganisationId ? memberIdsOf(ctx.db, listing.ownerOrganisationId, 'exchange.listings.write') : [listing.ownerUserId];
}

/**
 * A signed-in user asks to read the detail of a published on-request listing after acknowledging the NDA statement
 * in force (exchange.ndaStatement; its text is stored with the request). NDA_NOT_ACKNOWLEDGED without the
 * acknowledgement; OWN_LISTING for the owner side; ACCESS_REQUEST_EXISTS when a request is pending or access is
 * already granted; LISTING_NOT_PUBLISHED; CONFLICT when the listing's detail is not on request. Permission:
 * exchange.access.request. Audit: exchange.access.request. Notifies the owner side (exchange.access_requested).
 */
export async function requestAccess(ctx: Ctx, input: { listingId: string } & AccessRequestInput): Promise<AccessRequestView> {
  assertCan(ctx.actor, 'exchange.access.request');
  const user = requireUser(ctx.actor);
  const reader = await loadReaderAccess(ctx, input.listingId);
  const { listing } = reader;
  if (isListingOwner(user, listing)) throw new AppError('OWN_LISTING');
  if (listing.status !== 'published') throw new AppError('LISTING_NOT_PUBLISHED');
  if (listing.visibility !== 'on_request') throw new AppError('CONFLICT', { reason: 'not_on_request' });
  if (!input.ndaAcknowledged) throw new AppError('NDA_NOT_ACKNOWLEDGED');
  if (reader.canSeeDetail) throw new AppError('ACCESS_REQUEST_EXISTS');
  const nda = await getNdaStatement(ctx);
  const organisationId = user.grants.find((g) => g.organisationId && can({ ...user, grants: [g] }, 'exchange.access.request'))?.organisationId ?? null;
  return inTransaction(ctx, async (tx) => {
    if (await q.openRequestOf(tx.db, listing.id, user.userId)) throw new AppError('ACCESS_REQUEST_EXISTS');
    const row = await q.insertAccessRequest(tx.db, {
      listingId: listing.id,
      requesterUserId: user.userId,
      requesterOrganisationId: organisationId,
      message: input.message || null,
      ndaStatement: nda.text,
      ndaAcknowledgedAt: new Date(),
    });
    await recordAudit(tx, { action: 'exchange.access.request', objectType: 'listing_access_request', objectId: row.id, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, listingId: listing.id, ndaLocale: ctx.locale } });
    await notify(tx, { userIds: await ownerSideUserIds(tx, listing), kind: 'exchange.access_requested', params: { reference: listing.reference, title: titleOf(listing) }, link: `/exchange/access-requests?listingId=${listing.id}` });
    const [view] = await toViews(tx, [{ ...row, listingReference: listing.reference, listingKind: listing.kind, listingTitleVi: listing.titleVi, listingTitleEn: listing.titleEn, listingOwnerOrganisationId: listing.ownerOrganisationId, listingOwnerUserId: listing.ownerUserId }]);
    return view!;
  });
}

const DECISION_NOTIFICATIONS: Partial<Record<AccessRequestAction, string>> = { approve: 'exchange.access_approved', decline: 'exchange.access_declined' };

/**
 * A step on an access request: the listing's owner approves or declines a pending request or revokes an approval
 * (permission exchange.listings.write, owner of the listing); the requester withdraws their own request (permission
 * exchange.access.request). Anyone else: NOT_FOUND. INVALID_TRANSITION from a status the action does not leave
 * (also when a concurrent decision came first). Audit: exchange.access.<action>. Notifies the requester on approve
 * (exchange.access_approved) and decline (exchange.access_declined); no detail in the notification.
 */
export async function decideAccessRequest(ctx: Ctx, input: { requestId: string; action: AccessRequestAction; note?: string | undefined }): Promise<AccessRequestView> {
  const isOwnerAction = OWNER_ACTIONS.includes(input.action);
  assertCan(ctx.actor, isOwnerAction ? 'exchange.listings.write' : 'exchange.access.request');
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const row = await q.lockAccessRequest(tx.db, input.requestId);
    const listing = row ? await findListingRow(tx.db, row.listingId) : undefined;
    if (!row || !listing) throw new AppError('NOT_FOUND');
    const allowed = isOwnerAction ? isListingOwner(user, listing) : row.requesterUserId === user.userId;
    if (!allowed) throw new AppError('NOT_FOUND');
    const to = nextStatus(ACCESS_REQUEST_WORKFLOW, row.status, input.action);
    const updated = await q.transitionAccessRequest(tx.db, { id: row.id, from: row.status, to, decidedBy: user.userId, note: isOwnerAction ? input.note || null : row.decisionNote });
    if (!updated) throw new AppError('INVALID_TRANSITION', { from: row.status, action: input.action });
    await recordAudit(tx, {
      action: `exchange.access.${input.action}`,
      objectType: 'listing_access_request',
      objectId: row.id,
      organisationId: listing.ownerOrganisationId,
      summary: { reference: listing.reference, listingId: listing.id, from: row.status, to },
    });
    const kind = DECISION_NOTIFICATIONS[input.action];
    if (kind) await notify(tx, { userIds: [row.requesterUserId], kind, params: { reference: listing.reference, title: titleOf(listing) }, link: `/exchange/listings/${listing.id}` });
    const [view] = await toViews(tx, [{ ...updated, listingReference: listing.reference, listingKind: listing.kind, listingTitleVi: listing.titleVi, listingTitleEn: listing.titleEn, listingOwnerOrganisationId: listing.ownerOrganisationId, listingOwnerUserId: listing.ownerUserId }]);
    return view!;
  });
}

function ownerScope(actor: Extract<Actor, { kind: 'user' }>): q.AccessRequestScope {
  return { kind: 'owner', organisationIds: organisationsWith(actor, 'exchange.listings.write'), userId: actor.userId };
}

function actionsFor(actor: Actor, row: q.AccessRequestListRow): AccessRequestView['actions'] {
  if (actor.kind !== 'user') return [];
  const isOwner = isListingOwner(actor, { ownerOrganisationId: row.listingOwnerOrganisationId, ownerUserId: row.listingOwnerUserId });
  const isRequester = row.requesterUserId === actor.userId;
  return availableActions(ACCESS_REQUEST_WORKFLOW, row.status, (permission) => can(actor, permission)).filter((action) => (OWNER_ACTIONS.includes(action) ? isOwner : isRequester));
}

async function toViews(ctx: Ctx, rows: q.AccessRequestListRow[]): Promise<AccessRequestView[]> {
  const names = await userNames(ctx.db, rows.map((row) => row.requesterUserId));
  const organisations = await organisationNames(ctx.db, [...new Set(rows.flatMap((row) => (row.requesterOrganisationId ? [row.requesterOrganisationId] : [])))]);
  return rows.map((row) => ({
    id: row.id,
    listing: {
      id: row.listingId,
      reference: row.listingReference,
      kind: row.listingKind,
      title: { ...(row.listingTitleVi ? { vi: row.listingTitleVi } : {}), ...(row.listingTitleEn ? { en: row.listingTitleEn } : {}) },
    },
    requester: { name: names.get(row.requesterUserId) ?? '', organisationName: row.requesterOrganisationId ? (organisations.get(row.requesterOrganisationId) ?? null) : null },
    message: row.message,
    ndaStatement: row.ndaStatement,
    ndaAcknowledgedAt: row.ndaAcknowledgedAt.toISOString(),
    status: row.status,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt.toISOString(),
    actions: actionsFor(ctx.actor, row),
  }));
}

export type AccessRequestSide = 'incoming' | 'mine';

function scopeOf(ctx: Ctx, side: AccessRequestSide): q.AccessRequestScope {
  assertCan(ctx.actor, side === 'incoming' ? 'exchange.listings.write' : 'exchange.access.request');
  const user = requireUser(ctx.actor);
  return side === 'incoming' ? ownerScope(user) : { kind: 'requester', userId: user.userId };
}

/**
 * The access requests on the listings the reader owns (`incoming`, permission exchange.listings.write) or the
 * reader's own requests (`mine`, permission exchange.access.request): filters status, listing, text (reference or
 * title); sort; paged. The scope is a SQL condition, so a list never shows another party's requests.
 */
export async function listAccessRequests(ctx: Ctx, side: AccessRequestSide, query: AccessRequestListQuery): Promise<AccessRequestList> {
  const scope = scopeOf(ctx, side);
  const { rows, total } = await q.listAccessRequests(ctx.db, scope, query);
  return { items: await toViews(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The same lists as CSV or XLSX (at most 10,000 rows). Same permissions as the list. */
export async function exportAccessRequests(ctx: Ctx, side: AccessRequestSide, query: z.infer<typeof AccessRequestExportQuery>): Promise<TableExport<AccessRequestView>> {
  const scope = scopeOf(ctx, side);
  const { rows } = await q.listAccessRequests(ctx.db, scope, query);
  const h = (key: string) => translate(ctx.locale, `exchangeDetail.export.${key}`);
  return {
    format: query.format,
    filename: h(side === 'incoming' ? 'incomingFilename' : 'mineFilename'),
    sheetName: h('sheet'),
    rows: await toViews(ctx, rows),
    columns: [
      { header: h('createdAt'), value: (r) => r.createdAt.slice(0, 10), width: 12 },
      { header: h('reference'), value: (r) => r.listing.reference, width: 16 },
      { header: h('title'), value: (r) => r.listing.title[ctx.locale] ?? r.listing.title.vi ?? r.listing.title.en ?? '', width: 50 },
      { header: h('requester'), value: (r) => r.requester.name, width: 24 },
      { header: h('organisation'), value: (r) => r.requester.organisationName ?? '', width: 36 },
      { header: h('status'), value: (r) => translate(ctx.locale, `exchangeDetail.requestStatuses.${r.status}`), width: 14 },
      { header: h('decidedAt'), value: (r) => r.decidedAt?.slice(0, 10) ?? '', width: 12 },
      { header: h('message'), value: (r) => r.message ?? '', width: 50 },
      { header: h('decisionNote'), value: (r) => r.decisionNote ?? '', width: 40 },
    ],
  };
}
