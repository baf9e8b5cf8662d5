import type { OpenTaxQueryInput, TaxQueryListQuery, TaxQueryPage, TaxQueryThread } from '../../../../common/src/api/registration-oversight.js';
import { assertCan, can, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { currentAssignments, getCase, getCases } from '../cases/index.js';
import { memberIdsOf, notify, userIdsWithPermission } from '../notifications/index.js';
import { getOrganisationName } from '../organisations/index.js';
import * as policy from './registration.policy.js';
import * as q from './tax.queries.js';
import { isThreadTaxSide } from './tax.policy.js';
import type { TaxQueryRow } from './tax.tables.js';
import { taxViewerOrganisations } from './tax.viewer.js';

/**
 * Query threads between the Tax Department and DOST about a registered contract (issue 5 item 6). The tax side is the
 * organisation that opened the thread (tax viewers of it); the DOST side is the leaders and the officer assigned to the
 * case. Messages are free text; notifications carry only the reference number (never prices or rates).
 */

type Side = { side: 'tax'; organisationIds: string[] } | { side: 'dost'; isLeader: boolean };

/** Which side the caller writes for: a tax viewer, or DOST staff (registration.process). */
async function callerSide(ctx: Ctx): Promise<Side> {
  if (can(ctx.actor, 'registration.tax_view')) return { side: 'tax', organisationIds: await taxViewerOrganisations(ctx) };
  assertCan(ctx.actor, 'registration.process');
  return { side: 'dost', isLeader: policy.isLeader(ctx.actor) };
}

async function caseFacts(ctx: Ctx, caseId: string): Promise<policy.CaseFacts & { referenceNo: string; officerId: string | null }> {
  const row = await getCase(ctx, caseId);
  const officerId = (await currentAssignments(ctx.db, [caseId])).get(caseId)?.officer?.userId ?? null;
  return { organisationId: row.organisationId, assignedOfficerId: officerId, referenceNo: row.referenceNo, officerId };
}

function mayWrite(side: Side, thread: TaxQueryRow, facts: policy.CaseFacts, actor: Ctx['actor']): boolean {
  return side.side === 'tax' ? isThreadTaxSide(side.organisationIds, thread) : policy.canHandle(actor, facts);
}

async function dostRecipients(ctx: Ctx, officerId: string | null): Promise<string[]> {
  const leaders = await userIdsWithPermission(ctx.db, 'registration.approve');
  return [...new Set([...leaders, ...(officerId ? [officerId] : [])])].filter((id) => id !== requireUser(ctx.actor).userId);
}

async function toThread(ctx: Ctx, thread: TaxQueryRow, referenceNo: string, canWrite: boolean, canClose: boolean): Promise<TaxQueryThread> {
  const messages = await q.listTaxQueryMessages(ctx.db, [thread.id]);
  return {
    id: thread.id,
    caseId: thread.caseId,
    referenceNo,
    organisationName: (await getOrganisationName(ctx.db, thread.organisationId)) ?? '',
    subject: thread.subject,
    status: thread.status,
    openedByName: messages[0]?.authorName ?? null,
    createdAt: thread.createdAt.toISOString(),
    updatedAt: thread.updatedAt.toISOString(),
    messages: messages.map((m) => ({ id: m.id, side: m.side, authorName: m.authorName, body: m.body, createdAt: m.createdAt.toISOString() })),
    canReply: canWrite && thread.status === 'open',
    canClose: canClose && thread.status === 'open',
  };
}

/** The threads of one case visible to tax organisations `organisationIds` (for the Tax view detail). */
export async function threadsOfCase(ctx: Ctx, input: { caseId: string; organisationIds: string[]; referenceNo: string }): Promise<TaxQueryThread[]> {
  const { rows } = await q.selectTaxQueries(ctx.db, { all: false, organisationIds: input.organisationIds, caseIds: [] }, { caseId: input.caseId, page: 1, pageSize: 100 });
  return Promise.all(rows.map(({ query }) => toThread(ctx, query, input.referenceNo, true, true)));
}

/**
 * A tax officer opens a query about a registered contract (plan IV.5: DOST and the Tax Department cooperate on
 * transfer pricing). Permission: registration.tax_view and the plan role. Audit: registration.tax_query.open (subject
 * only). Notifies DOST leaders and the assigned officer (reference number only).
 */
export async function openTaxQuery(ctx: Ctx, input: { caseId: string } & OpenTaxQueryInput): Promise<TaxQueryThread> {
  const organisationIds = await taxViewerOrganisations(ctx);
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findRegistered(tx.db, input.caseId))) throw new AppError('NOT_FOUND');
    const facts = await caseFacts(tx, input.caseId);
    const thread = await q.insertTaxQuery(tx.db, { caseId: input.caseId, organisationId: organisationIds[0]!, subject: input.subject, openedBy: user.userId });
    await q.insertTaxQueryMessage(tx.db, { queryId: thread.id, side: 'tax', body: input.body, authorUserId: user.userId, authorName: user.name });
    await recordAudit(tx, { action: 'registration.tax_query.open', objectType: 'case', objectId: input.caseId, organisationId: thread.organisationId, summary: { queryId: thread.id, subject: input.subject } });
    const link = `/work/registrations/tax-queries/${thread.id}`;
    await notify(tx, { userIds: await dostRecipients(tx, facts.officerId), kind: 'registration.tax_query', params: { referenceNo: facts.referenceNo }, link, email: true });
    return toThread(tx, thread, facts.referenceNo, true, true);
  });
}

/**
 * A message in an open thread, by its tax organisation or by DOST staff handling the case (leaders, the assigned
 * officer). Permission: registration.tax_view (+ plan role) or registration.process (+ handles the case).
 * Audit: registration.tax_query.reply. Notifies the other side (reference number only).
 */
export async function replyTaxQuery(ctx: Ctx, input: { queryId: string; body: string }): Promise<TaxQueryThread> {
  const side = await callerSide(ctx);
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const thread = await q.findTaxQuery(tx.db, input.queryId, { forUpdate: true });
    if (!thread) throw new AppError('NOT_FOUND');
    const facts = await caseFacts(tx, thread.caseId);
    if (!mayWrite(side, thread, facts, tx.actor)) throw new AppError('FORBIDDEN');
    if (thread.status !== 'open') throw new AppError('INVALID_TRANSITION', { status: thread.status });
    await q.insertTaxQueryMessage(tx.db, { queryId: thread.id, side: side.side, body: input.body, authorUserId: user.userId, authorName: user.name });
    await recordAudit(tx, { action: 'registration.tax_query.reply', objectType: 'case', objectId: thread.caseId, organisationId: thread.organisationId, summary: { queryId: thread.id, side: side.side } });
    const params = { referenceNo: facts.referenceNo };
    if (side.side === 'tax') {
      await notify(tx, { userIds: await dostRecipients(tx, facts.officerId), kind: 'registration.tax_query', params, link: `/work/registrations/tax-queries/${thread.id}`, email: true });
    } else {
      const members = (await memberIdsOf(tx.db, thread.organisationId, 'registration.tax_view')).filter((id) => id !== user.userId);
      await notify(tx, { userIds: members, kind: 'registration.tax_answer', params, link: `/tax/registrations/${thread.caseId}`, email: true });
    }
    const updated = (await q.findTaxQuery(tx.db, thread.id))!;
    return toThread(tx, updated, facts.referenceNo, true, side.side === 'tax' || (side.side === 'dost' && side.isLeader));
  });
}

/**
 * Closes an open thread: its tax organisation or a DOST leader. Permission: as replyTaxQuery, leaders only on the DOST
 * side. Audit: registration.tax_query.close.
 */
export async function closeTaxQuery(ctx: Ctx, input: { queryId: string }): Promise<TaxQueryThread> {
  const side = await callerSide(ctx);
  return inTransaction(ctx, async (tx) => {
    const thread = await q.findTaxQuery(tx.db, input.queryId, { forUpdate: true });
    if (!thread) throw new AppError('NOT_FOUND');
    const facts = await caseFacts(tx, thread.caseId);
    const allowed = side.side === 'tax' ? isThreadTaxSide(side.organisationIds, thread) : side.isLeader;
    if (!allowed) throw new AppError('FORBIDDEN');
    if (thread.status !== 'open') throw new AppError('INVALID_TRANSITION', { status: thread.status });
    await q.setTaxQueryStatus(tx.db, thread.id, 'closed');
    await recordAudit(tx, { action: 'registration.tax_query.close', objectType: 'case', objectId: thread.caseId, organisationId: thread.organisationId, summary: { queryId: thread.id, side: side.side } });
    return toThread(tx, (await q.findTaxQuery(tx.db, thread.id))!, facts.referenceNo, false, false);
  });
}

/** One thread with its messages, for its tax organisation or DOST staff handling the case. Reads are not audited. */
export async function getTaxQuery(ctx: Ctx, input: { queryId: string }): Promise<TaxQueryThread> {
  const side = await callerSide(ctx);
  const thread = await q.findTaxQuery(ctx.db, input.queryId);
  if (!thread) throw new AppError('NOT_FOUND');
  const facts = await caseFacts(ctx, thread.caseId);
  if (!mayWrite(side, thread, facts, ctx.actor)) throw new AppError('FORBIDDEN');
  return toThread(ctx, thread, facts.referenceNo, true, side.side === 'tax' || side.isLeader);
}

/**
 * Threads the caller may see, newest activity first: a tax user those of their organisations; a DOST leader all;
 * a DOST officer those on the cases assigned to them. Filtered in SQL.
 */
export async function listTaxQueries(ctx: Ctx, query: TaxQueryListQuery): Promise<TaxQueryPage> {
  const side = await callerSide(ctx);
  let scope: { all: boolean; organisationIds: string[]; caseIds: string[] };
  if (side.side === 'tax') scope = { all: false, organisationIds: side.organisationIds, caseIds: [] };
  else if (side.isLeader) scope = { all: true, organisationIds: [], caseIds: [] };
  else {
    const userId = requireUser(ctx.actor).userId;
    const threadCases = (await q.selectTaxQueries(ctx.db, { all: true, organisationIds: [], caseIds: [] }, { page: 1, pageSize: 100_000 })).rows.map((r) => r.query.caseId);
    const assigned = await currentAssignments(ctx.db, [...new Set(threadCases)]);
    scope = { all: false, organisationIds: [], caseIds: [...assigned].filter(([, a]) => a.officer?.userId === userId).map(([caseId]) => caseId) };
  }
  const { rows, total } = await q.selectTaxQueries(ctx.db, scope, query);
  const refs = new Map((await getCases(ctx.db, rows.map((r) => r.query.caseId))).map((row) => [row.id, row.referenceNo]));
  const items = await Promise.all(
    rows.map(async ({ query: thread, messageCount, lastMessageAt }) => ({
      id: thread.id,
      caseId: thread.caseId,
      referenceNo: refs.get(thread.caseId) ?? '',
      organisationName: (await getOrganisationName(ctx.db, thread.organisationId)) ?? '',
      subject: thread.subject,
      status: thread.status,
      openedByName: null,
      createdAt: thread.createdAt.toISOString(),
      updatedAt: thread.updatedAt.toISOString(),
      messageCount: Number(messageCount),
      lastMessageAt: lastMessageAt ? new Date(lastMessageAt).toISOString() : null,
    })),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}
