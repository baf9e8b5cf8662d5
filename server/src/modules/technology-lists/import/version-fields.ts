/** Step 2 of an import, for the form: the version fields sent with the file (pure: no database). */
import { ImportVersionFields } from '../../../../../common/src/api/technology-lists.js';
import type { RawProblem } from './problems.js';

/** One problem per invalid field: `required` when it was left empty, `invalid_field` otherwise. */
function fieldProblems(sent: Record<string, string>, error: { issues: { path: PropertyKey[] }[] }): RawProblem[] {
  const seen = new Set<string>();
  const problems: RawProblem[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    const empty = sent[field] === undefined || sent[field].trim() === '';
    problems.push({ scope: 'version', row: null, column: field, code: empty ? 'required' : 'invalid_field' });
  }
  return problems;
}

/** The parsed version fields (null when any is invalid) and their problems, including a valid_to before valid_from. */
export function checkVersionFields(sent: Record<string, string>): { fields: ImportVersionFields | null; problems: RawProblem[] } {
  const parsed = ImportVersionFields.safeParse(sent);
  if (!parsed.success) return { fields: null, problems: fieldProblems(sent, parsed.error) };
  const fields = parsed.data;
  const problems: RawProblem[] = [];
  if (fields.validTo && fields.validTo < fields.validFrom) {
    problems.push({ scope: 'version', row: null, column: 'validTo', code: 'valid_to_before_valid_from' });
  }
  return { fields, problems };
}
