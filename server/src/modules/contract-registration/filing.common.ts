import type { z } from 'zod';
import type { DossierProblem } from '../../../../common/src/api/registration-dossier.js';
import type { RegistrationState } from '../../../../common/src/api/registration-filing.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { fieldErrorOf } from '../../core/http/errors.js';
import { currentAssignments, getCase, type CaseRow } from '../cases/index.js';
import { notify } from '../notifications/index.js';
import { userIdsWithPermission } from '../users/index.js';
import { isApplicant } from './registration.policy.js';
import { REGISTRATION_WORKFLOW, type RegistrationStatus } from './registration.workflow.js';

/** Helpers shared by the applicant's use cases (filing.*.ts). */

/** Statuses in which the applicant edits data and documents: a draft, or a dossier DOST asked to supplement. */
export const EDITABLE_STATUSES: readonly RegistrationStatus[] = ['draft', 'supplement_requested'];

/**
 * A registration case of the caller's own organisation; NOT_FOUND otherwise (another organisation's case is not
 * revealed). `forUpdate` locks the case row until the end of the transaction.
 */
export async function applicantCase(ctx: Ctx, caseId: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const row = await getCase(ctx, caseId, options);
  if (row.kind !== REGISTRATION_WORKFLOW.kind || !isApplicant(ctx.actor, row)) throw new AppError('NOT_FOUND');
  return row;
}

/** CONFLICT (with the current revision) when the caller saw an older revision. */
export function assertRevision(row: CaseRow, revision: number): void {
  if (row.revision !== revision) throw new AppError('CONFLICT', { currentRevision: row.revision });
}

/** INVALID_TRANSITION unless the applicant may still edit the dossier. */
export function assertEditable(row: CaseRow, action: string): void {
  if (!EDITABLE_STATUSES.includes(row.status as RegistrationStatus)) throw new AppError('INVALID_TRANSITION', { from: row.status, action });
}

export function stateOf(row: CaseRow): RegistrationState {
  return { id: row.id, referenceNo: row.referenceNo, status: row.status as RegistrationStatus, revision: row.revision };
}

/** The value at a schema issue's path in the data sent (undefined when absent). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/**
 * Schema issues of a step's data as translated field errors (400 VALIDATION_FAILED). A choice left empty is
 * "required", not "not in the list" (`data`: what was sent, to tell the two apart).
 */
export function schemaError(ctx: Ctx, issues: readonly z.core.$ZodIssue[], data?: unknown): AppError {
  return validationError(
    issues.map((issue) =>
      issue.code === 'invalid_value' && data !== undefined && valueAt(data, issue.path) === undefined
        ? { path: issue.path.join('.'), code: 'required', message: translate(ctx.locale, 'validation.required'), params: {} }
        : fieldErrorOf({ keyword: issue.code, instancePath: `/${issue.path.join('/')}`, message: issue.message, params: issue as unknown as Record<string, unknown> }, ctx.locale),
    ),
  );
}

/** Cross-field problems (`stepProblems`) as translated field errors. */
export function problemsError(ctx: Ctx, problems: readonly DossierProblem[]): AppError {
  return validationError(problems.map((p) => ({ path: p.field, code: p.code, message: translate(ctx.locale, `registrationFiling.problems.${p.code}`), params: {} })));
}

type FilingNotice = 'registration.submitted' | 'registration.supplemented' | 'registration.withdrawn' | 'registration.applicant_comment';

/**
 * Tells DOST about an applicant's step: the assigned officer when there is one, otherwise the leaders who
 * distribute cases. Parameters: the reference number only (never amounts or rates).
 */
export async function notifyDost(ctx: Ctx, row: CaseRow, kind: FilingNotice, options: { email?: boolean } = {}): Promise<void> {
  const officer = (await currentAssignments(ctx.db, [row.id])).get(row.id)?.officer;
  const userIds = officer ? [officer.userId] : await userIdsWithPermission(ctx.db, 'registration.assign');
  if (userIds.length === 0) return;
  await notify(ctx, { userIds, kind, params: { referenceNo: row.referenceNo }, link: `/work/registrations/${row.id}`, email: options.email ?? false });
}
