import type { z } from 'zod';
import {
  ITEM_FIELDS,
  type Amendment,
  type AmendmentChanges,
  type AmendmentExportQuery,
  type AmendmentListQuery,
  type LinkCandidateQuery,
  type ProposeAmendmentInput,
} from '../../../../common/src/api/catalog.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Actor, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import type { TableExport } from '../../core/exports/table-export.js';
import { listItemsInForce } from '../technology-lists/index.js';
import * as aq from './catalog-amendments.queries.js';
import { changedFields } from './catalog.diff.js';
import * as policy from './catalog.policy.js';
import * as q from './catalog.queries.js';
import { vietnamToday } from './catalog.service.js';
import { amendmentPermission, isCodeAvailable, nextAmendmentStatus } from './catalog.workflow.js';

export function fieldError(ctx: Ctx, path: string, code: string): AppError {
  return validationError([{ path, code, message: translate(ctx.locale, `validation.${code}`) }]);
}

/** Only the proposable fields that are given. */
export function pickChanges(input: AmendmentChanges): AmendmentChanges {
  return Object.fromEntries(ITEM_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]])) as AmendmentChanges;
}

/** National-list items must exist and be in force today; VALIDATION_FAILED on `listItemIds` otherwise. */
export async function assertListItemsInForce(ctx: Ctx, ids: readonly string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const known = new Set((await listItemsInForce(ctx.db, vietnamToday())).map((item) => item.id));
  if (ids.some((id) => !known.has(id))) throw fieldError(ctx, 'listItemIds', 'invalid_value');
}

function visibilityOf(actor: Actor): aq.AmendmentVisibility {
  if (policy.seesAllAmendments(actor)) return { all: true };
  const user = requireUser(actor);
  return { all: false, organisationIds: policy.ownOrganisationIds(actor), userId: user.userId };
}

export function toAmendment(actor: Actor, row: aq.AmendmentListRow): Amendment {
  const a = row.amendment;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    sectorCode: a.sectorCode,
    itemCode: a.itemCode,
    requestedCode: a.requestedCode,
    changes: a.changes,
    currentItem: row.currentNameVi !== null ? { nameVi: row.currentNameVi, nameEn: row.currentNameEn ?? '' } : null,
    justification: a.justification,
    baseVersionId: a.baseVersionId,
    version: a.versionId && row.versionLabel !== null && row.versionStatus !== null ? { id: a.versionId, label: row.versionLabel, status: row.versionStatus } : null,
    organisationId: a.organisationId,
    organisationName: a.organisationName,
    proposerName: a.proposerName,
    decisionNote: a.decisionNote,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    canWithdraw: a.status === 'proposed' && policy.canWithdrawAmendment(actor, a),
  };
}

/**
 * A sector department proposes to add, reword or retire a direction of the approved catalog, with a justification
 * (plan IV.6). A reword keeps only the fields that really change; a code asked for must never have been used.
 * Permission: catalog.amendments.propose. Audit: catalog.amendment_proposed.
 */
export async function proposeAmendment(ctx: Ctx, input: ProposeAmendmentInput): Promise<Amendment> {
  assertCan(ctx.actor, amendmentPermission('propose'));
  const user = requireUser(ctx.actor);
  const grant = policy.proposingGrant(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const base = await q.findLatestApproved(tx.db);
    if (!base) throw new AppError('NOT_FOUND');
    if (!(await q.findSector(tx.db, base.id, input.sectorCode))) throw fieldError(tx, 'sectorCode', 'invalid_value');
    let changes = input.kind === 'retire' ? {} : pickChanges(input);
    if (input.kind !== 'add') {
      const item = await q.findItem(tx.db, base.id, input.itemCode!);
      if (!item) throw fieldError(tx, 'itemCode', 'invalid_value');
      if (input.kind === 'reword') {
        const links = (await q.listLinks(tx.db, base.id, [item.code])).map((l) => l.listItemId);
        const changed = changedFields({ ...item, listItemIds: links }, { ...item, listItemIds: links, ...changes });
        changes = Object.fromEntries(changed.map((f) => [f.field, changes[f.field]])) as AmendmentChanges;
        if (changed.length === 0) throw fieldError(tx, 'nameVi', 'invalid');
      }
    } else if (input.itemCode && !isCodeAvailable(input.itemCode, input.sectorCode, await q.listUsedCodes(tx.db, input.sectorCode))) {
      throw new AppError('CATALOG_CODE_TAKEN', { field: 'itemCode', code: input.itemCode });
    }
    await assertListItemsInForce(tx, changes.listItemIds);
    nextAmendmentStatus(null, 'propose');
    const row = await aq.insertAmendment(tx.db, {
      kind: input.kind,
      sectorCode: input.sectorCode,
      itemCode: input.kind === 'add' ? null : input.itemCode!,
      requestedCode: input.kind === 'add' ? (input.itemCode ?? null) : null,
      changes,
      justification: input.justification,
      baseVersionId: base.id,
      organisationId: grant?.organisationId ?? null,
      organisationName: grant?.organisationName ?? null,
      proposedBy: user.userId,
      proposerName: user.name,
    });
    await recordAudit(tx, {
      action: 'catalog.amendment_proposed',
      objectType: 'catalog_amendment',
      objectId: row.id,
      organisationId: row.organisationId,
      summary: { kind: row.kind, sectorCode: row.sectorCode, itemCode: row.itemCode ?? row.requestedCode, fields: Object.keys(changes) },
    });
    return toAmendment(ctx.actor, (await aq.findAmendmentRow(tx.db, row.id))!);
  });
}

/**
 * Proposals, filtered, sorted and paged: all of them for DOST, administrators and city leaders, the own
 * organisation's for a sector department. Permission: catalog.amendments.read.
 */
export async function listAmendments(ctx: Ctx, input: AmendmentListQuery) {
  assertCan(ctx.actor, 'catalog.amendments.read');
  const visibility = visibilityOf(ctx.actor);
  const [{ rows, total }, organisations] = await Promise.all([aq.listAmendments(ctx.db, input, visibility), aq.listAmendmentOrganisations(ctx.db, visibility)]);
  return { items: rows.map((row) => toAmendment(ctx.actor, row)), total, page: input.page, pageSize: input.pageSize, organisations };
}

/** The same list as a CSV or XLSX table (every matching row). Permission: catalog.amendments.read. */
export async function exportAmendments(ctx: Ctx, input: z.infer<typeof AmendmentExportQuery>): Promise<TableExport<Amendment>> {
  assertCan(ctx.actor, 'catalog.amendments.read');
  const { rows } = await aq.listAmendments(ctx.db, input, visibilityOf(ctx.actor));
  const h = (key: string) => translate(ctx.locale, `catalogWork.export.${key}`);
  const t = (key: string) => translate(ctx.locale, key);
  return {
    format: input.format,
    filename: h('amendmentsFilename'),
    sheetName: h('amendmentsSheet'),
    rows: rows.map((row) => toAmendment(ctx.actor, row)),
    columns: [
      { header: h('createdAt'), value: (a) => a.createdAt.slice(0, 10), width: 12 },
      { header: h('kind'), value: (a) => t(`catalogWork.kinds.${a.kind}`), width: 14 },
      { header: h('status'), value: (a) => t(`catalogWork.amendmentStatuses.${a.status}`), width: 14 },
      { header: h('sectorCode'), value: (a) => a.sectorCode, width: 10 },
      { header: h('code'), value: (a) => a.itemCode ?? a.requestedCode ?? '', width: 10 },
      { header: h('nameVi'), value: (a) => a.changes.nameVi ?? a.currentItem?.nameVi ?? '', width: 50 },
      { header: h('nameEn'), value: (a) => a.changes.nameEn ?? a.currentItem?.nameEn ?? '', width: 50 },
      { header: h('justification'), value: (a) => a.justification, width: 60 },
      { header: h('organisation'), value: (a) => a.organisationName ?? '', width: 40 },
      { header: h('proposer'), value: (a) => a.proposerName, width: 24 },
      { header: h('version'), value: (a) => a.version?.label ?? '', width: 22 },
      { header: h('decisionNote'), value: (a) => a.decisionNote ?? '', width: 40 },
    ],
  };
}

async function lockedReadable(ctx: Ctx, id: string) {
  const row = await aq.lockAmendment(ctx.db, id);
  if (!row || !policy.canReadAmendment(ctx.actor, row)) throw new AppError('NOT_FOUND');
  return row;
}

/** The proposing organisation withdraws a proposal that is not yet in a draft. Permission: catalog.amendments.propose (own organisation). Audit: catalog.amendment_withdrawn. */
export async function withdrawAmendment(ctx: Ctx, input: { id: string }): Promise<Amendment> {
  assertCan(ctx.actor, amendmentPermission('withdraw'));
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const row = await lockedReadable(tx, input.id);
    assertCan(ctx.actor, amendmentPermission('withdraw'), policy.canWithdrawAmendment(ctx.actor, row));
    const status = nextAmendmentStatus(row.status, 'withdraw');
    await aq.updateAmendment(tx.db, row.id, { status, decidedBy: user.userId, decidedAt: new Date() });
    await recordAudit(tx, { action: 'catalog.amendment_withdrawn', objectType: 'catalog_amendment', objectId: row.id, organisationId: row.organisationId, summary: { before: row.status, after: status } });
    return toAmendment(ctx.actor, (await aq.findAmendmentRow(tx.db, row.id))!);
  });
}

/** DOST declines a proposal, with the reason the proposer will read. Permission: catalog.versions.draft. Audit: catalog.amendment_rejected. */
export async function rejectAmendment(ctx: Ctx, input: { id: string; reason: string }): Promise<Amendment> {
  assertCan(ctx.actor, amendmentPermission('reject'));
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const row = await lockedReadable(tx, input.id);
    const status = nextAmendmentStatus(row.status, 'reject');
    await aq.updateAmendment(tx.db, row.id, { status, decidedBy: user.userId, decidedAt: new Date(), decisionNote: input.reason });
    await recordAudit(tx, {
      action: 'catalog.amendment_rejected',
      objectType: 'catalog_amendment',
      objectId: row.id,
      organisationId: row.organisationId,
      summary: { before: row.status, after: status, reason: input.reason },
    });
    return toAmendment(ctx.actor, (await aq.findAmendmentRow(tx.db, row.id))!);
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** National-list items in force today that a direction may be linked to (for the proposal and draft forms). Permission: catalog.amendments.read. */
export async function listLinkCandidates(ctx: Ctx, input: z.infer<typeof LinkCandidateQuery>) {
  assertCan(ctx.actor, 'catalog.amendments.read');
  const words = fold(input.q ?? '').split(/\s+/).filter(Boolean);
  const matches = (await listItemsInForce(ctx.db, vietnamToday())).filter((item) => {
    if (input.listType && item.listType !== input.listType) return false;
    const haystack = fold([item.nameVi, item.nameEn, item.itemNo ?? '', item.appendix ?? '', item.sourceInstrument].join(' '));
    return words.every((word) => haystack.includes(word));
  });
  return {
    total: matches.length,
    items: matches.slice(0, 50).map(({ id, listType, sourceInstrument, sourceInstrumentEn, appendix, itemNo, nameVi, nameEn, verified }) => ({
      id, listType, sourceInstrument, sourceInstrumentEn, appendix, itemNo, nameVi, nameEn, verified, inForce: true,
    })),
  };
}
