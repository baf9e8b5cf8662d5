import type {
  ConnectionDetail,
  ConnectionExportQuery,
  ConnectionList,
  ConnectionListQuery,
  ConnectionMessageView,
  ConnectionOutcomeView,
  ConnectionSide,
  ConnectionSummary,
} from '../../../../common/src/api/exchange-connections.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import type { TableExport } from '../../core/exports/table-export.js';
import { findStoredFileInfo } from '../../core/files/files.js';
import { getCases } from '../cases/index.js';
import { vietnamToday } from '../catalog/index.js';
import { organisationNames } from '../organisations/index.js';
import { userNames } from '../users/index.js';
import { listingTitle, readableConnection, replyTargetState } from './connections.common.js';
import { partyKeyOf } from './connections.policy.js';
import * as q from './connections.queries.js';
import { readerGrant } from './access-grants.queries.js';

/** Reads of connections: the two parties' lists, one connection with its thread and outcomes, the export. */

const EXPORT_MAX_ROWS = 10_000;

export async function toMessageViews(ctx: Ctx, rows: q.ConnectionMessageRow[]): Promise<ConnectionMessageView[]> {
  const names = await userNames(ctx.db, rows.map((row) => row.authorUserId));
  const views: ConnectionMessageView[] = [];
  for (const row of rows) {
    const attachments = [];
    for (const id of row.storedFileIds) {
      const info = await findStoredFileInfo(ctx.db, id);
      if (info) attachments.push({ id: info.id, name: info.originalName, contentType: info.contentType, sizeBytes: info.sizeBytes });
    }
    views.push({ id: row.id, side: row.authorSide, authorName: row.authorUserId ? (names.get(row.authorUserId) ?? null) : null, body: row.body, attachments, createdAt: row.createdAt.toISOString() });
  }
  return views;
}

export async function toOutcomeViews(ctx: Ctx, rows: q.ConnectionOutcomeRow[]): Promise<ConnectionOutcomeView[]> {
  const [names, cases] = await Promise.all([
    userNames(ctx.db, rows.map((row) => row.recordedBy)),
    getCases(ctx.db, rows.flatMap((row) => (row.registrationCaseId ? [row.registrationCaseId] : []))),
  ]);
  const references = new Map(cases.map((row) => [row.id, row.referenceNo]));
  return rows.map((row) => ({
    id: row.id,
    outcome: row.outcome,
    occurredOn: row.occurredOn,
    note: row.note,
    registrationCaseId: row.registrationCaseId,
    registrationReference: row.registrationCaseId ? (references.get(row.registrationCaseId) ?? null) : null,
    side: row.recordedSide,
    recordedByName: row.recordedBy ? (names.get(row.recordedBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Names of the parties: the organisation, or the person when a side has none. */
async function partyNames(ctx: Ctx, rows: q.ConnectionRow[]) {
  const [organisations, people] = await Promise.all([
    organisationNames(ctx.db, rows.flatMap((row) => [row.ownerOrganisationId, row.initiatorOrganisationId].filter((id): id is string => id !== null))),
    userNames(ctx.db, rows.flatMap((row) => [row.ownerUserId, row.initiatorUserId])),
  ]);
  return (row: q.ConnectionRow, side: ConnectionSide): string => {
    const organisationId = side === 'owner' ? row.ownerOrganisationId : row.initiatorOrganisationId;
    const userId = side === 'owner' ? row.ownerUserId : row.initiatorUserId;
    return (organisationId ? organisations.get(organisationId) : people.get(userId)) ?? '';
  };
}

/**
 * The owner of an on-request listing is detail (issue 4 §2): an initiator learns who it is once the owner accepts
 * the interest or approves their access request, not by expressing interest.
 */
async function ownerHiddenFrom(ctx: Ctx, rows: q.ConnectionRow[], visibilityOf: (listingId: string) => string | undefined, sideOf: (row: q.ConnectionRow) => ConnectionSide): Promise<Set<string>> {
  const hidden = new Set<string>();
  if (ctx.actor.kind !== 'user') return hidden;
  const party = partyKeyOf(ctx.actor);
  for (const row of rows) {
    if (sideOf(row) !== 'initiator' || row.status === 'accepted' || visibilityOf(row.listingId) !== 'on_request') continue;
    const grant = await readerGrant(ctx.db, { listingId: row.listingId, userId: party.userId, organisationIds: [...party.organisationIds] });
    if (grant?.status !== 'approved') hidden.add(row.id);
  }
  return hidden;
}

async function toSummaries(ctx: Ctx, rows: q.ConnectionRow[], sideOf: (row: q.ConnectionRow) => ConnectionSide): Promise<ConnectionSummary[]> {
  const [listings, nameOf] = await Promise.all([q.findListingsForConnections(ctx.db, [...new Set(rows.map((row) => row.listingId))]), partyNames(ctx, rows)]);
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  const hidden = await ownerHiddenFrom(ctx, rows, (id) => byId.get(id)?.visibility, sideOf);
  const today = vietnamToday();
  return rows.map((row) => {
    const listing = byId.get(row.listingId)!;
    const side = sideOf(row);
    return {
      id: row.id,
      side,
      status: row.status,
      listingId: row.listingId,
      listingReference: listing.reference,
      listingKind: listing.kind,
      listingTitle: listingTitle(listing, ctx.locale),
      otherPartyName: hidden.has(row.id) ? '' : nameOf(row, side === 'owner' ? 'initiator' : 'owner'),
      replyDueOn: row.replyDueOn,
      replyTarget: replyTargetState(row, today),
      firstReplyAt: row.firstReplyAt?.toISOString() ?? null,
      latestOutcome: row.latestOutcome,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/** The actor's side of a row returned by its own list query (owner side first, as in connectionSideOf). */
function sideInList(party: { organisationIds: string[]; userId: string }) {
  return (row: q.ConnectionRow): ConnectionSide => {
    const isOwner = row.ownerOrganisationId ? party.organisationIds.includes(row.ownerOrganisationId) : row.ownerUserId === party.userId;
    return isOwner ? 'owner' : 'initiator';
  };
}

/**
 * The connections of the actor's organisations (received on their listings, sent by them), filtered by direction,
 * status, outcome and listing kind, searched by listing title or reference, sorted, paged. Permission:
 * exchange.connect; the rows are the actor's parties' only (filtered in SQL).
 */
export async function listConnections(ctx: Ctx, input: ConnectionListQuery): Promise<ConnectionList> {
  assertCan(ctx.actor, 'exchange.connect');
  const party = partyKeyOf(requireUser(ctx.actor));
  const { rows, total } = await q.listConnectionsOf(ctx.db, party, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return { items: await toSummaries(ctx, rows, sideInList(party)), total, page: input.page, pageSize: input.pageSize };
}

/** The same list as CSV or XLSX (at most 10,000 rows; teaser-level columns only). Permission: exchange.connect. */
export async function exportConnections(ctx: Ctx, input: ConnectionExportQuery): Promise<TableExport<ConnectionSummary>> {
  assertCan(ctx.actor, 'exchange.connect');
  const party = partyKeyOf(requireUser(ctx.actor));
  const { rows } = await q.listConnectionsOf(ctx.db, party, input, { limit: EXPORT_MAX_ROWS, offset: 0 });
  const items = await toSummaries(ctx, rows, sideInList(party));
  const h = (key: string) => translate(ctx.locale, `exchangeConnections.export.${key}`);
  const t = (key: string) => translate(ctx.locale, key);
  return {
    format: input.format,
    filename: h('filename'),
    sheetName: h('sheet'),
    rows: items,
    columns: [
      { header: h('createdAt'), value: (c) => c.createdAt.slice(0, 10), width: 12 },
      { header: h('direction'), value: (c) => t(`exchangeConnections.sides.${c.side}`), width: 16 },
      { header: h('reference'), value: (c) => c.listingReference, width: 18 },
      { header: h('kind'), value: (c) => t(`exchange.kinds.${c.listingKind}`), width: 14 },
      { header: h('title'), value: (c) => c.listingTitle, width: 50 },
      { header: h('otherParty'), value: (c) => c.otherPartyName, width: 36 },
      { header: h('status'), value: (c) => t(`exchangeConnections.statuses.${c.status}`), width: 14 },
      { header: h('replyDueOn'), value: (c) => c.replyDueOn, width: 12 },
      { header: h('replyTarget'), value: (c) => t(`exchangeConnections.replyTarget.${c.replyTarget}`), width: 14 },
      { header: h('latestOutcome'), value: (c) => (c.latestOutcome ? t(`exchange.outcomes.${c.latestOutcome}`) : ''), width: 24 },
    ],
  };
}

/**
 * One connection as a party sees it: the three answers, the thread with its attachments, the outcome trail and what
 * the actor may do next. NOT_FOUND for anyone who is not a party (DOST included: a private correspondence).
 * Permission: exchange.connect.
 */
export async function getConnection(ctx: Ctx, input: { id: string }): Promise<ConnectionDetail> {
  assertCan(ctx.actor, 'exchange.connect');
  requireUser(ctx.actor);
  const { row, side } = await readableConnection(ctx, input.id);
  const [[summary], messages, outcomes, nameOf, initiatorListing] = await Promise.all([
    toSummaries(ctx, [row], () => side),
    q.listMessages(ctx.db, row.id).then((rows) => toMessageViews(ctx, rows)),
    q.listOutcomes(ctx.db, row.id).then((rows) => toOutcomeViews(ctx, rows)),
    partyNames(ctx, [row]),
    row.initiatorListingId ? q.findListingForConnection(ctx.db, row.initiatorListingId) : Promise.resolve(undefined),
  ]);
  const actions: ConnectionDetail['actions'] = [];
  if (row.status === 'pending' && side === 'owner') actions.push('accept', 'decline');
  if ((row.status === 'pending' || row.status === 'accepted') && side === 'initiator') actions.push('withdraw');
  if (row.status === 'accepted') actions.push('message');
  if (row.status === 'accepted' || (row.status === 'withdrawn' && row.firstReplyAt !== null)) actions.push('record_outcome');
  return {
    ...summary!,
    ownerPartyName: summary!.otherPartyName === '' && side === 'initiator' ? '' : nameOf(row, 'owner'),
    initiatorPartyName: nameOf(row, 'initiator'),
    initiatorListing:
      initiatorListing && initiatorListing.status === 'published' ? { id: initiatorListing.id, reference: initiatorListing.reference, title: listingTitle(initiatorListing, ctx.locale) } : null,
    cooperationSought: row.cooperationSought,
    missingInformation: row.missingInformation,
    aboutUs: row.aboutUs,
    declineReason: row.declineReason,
    lockVersion: row.lockVersion,
    actions,
    messages,
    outcomes,
  };
}
