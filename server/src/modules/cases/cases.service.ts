import type { AssignmentRole, CaseAssignmentsView, CaseEventView } from '../../../../common/src/api/cases.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { userNames } from '../users/index.js';
import { cancelOpenClocks } from './case-clocks.service.js';
import * as q from './cases.queries.js';
import type { CaseEventRow, CaseRow } from './cases.tables.js';
import { actionPermission, nextStatus, referenceNumber, type CaseWorkflow } from './cases.workflow.js';

export type { CaseEventRow, CaseRow };

/** Non-confidential detail for the audit record of a step (never prices, rates or personal data beyond names). */
type AuditSummary = Record<string, unknown>;

export interface CreateCaseInput<S extends string, A extends string> {
  workflow: CaseWorkflow<S, A>;
  organisationId: string;
  title: string;
  parentCaseId?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
  /** Stored on the `create` event (module vocabulary; nothing confidential). */
  details?: Record<string, unknown> | undefined;
  /** Day of the event; today in Vietnam unless given (demo data with a history). */
  onDay?: string | undefined;
}

/**
 * Opens a case of the workflow's kind: the `create` transition (from no status), a reference number of the year
 * (`CGCN-2026-00012`, per-kind counter), the first event. A repeat with the same (organisation, kind, idempotency
 * key) returns the case made the first time (`created: false`) and writes nothing. The caller's module policy
 * decides whether the actor may file for `organisationId`. Permission: the workflow's `create` permission.
 * Audit: case.create.
 */
export async function createCase<S extends string, A extends string>(ctx: Ctx, input: CreateCaseInput<S, A>): Promise<{ case: CaseRow; created: boolean }> {
  const createAction = input.workflow.transitions.find((t) => t.from === null);
  if (!createAction) throw new Error(`${input.workflow.kind} has no create transition`);
  assertCan(ctx.actor, createAction.permission);
  const user = requireUser(ctx.actor);
  const kind = input.workflow.kind;
  const key = input.idempotencyKey ?? null;
  return inTransaction(ctx, async (tx) => {
    if (key) {
      const existing = await q.findCaseByIdempotencyKey(tx.db, { organisationId: input.organisationId, kind, idempotencyKey: key });
      if (existing) return { case: existing, created: false };
    }
    const status = nextStatus(input.workflow, null, createAction.action);
    const onDay = input.onDay ?? vietnamToday();
    const year = Number(onDay.slice(0, 4));
    const referenceNo = referenceNumber(kind, year, await q.nextReferenceNumber(tx.db, kind, year));
    const row = await q.insertCase(tx.db, {
      kind,
      referenceNo,
      status,
      organisationId: input.organisationId,
      title: input.title,
      parentCaseId: input.parentCaseId ?? null,
      idempotencyKey: key,
      createdBy: user.userId,
    });
    if (!row) {
      // Another request with the same key committed first (the unique index waited for it): answer with its case.
      const existing = key ? await q.findCaseByIdempotencyKey(tx.db, { organisationId: input.organisationId, kind, idempotencyKey: key }) : undefined;
      if (!existing) throw new AppError('CONFLICT');
      return { case: existing, created: false };
    }
    await q.insertEvent(tx.db, { caseId: row.id, action: createAction.action, fromStatus: null, toStatus: status, revision: row.revision, details: input.details ?? {}, actorUserId: user.userId, actorName: user.name, onDay });
    await recordAudit(tx, { action: 'case.create', objectType: 'case', objectId: row.id, organisationId: row.organisationId, summary: { kind, referenceNo, status, parentCaseId: row.parentCaseId } });
    return { case: row, created: true };
  });
}

/**
 * One case by id (NOT_FOUND when missing); `forUpdate` locks the row until the end of the caller's transaction.
 * No permission check: the calling module's service has checked its own (and its policy on the returned row).
 */
export async function getCase(ctx: Ctx, caseId: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const row = await q.findCase(ctx.db, caseId, options);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Several cases by id (missing ids are absent). No permission check: for services that filter by their policy. */
export async function getCases(db: Tx, ids: readonly string[]): Promise<CaseRow[]> {
  return q.findCases(db, ids);
}

export interface TransitionCaseInput<S extends string, A extends string> {
  workflow: CaseWorkflow<S, A>;
  caseId: string;
  action: A;
  /** The revision the caller saw; a different current one is a CONFLICT ({ currentRevision }). */
  expectedRevision?: number | undefined;
  note?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
  /** The step ends the case (closed_at); clocks still open are stopped as `cancelled`. */
  closes?: boolean | undefined;
  /** Case columns the step sets (e.g. receivedOn on submission, a new title while drafting). */
  patch?: { receivedOn?: string | null; title?: string } | undefined;
  auditSummary?: AuditSummary | undefined;
  onDay?: string | undefined;
}

/** Locks the case, checks it is of the workflow's kind and the caller's revision. */
async function lockForStep(tx: Ctx, kind: string | null, caseId: string, expectedRevision: number | undefined): Promise<CaseRow> {
  const row = await q.findCase(tx.db, caseId, { forUpdate: true });
  if (!row || (kind !== null && row.kind !== kind)) throw new AppError('NOT_FOUND');
  if (expectedRevision !== undefined && expectedRevision !== row.revision) throw new AppError('CONFLICT', { currentRevision: row.revision });
  return row;
}

/**
 * Moves a case by one action of its workflow, in one transaction: lock, role permission (the module checks its
 * object policy — applicant organisation, assignment — before calling), revision (CONFLICT), the transition table
 * (INVALID_TRANSITION), new status and revision + 1, an event row. Permission: the action's permission in the
 * workflow. Audit: case.<action>.
 */
export async function transitionCase<S extends string, A extends string>(ctx: Ctx, input: TransitionCaseInput<S, A>): Promise<{ case: CaseRow; event: CaseEventRow }> {
  assertCan(ctx.actor, actionPermission(input.workflow, input.action));
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const row = await lockForStep(tx, input.workflow.kind, input.caseId, input.expectedRevision);
    const status = nextStatus(input.workflow, row.status as S, input.action);
    const onDay = input.onDay ?? vietnamToday();
    if (input.closes) await cancelOpenClocks(tx, { caseId: row.id, on: onDay });
    const updated = await q.updateCase(tx.db, row.id, { status, ...input.patch, ...(input.closes ? { closedAt: new Date() } : {}) });
    const event = await q.insertEvent(tx.db, {
      caseId: row.id,
      action: input.action,
      fromStatus: row.status,
      toStatus: status,
      revision: updated.revision,
      note: input.note ?? null,
      details: input.details ?? {},
      actorUserId: user.userId,
      actorName: user.name,
      onDay,
    });
    await recordAudit(tx, {
      action: `case.${input.action}`,
      objectType: 'case',
      objectId: row.id,
      organisationId: row.organisationId,
      summary: { kind: row.kind, referenceNo: row.referenceNo, before: row.status, after: status, revision: updated.revision, ...input.auditSummary },
    });
    return { case: updated, event };
  });
}

/**
 * Records a step that does not change the status (e.g. a review note, a new dossier version): revision + 1 and an
 * event. No permission check of its own: the caller's service has checked the permission for the step.
 * Audit: case.<action>.
 */
export async function recordCaseEvent(
  ctx: Ctx,
  input: { caseId: string; action: string; expectedRevision?: number | undefined; note?: string | null | undefined; details?: Record<string, unknown> | undefined; patch?: TransitionCaseInput<string, string>['patch']; auditSummary?: AuditSummary | undefined; onDay?: string | undefined },
): Promise<{ case: CaseRow; event: CaseEventRow }> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const row = await lockForStep(tx, null, input.caseId, input.expectedRevision);
    const updated = await q.updateCase(tx.db, row.id, { ...input.patch });
    const event = await q.insertEvent(tx.db, {
      caseId: row.id,
      action: input.action,
      fromStatus: row.status,
      toStatus: row.status,
      revision: updated.revision,
      note: input.note ?? null,
      details: input.details ?? {},
      actorUserId: user.userId,
      actorName: user.name,
      onDay: input.onDay ?? vietnamToday(),
    });
    await recordAudit(tx, { action: `case.${input.action}`, objectType: 'case', objectId: row.id, organisationId: row.organisationId, summary: { kind: row.kind, referenceNo: row.referenceNo, status: row.status, revision: updated.revision, ...input.auditSummary } });
    return { case: updated, event };
  });
}

/** The events of a case in order. No permission check: the caller shows them only to people its policy allows. */
export async function listCaseEvents(db: Tx, caseId: string): Promise<CaseEventView[]> {
  return (await q.listEvents(db, caseId)).map((e) => ({
    id: Number(e.id),
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    revision: e.revision,
    note: e.note,
    actorName: e.actorName,
    onDay: e.onDay,
    createdAt: e.createdAt.toISOString(),
  }));
}

/**
 * Makes `userId` the case's current officer (or leader), ending the previous one; event `assign` (revision + 1).
 * An unknown user is NOT_FOUND. The caller checks who may assign whom (e.g. registration.assign, or an officer taking an unassigned case).
 * Audit: case.assign.
 */
export async function assignCase(ctx: Ctx, input: { caseId: string; userId: string; role: AssignmentRole; expectedRevision?: number | undefined; onDay?: string | undefined }): Promise<{ case: CaseRow; event: CaseEventRow }> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockForStep(tx, null, input.caseId, input.expectedRevision);
    if (!(await userNames(tx.db, [input.userId])).has(input.userId)) throw new AppError('NOT_FOUND', { userId: input.userId });
    const ended = await q.endAssignment(tx.db, input.caseId, input.role);
    await q.insertAssignment(tx.db, { caseId: input.caseId, userId: input.userId, role: input.role, assignedBy: user.userId });
    const names = await q.listCurrentAssignments(tx.db, [input.caseId]);
    const name = names.find((a) => a.role === input.role)?.name ?? null;
    return recordCaseEvent(tx, {
      caseId: input.caseId,
      action: 'assign',
      details: { role: input.role, userId: input.userId, name, previousUserId: ended[0]?.userId ?? null },
      auditSummary: { role: input.role, userId: input.userId, previousUserId: ended[0]?.userId ?? null },
      onDay: input.onDay,
    });
  });
}

/** Current officer and leader of each case (with names). No permission check: for services that already checked. */
export async function currentAssignments(db: Tx, caseIds: readonly string[]): Promise<Map<string, CaseAssignmentsView>> {
  const result = new Map<string, CaseAssignmentsView>();
  for (const a of await q.listCurrentAssignments(db, caseIds)) {
    const entry = result.get(a.caseId) ?? {};
    entry[a.role] = { userId: a.userId, name: a.name };
    result.set(a.caseId, entry);
  }
  return result;
}
