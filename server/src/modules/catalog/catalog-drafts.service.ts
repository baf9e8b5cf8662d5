import type { z } from 'zod';
import {
  ApproveVersionFields,
  type AmendmentChanges,
  type DraftWorkspace,
  type VersionEvent,
} from '../../../../common/src/api/catalog.js';
import { assertCan, can, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { storeFile } from '../../core/files/files.js';
import { fieldErrorOf } from '../../core/http/errors.js';
import * as aq from './catalog-amendments.queries.js';
import { assertListItemsInForce, fieldError, pickChanges, toAmendment } from './catalog-amendments.service.js';
import { applyAmendment, editItem, rebuildItem } from './catalog.apply.js';
import { changedFields } from './catalog.diff.js';
import * as policy from './catalog.policy.js';
import * as q from './catalog.queries.js';
import { diffOf, invalidateCatalogCache, readableVersion, toVersionSummary, vietnamToday } from './catalog.service.js';
import {
  approvalDateProblem,
  availableVersionActions,
  nextAmendmentStatus,
  nextVersionStatus,
  versionPermission,
  type VersionAction,
} from './catalog.workflow.js';

export interface VersionState {
  id: string;
  status: q.VersionRow['status'];
  revision: number;
}

interface Step {
  patch?: Partial<q.VersionRow>;
  amendmentId?: string;
  itemCode?: string;
  comment?: string | null;
  summary?: Record<string, unknown>;
}

/**
 * One workflow step on a version, in one transaction: lock the version, check the transition (INVALID_TRANSITION)
 * and the revision the caller saw (CONFLICT when someone else changed it since), do the work, set the new status and
 * revision, append the event and the audit record. Any error leaves everything as it was.
 */
async function step(ctx: Ctx, input: { id: string; revision: number }, action: VersionAction, work: (tx: Ctx, version: q.VersionRow) => Promise<Step>): Promise<VersionState> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const version = await q.lockVersion(tx.db, input.id);
    if (!version) throw new AppError('NOT_FOUND');
    const status = nextVersionStatus(version.status, action);
    if (version.revision !== input.revision) throw new AppError('CONFLICT', { currentRevision: version.revision });
    const result = await work(tx, version);
    const updated = await q.updateVersion(tx.db, version.id, { ...result.patch, status });
    await q.insertEvent(tx.db, {
      versionId: version.id,
      action,
      fromStatus: version.status,
      toStatus: status,
      amendmentId: result.amendmentId ?? null,
      itemCode: result.itemCode ?? null,
      comment: result.comment ?? null,
      actorUserId: user.userId,
      actorName: user.name,
    });
    await recordAudit(tx, {
      action: `catalog.version_${action}`,
      objectType: 'catalog_version',
      objectId: version.id,
      summary: { label: version.label, before: version.status, after: status, revision: updated.revision, ...result.summary },
    });
    return { id: updated.id, status: updated.status, revision: updated.revision };
  });
}

/**
 * DOST opens a draft: a copy of the latest approved version (sectors, directions, links) to consolidate proposals
 * into. Only one version may be in preparation at a time. Permission: catalog.versions.draft. Audit: catalog.version_create.
 */
export async function createDraft(ctx: Ctx, input: { label?: string | undefined }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('create'));
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await q.lockDraftCreation(tx.db);
    const open = await q.findOpenVersion(tx.db);
    if (open) throw new AppError('CATALOG_OPEN_VERSION_EXISTS', { versionId: open.id, status: open.status });
    const base = await q.findLatestApproved(tx.db);
    if (!base) throw new AppError('NOT_FOUND');
    const label = input.label ?? `${vietnamToday().slice(0, 4)}-${String((await q.countVersions(tx.db)) + 1).padStart(2, '0')}`;
    if (await q.findVersionByLabel(tx.db, label)) throw new AppError('CONFLICT', { field: 'label' });
    const status = nextVersionStatus(null, 'create');
    const version = await q.insertVersion(tx.db, {
      label,
      sourceInstrument: base.sourceInstrument,
      sourceInstrumentEn: base.sourceInstrumentEn,
      sourceSection: base.sourceSection,
      status,
      baseVersionId: base.id,
      createdBy: user.userId,
    });
    await q.copyVersionContent(tx.db, base.id, version.id);
    await q.insertEvent(tx.db, { versionId: version.id, action: 'create', fromStatus: null, toStatus: status, actorUserId: user.userId, actorName: user.name });
    await recordAudit(tx, { action: 'catalog.version_create', objectType: 'catalog_version', objectId: version.id, summary: { label, base: base.label } });
    return { id: version.id, status: version.status, revision: version.revision };
  });
}

/** DOST includes a proposal in the draft, applying it. Permission: catalog.versions.draft. Audit: catalog.version_include. */
export async function includeAmendment(ctx: Ctx, input: { id: string; revision: number; amendmentId: string }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('include'));
  const user = requireUser(ctx.actor);
  return step(ctx, input, 'include', async (tx, version) => {
    const amendment = await aq.lockAmendment(tx.db, input.amendmentId);
    if (!amendment) throw new AppError('NOT_FOUND');
    const status = nextAmendmentStatus(amendment.status, 'include');
    const code = await applyAmendment(tx, version.id, amendment);
    await aq.updateAmendment(tx.db, amendment.id, { status, versionId: version.id, itemCode: code, decidedBy: user.userId, decidedAt: new Date() });
    return { amendmentId: amendment.id, itemCode: code, summary: { amendment: amendment.id, kind: amendment.kind, itemCode: code } };
  });
}

/** DOST takes a proposal out of the draft; its direction is rebuilt from the base version and the other proposals. Permission: catalog.versions.draft. Audit: catalog.version_exclude. */
export async function excludeAmendment(ctx: Ctx, input: { id: string; revision: number; amendmentId: string }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('exclude'));
  return step(ctx, input, 'exclude', async (tx, version) => {
    const amendment = await aq.lockAmendment(tx.db, input.amendmentId);
    if (!amendment) throw new AppError('NOT_FOUND');
    if (amendment.versionId !== version.id) throw new AppError('INVALID_TRANSITION', { from: amendment.status, action: 'exclude' });
    const status = nextAmendmentStatus(amendment.status, 'exclude');
    const code = amendment.itemCode!;
    await aq.updateAmendment(tx.db, amendment.id, { status, versionId: null, itemCode: amendment.kind === 'add' ? null : code, decidedBy: null, decidedAt: null });
    await rebuildItem(tx, version, code);
    return { amendmentId: amendment.id, itemCode: code, summary: { amendment: amendment.id, kind: amendment.kind, itemCode: code } };
  });
}

/** DOST edits a direction of the draft directly (the code stays). Permission: catalog.versions.draft. Audit: catalog.version_edit_item. */
export async function editDraftItem(ctx: Ctx, input: AmendmentChanges & { id: string; code: string; revision: number }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('edit_item'));
  return step(ctx, input, 'edit_item', async (tx, version) => {
    const item = await q.findItem(tx.db, version.id, input.code);
    if (!item) throw new AppError('NOT_FOUND');
    const changes = pickChanges(input);
    await assertListItemsInForce(tx, changes.listItemIds);
    const links = (await q.listLinks(tx.db, version.id, [item.code])).map((l) => l.listItemId);
    const fields = changedFields({ ...item, listItemIds: links }, { ...item, listItemIds: links, ...changes }).map((f) => f.field);
    if (fields.length === 0) throw fieldError(tx, 'nameVi', 'invalid');
    await editItem(tx, version.id, item.code, changes);
    return { itemCode: item.code, comment: fields.join(', '), summary: { itemCode: item.code, fields } };
  });
}

/** DOST abandons the draft; its proposals go back to "proposed". Permission: catalog.versions.draft. Audit: catalog.version_discard. */
export async function discardDraft(ctx: Ctx, input: { id: string; revision: number; comment?: string | undefined }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('discard'));
  return step(ctx, input, 'discard', async (tx, version) => {
    const released = await aq.releaseAmendments(tx.db, version.id);
    return { comment: input.comment ?? null, summary: { released: released.map((r) => r.id) } };
  });
}

/** The DOST leader submits the draft to the People's Committee; a draft without any change is refused. Permission: catalog.versions.submit. Audit: catalog.version_submit. */
export async function submitVersion(ctx: Ctx, input: { id: string; revision: number; comment?: string | undefined }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('submit'));
  return step(ctx, input, 'submit', async (tx, version) => {
    const [from, to] = await Promise.all([readableVersion(tx, version.baseVersionId ?? version.id), readableVersion(tx, version.id)]);
    const { totals } = await diffOf(tx, from, to);
    if (totals.added + totals.changed + totals.retired === 0) throw new AppError('INVALID_TRANSITION', { from: version.status, action: 'submit', reason: 'noChanges' });
    return { comment: input.comment ?? null, summary: { totals } };
  });
}

/** The DOST leader returns a submitted version to the officer for more work, saying why. Permission: catalog.versions.submit. Audit: catalog.version_return. */
export async function returnVersion(ctx: Ctx, input: { id: string; revision: number; comment: string }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('return'));
  return step(ctx, input, 'return', async () => ({ comment: input.comment, summary: { comment: input.comment } }));
}

/** The People's Committee refused the version (recorded by an administrator); its proposals go back to "proposed". Permission: catalog.versions.approve. Audit: catalog.version_reject. */
export async function rejectVersion(ctx: Ctx, input: { id: string; revision: number; comment: string; decisionNumber?: string | undefined }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('reject'));
  return step(ctx, input, 'reject', async (tx, version) => {
    const released = await aq.releaseAmendments(tx.db, version.id);
    return { patch: { decisionNumber: input.decisionNumber ?? null }, comment: input.comment, summary: { decisionNumber: input.decisionNumber ?? null, released: released.map((r) => r.id) } };
  });
}

export interface Upload {
  fields: Record<string, string>;
  file: { buffer: Buffer; filename: string } | null;
}

function formatDay(day: string, locale: 'vi' | 'en'): string {
  const [y, m, d] = day.split('-');
  if (locale === 'vi') return `${d}/${m}/${y}`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * An administrator records the People's Committee approval: decision number and date, the signed decision (PDF,
 * checked by content, SHA-256 kept) and the effective date (on or after the decision, after the latest approved
 * version). The previous version ends the day before; the new one is current from its effective date (a later day
 * works too: readers go by date). Permission: catalog.versions.approve. Audit: catalog.version_approve.
 * `readUpload` is called only once the caller is known to be allowed (the body is not read for others).
 */
export async function approveVersion(ctx: Ctx, input: { id: string; readUpload: () => Promise<Upload> }): Promise<VersionState> {
  assertCan(ctx.actor, versionPermission('approve'));
  const upload = await input.readUpload();
  const parsed = ApproveVersionFields.safeParse(upload.fields);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((issue) =>
        fieldErrorOf({ keyword: issue.code, instancePath: `/${issue.path.join('/')}`, message: issue.message, params: issue as unknown as Record<string, unknown> }, ctx.locale),
      ),
    );
  }
  const fields: z.infer<typeof ApproveVersionFields> = parsed.data;
  if (!upload.file) throw fieldError(ctx, 'file', 'required');
  const file = upload.file;
  const state = await step(ctx, { id: input.id, revision: fields.revision }, 'approve', async (tx, version) => {
    const latest = await q.findLatestApproved(tx.db);
    const problem = approvalDateProblem({ ...fields, today: vietnamToday(), latestApprovedFrom: latest?.effectiveFrom ?? null });
    if (problem?.code === 'date_in_future') throw fieldError(tx, problem.field, problem.code);
    if (problem) throw new AppError('CATALOG_EFFECTIVE_DATE_INVALID', { field: problem.field, after: latest?.effectiveFrom ?? null, decisionDate: fields.decisionDate });
    const stored = await storeFile(tx, { buffer: file.buffer, name: file.filename, allowed: ['application/pdf'] });
    const closed = await q.closeOpenEndedVersion(tx.db, version.id, fields.effectiveFrom);
    return {
      patch: {
        decisionNumber: fields.decisionNumber,
        decisionDate: fields.decisionDate,
        effectiveFrom: fields.effectiveFrom,
        decisionFileId: stored.id,
        sourceInstrument: `Quyết định số ${fields.decisionNumber} ngày ${formatDay(fields.decisionDate, 'vi')} của UBND thành phố Hải Phòng`,
        sourceInstrumentEn: `Decision ${fields.decisionNumber} of ${formatDay(fields.decisionDate, 'en')}, Hải Phòng People's Committee`,
      },
      comment: fields.decisionNumber,
      summary: {
        decisionNumber: fields.decisionNumber,
        decisionDate: fields.decisionDate,
        effectiveFrom: fields.effectiveFrom,
        file: { sha256: stored.sha256, sizeBytes: stored.sizeBytes, name: stored.originalName },
        replaces: closed.map((c) => c.label),
      },
    };
  });
  invalidateCatalogCache(ctx.database);
  return state;
}

/** The draft editor: the version, its changes against its base, included proposals, events and what the caller may do. Permission: catalog.amendments.read. */
export async function getWorkspace(ctx: Ctx, input: { id: string }): Promise<DraftWorkspace> {
  assertCan(ctx.actor, 'catalog.amendments.read');
  const row = await readableVersion(ctx, input.id);
  const base = row.version.baseVersionId ? await readableVersion(ctx, row.version.baseVersionId) : null;
  const [diff, included, events] = await Promise.all([
    base ? diffOf(ctx, base, row) : Promise.resolve(null),
    aq.listIncludedAmendments(ctx.db, row.version.id),
    q.listEvents(ctx.db, row.version.id),
  ]);
  const version = diff?.to ?? toVersionSummary(row, vietnamToday());
  return {
    version,
    diff,
    // A sector department sees the draft, but only its own organisation's proposals in it (who proposed what stays private).
    amendments: included.filter((a) => policy.canReadAmendment(ctx.actor, a.amendment)).map((a) => toAmendment(ctx.actor, a)),
    events: events.map(
      (e): VersionEvent => ({
        id: Number(e.id),
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        amendmentId: e.amendmentId,
        itemCode: e.itemCode,
        comment: e.comment,
        actorName: e.actorName,
        createdAt: e.createdAt.toISOString(),
      }),
    ),
    actions: availableVersionActions(row.version.status, (permission) => can(ctx.actor, permission)),
  };
}
