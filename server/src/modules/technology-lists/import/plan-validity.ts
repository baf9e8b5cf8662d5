/**
 * Step 3 of an import: the new version's code and validity against the stored versions. A version fully replaced by
 * the new one is closed; any other shared day on a shared list type is a problem.
 */
import type { ImportVersionFields, ListType } from '../../../../../common/src/api/technology-lists.js';
import type { Ctx } from '../../../core/context.js';
import * as q from '../technology-lists.queries.js';
import type { RawProblem } from './problems.js';
import { dayBefore } from '../../../../../common/src/dates.js';

export { dayBefore };

interface Span {
  validFrom: string;
  validTo: string | null;
}
/** Two validity spans (valid_to inclusive, null = open) share at least one day. */
export function spansOverlap(a: Span, b: Span): boolean {
  return (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);
}

export interface ExistingVersion extends Span {
  id: string;
  code: string;
  listTypes: readonly ListType[];
}

/** A stored open-ended version that the new one replaces, and its last day in force. */
export interface VersionClose {
  id: string;
  code: string;
  validTo: string;
}

/**
 * Validity check of a new version against the stored ones. A stored open-ended version that starts before the new one
 * and whose list types are all covered by the new one is replaced: it will close the day before (returned in
 * `closes`). Any other shared day on a shared list type is an overlap problem.
 */
export function planValidity(next: Span & { listTypes: readonly ListType[] }, existing: readonly ExistingVersion[]): { problems: RawProblem[]; closes: VersionClose[] } {
  const problems: RawProblem[] = [];
  const closes: VersionClose[] = [];
  for (const version of existing) {
    const shared = version.listTypes.filter((t) => next.listTypes.includes(t));
    if (shared.length === 0 || !spansOverlap(version, next)) continue;
    const replaced = version.validTo === null && version.validFrom < next.validFrom && version.listTypes.every((t) => next.listTypes.includes(t));
    if (replaced) {
      closes.push({ id: version.id, code: version.code, validTo: dayBefore(next.validFrom) });
      continue;
    }
    problems.push({
      scope: 'version',
      row: null,
      column: 'validFrom',
      code: version.validTo === null && version.validFrom < next.validFrom ? 'overlap_partial_predecessor' : 'overlap',
      params: { code: version.code, from: version.validFrom, to: version.validTo ?? '…', listTypes: shared.join(', ') },
    });
  }
  return { problems, closes };
}

/**
 * The new version against the database: its code is not taken (case-insensitive) and its validity passes
 * `planValidity`. Nothing to check without valid fields. Run once for the preview and again under the lists lock.
 */
export async function planVersion(db: Ctx['db'], fields: ImportVersionFields | null): Promise<{ problems: RawProblem[]; closes: VersionClose[] }> {
  if (!fields) return { problems: [], closes: [] };
  const found: RawProblem[] = [];
  if (await q.findVersionByCode(db, fields.code)) found.push({ scope: 'version', row: null, column: 'code', code: 'duplicate_version_code', params: { code: fields.code } });
  const validity = planValidity({ validFrom: fields.validFrom, validTo: fields.validTo, listTypes: fields.listTypes }, await q.listVersions(db));
  return { problems: [...found, ...validity.problems], closes: validity.closes };
}
