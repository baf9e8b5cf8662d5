import type { CaseQueueItem } from '../../../../common/src/api/cases.js';
import {
  QUEUE_DEFAULT_STATUSES,
  type RegistrationQueue,
  type RegistrationQueueExportQuery,
  type RegistrationQueueItem,
  type RegistrationQueueQuery,
  type UserRef,
} from '../../../../common/src/api/registration-processing.js';
import { parseRiskFlags, sortRiskFlags } from '../../../../common/src/api/registration-risk.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, can, requireUser } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import type { TableExport } from '../../core/exports/table-export.js';
import * as cases from '../cases/index.js';
import { vietnamToday } from '../catalog/index.js';
import { userIdsWithPermission, userNames } from '../users/index.js';
import * as q from './processing.queries.js';
import * as policy from './registration.policy.js';

/** Most rows one export holds (a year's registrations are a few hundred). */
const EXPORT_MAX_ROWS = 10_000;
const EXPORT_PAGE = 500;

type QueueFilter = Omit<RegistrationQueueQuery, 'page' | 'pageSize'>;

/** The case core's filter for the caller: scope (mine / unassigned / all), statuses, dossier filters, search. */
function queueInput(ctx: Ctx, filter: QueueFilter, page: number, pageSize: number): cases.CaseQueueInput {
  const user = requireUser(ctx.actor);
  // A withdrawn case may be a draft never submitted: only dossiers once filed reach DOST (issue 5 item 7).
  const caseIdsIn = q.caseIdsMatching(ctx.db, { late: filter.late, flagged: filter.flagged, submittedOnly: filter.status === 'withdrawn' || undefined });
  return {
    kind: 'contract_registration',
    statuses: filter.status ? [filter.status] : QUEUE_DEFAULT_STATUSES,
    assignedUserId: filter.scope === 'mine' ? user.userId : undefined,
    unassignedOnly: filter.scope === 'unassigned',
    caseIdsIn,
    search: filter.q,
    sort: filter.sort,
    order: filter.order,
    page,
    pageSize,
    today: vietnamToday(),
  };
}

/** Adds the dossier summary to the lines whose dossier the caller may see (assigned officer, leaders). */
async function withSummaries(ctx: Ctx, items: readonly CaseQueueItem[]): Promise<RegistrationQueueItem[]> {
  const visible = items.filter((item) => policy.canHandle(ctx.actor, { organisationId: item.organisationId, assignedOfficerId: item.officer?.userId ?? null }));
  const summaries = new Map((await q.listQueueSummaries(ctx.db, visible.map((item) => item.id))).map((row) => [row.caseId, row]));
  return items.map((item) => {
    const row = summaries.get(item.id);
    const flags = row ? sortRiskFlags(parseRiskFlags(row.riskFlags)) : [];
    return {
      ...item,
      status: item.status as RegistrationQueueItem['status'],
      summary: row
        ? {
            purpose: row.purpose,
            transferorName: row.transferorName,
            transferorCountry: row.transferorCountry,
            technologyName: row.technologyName,
            isLate: row.isLate,
            flagCount: flags.length,
            highestSeverity: flags[0]?.severity ?? null,
          }
        : null,
    };
  });
}

/** DOST officers (registration.process, not leaders) a leader may assign, by name. */
async function assignableOfficers(ctx: Ctx): Promise<UserRef[]> {
  if (!can(ctx.actor, 'registration.assign')) return [];
  const [staff, leaders] = await Promise.all([userIdsWithPermission(ctx.db, 'registration.process'), userIdsWithPermission(ctx.db, 'registration.approve')]);
  const ids = staff.filter((id) => !leaders.includes(id));
  const names = await userNames(ctx.db, ids);
  return [...names].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * The DOST work queue of registrations: open cases by default, sorted by working days left on the statutory clock
 * (overdue first); filters status, scope (mine / unassigned / all), late filing, risk flags, search. Any DOST staff
 * member sees every line (reference, applicant, status, clock, officer); the dossier summary only on cases they
 * handle. Permission: registration.process. No audit (no confidential detail beyond what they handle).
 */
export async function listRegistrationQueue(ctx: Ctx, input: RegistrationQueueQuery): Promise<RegistrationQueue> {
  assertCan(ctx.actor, 'registration.process');
  const officers = assignableOfficers(ctx);
  const { items, total } = await cases.caseQueue(ctx, queueInput(ctx, input, input.page, input.pageSize));
  return { items: await withSummaries(ctx, items), total, page: input.page, pageSize: input.pageSize, officers: await officers };
}

/** Every line of the queue with the same filters (up to 10,000), for the CSV / XLSX export. */
async function allLines(ctx: Ctx, filter: QueueFilter): Promise<RegistrationQueueItem[]> {
  const lines: RegistrationQueueItem[] = [];
  for (let page = 1; lines.length < EXPORT_MAX_ROWS; page++) {
    const { items } = await cases.caseQueue(ctx, queueInput(ctx, filter, page, EXPORT_PAGE));
    lines.push(...(await withSummaries(ctx, items)));
    if (items.length < EXPORT_PAGE) break;
  }
  return lines.slice(0, EXPORT_MAX_ROWS);
}

/**
 * The queue as CSV or XLSX: the same lines and the same confidentiality (dossier columns empty on cases the caller
 * does not handle). Permission: registration.process.
 */
export async function exportRegistrationQueue(ctx: Ctx, input: RegistrationQueueExportQuery): Promise<TableExport<RegistrationQueueItem>> {
  assertCan(ctx.actor, 'registration.process');
  const rows = await allLines(ctx, input);
  const h = (key: string) => translate(ctx.locale, `registrationProcessing.export.${key}`);
  const t = (key: string) => translate(ctx.locale, key);
  return {
    format: input.format,
    filename: h('filename'),
    sheetName: h('sheet'),
    rows,
    columns: [
      { header: h('referenceNo'), value: (r) => r.referenceNo, width: 18 },
      { header: h('status'), value: (r) => t(`registrationProcessing.statuses.${r.status}`), width: 18 },
      { header: h('applicant'), value: (r) => r.organisationName, width: 36 },
      { header: h('receivedOn'), value: (r) => r.receivedOn ?? '', width: 12 },
      { header: h('clock'), value: (r) => (r.clockKind ? t(`registrationProcessing.clocks.${r.clockKind}`) : ''), width: 16 },
      { header: h('dueOn'), value: (r) => r.dueOn ?? '', width: 12 },
      { header: h('workingDaysLeft'), value: (r) => r.workingDaysLeft, width: 10 },
      { header: h('overdue'), value: (r) => (r.isOverdue ? t('registrationProcessing.export.yes') : ''), width: 10 },
      { header: h('paused'), value: (r) => (r.isClockPaused ? t('registrationProcessing.export.yes') : ''), width: 10 },
      { header: h('officer'), value: (r) => r.officer?.name ?? '', width: 24 },
      { header: h('transferor'), value: (r) => r.summary?.transferorName ?? '', width: 30 },
      { header: h('country'), value: (r) => r.summary?.transferorCountry ?? '', width: 8 },
      { header: h('technology'), value: (r) => r.summary?.technologyName ?? '', width: 40 },
      { header: h('late'), value: (r) => (r.summary?.isLate ? t('registrationProcessing.export.yes') : ''), width: 10 },
      { header: h('flags'), value: (r) => r.summary?.flagCount ?? '', width: 8 },
    ],
  };
}
