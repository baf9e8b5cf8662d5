/** Steps 1 and 2 of an import, for the file: read it, check its header, then every row. */
import type { ListType } from '../../../../../common/src/api/technology-lists.js';
import type { Ctx } from '../../../core/context.js';
import { vsicCodeSet } from '../../vsic/index.js';
import type { RawProblem } from './problems.js';
import { readListFile, type FileFormat } from './read-file.js';
import { checkHeader, validateRows, type ValidItem } from './validate-rows.js';

export interface FileCheck {
  format: FileFormat;
  /** data rows read (0 when the file could not be read) */
  rowCount: number;
  /** the valid items, only when there is no problem at all */
  items: ValidItem[];
  problems: RawProblem[];
}

/**
 * Reads the file and checks it against the template. Rows are only checked under a correct header; a sector code is
 * known when it is in the VSIC catalog or its two-digit division is.
 */
export async function checkListFile(db: Ctx['db'], file: { buffer: Buffer; fileName: string }, listTypes: readonly ListType[]): Promise<FileCheck> {
  const read = await readListFile(file.buffer, file.fileName);
  if (!read.table) return { format: read.format, rowCount: 0, items: [], problems: read.problems };
  const rowCount = read.table.rows.length;
  const headerProblems = checkHeader(read.table.header);
  if (headerProblems.length > 0) return { format: read.format, rowCount, items: [], problems: headerProblems };
  const known = await vsicCodeSet(db);
  const isKnown = (code: string) => known.has(code) || (code.length > 2 && known.has(code.slice(0, 2)));
  const checked = validateRows(read.table, listTypes, isKnown);
  return { format: read.format, rowCount, items: checked.items, problems: checked.problems };
}
