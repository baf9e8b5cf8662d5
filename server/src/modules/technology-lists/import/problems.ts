/**
 * Import problems: collected untranslated while the file and the version fields are checked, then sent back as one
 * LIST_IMPORT_INVALID error in the uploader's language.
 */
import type { ImportProblem } from '../../../../../common/src/api/technology-lists.js';
import { translate } from '../../../../../common/src/i18n/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';

export type ProblemScope = 'file' | 'header' | 'row' | 'version';

/** A problem before translation: `code` is a key under `techLists.importErrors.` and `params` fill its placeholders. */
export interface RawProblem {
  scope: ProblemScope;
  row: number | null;
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

/** At most this many problems are sent back (the total is always given). */
const MAX_PROBLEMS = 500;

function translateProblems(ctx: Ctx, problems: RawProblem[]): ImportProblem[] {
  return problems.slice(0, MAX_PROBLEMS).map((p) => ({
    scope: p.scope,
    row: p.row,
    column: p.column,
    code: p.code,
    message: translate(ctx.locale, `techLists.importErrors.${p.code}`, { ...p.params, column: p.column ?? '', row: p.row ?? '' }),
  }));
}

/** The error that rejects an import: every problem counted, the first MAX_PROBLEMS translated. */
export function importInvalidError(ctx: Ctx, problems: RawProblem[]): AppError {
  return new AppError('LIST_IMPORT_INVALID', { count: problems.length, truncated: problems.length > MAX_PROBLEMS, problems: translateProblems(ctx, problems) });
}
