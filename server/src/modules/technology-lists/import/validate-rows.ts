/**
 * Step 2 of an import: checking the header and every data row against the template (pure: no database). Every problem
 * is collected (never only the first), with the spreadsheet row number and the template column.
 */
import {
  LIST_DIRECTIONS,
  LIST_TYPES,
  TEMPLATE_COLUMNS,
  type ListDirection,
  type ListItemFields,
  type ListType,
  type TemplateColumn,
} from '../../../../../common/src/api/technology-lists.js';
import type { RawProblem } from './problems.js';
import type { Table, TableRow } from './read-file.js';

type Params = Record<string, string | number>;
type AddProblem = (column: string | null, code: string, params?: Params) => void;
/** The trimmed text of each template column in one row. */
type RowValues = Record<TemplateColumn, string>;

/** Header problems: every template column exactly once, nothing else (any order). */
export function checkHeader(header: string[]): RawProblem[] {
  const problems: RawProblem[] = [];
  const at = (column: string | null, code: string, params?: Params): RawProblem => ({ scope: 'header', row: 1, column, code, ...(params ? { params } : {}) });
  if (header.length === 1 && (header[0]!.includes(';') || header[0]!.includes('\t'))) return [at(null, 'wrong_delimiter')];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') problems.push(at(null, 'empty_column_name', { position: i + 1 }));
    else if (!(TEMPLATE_COLUMNS as readonly string[]).includes(name)) problems.push(at(name, 'unknown_column', { position: i + 1 }));
    else if (seen.has(name)) problems.push(at(name, 'duplicate_column'));
    seen.add(name);
  });
  for (const column of TEMPLATE_COLUMNS) if (!seen.has(column)) problems.push(at(column, 'missing_column'));
  return problems;
}

export interface ValidItem extends ListItemFields {
  rowNo: number;
}

const LIMITS: Record<TemplateColumn, number> = {
  list_type: 20,
  appendix: 20,
  section: 500,
  item_no: 20,
  sector_code: 5,
  direction: 20,
  name_vi: 1000,
  name_en: 1000,
  condition_vi: 2000,
  condition_en: 2000,
  keywords_vi: 2000,
  keywords_en: 2000,
  verified: 10,
  source_url: 2000,
};
const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const TRUE_WORDS = new Set(['yes', 'true', '1', 'có', 'co']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'không', 'khong']);

/** Lower case, single spaces: two names that differ only in spacing or case are the same name. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function splitKeywords(value: string): string[] {
  return [...new Set(value.split(';').map((k) => k.trim()).filter(Boolean))];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The row's values by template column. Cells beyond the header, formulas (real ones, or text that a spreadsheet would
 * run as one), error values, control characters and over-long text are problems.
 */
function readRowValues(row: TableRow, header: string[], index: Map<string, number>, add: AddProblem): RowValues {
  if (row.cells.length > header.length && row.cells.slice(header.length).some((c) => c.trim() !== '')) {
    add(null, 'extra_cells', { expected: header.length });
  }
  const value: Partial<RowValues> = {};
  for (const column of TEMPLATE_COLUMNS) {
    const i = index.get(column)!;
    const raw = row.cells[i] ?? '';
    const text = raw.trim();
    value[column] = text;
    if (row.formulas.has(i)) add(column, 'formula');
    else if (row.texts.has(i) && FORMULA_START.test(raw.replace(/^ +/, ''))) add(column, 'formula');
    if (row.errors.has(i)) add(column, 'cell_error');
    if (CONTROL.test(raw)) add(column, 'control_characters');
    if (text.length > LIMITS[column]) add(column, 'too_long', { max: LIMITS[column] });
  }
  return value as RowValues;
}

/** List type (one the version covers), direction, item number and sector code (a known VSIC code). */
function checkCodes(v: RowValues, listTypes: readonly ListType[], isKnownSector: (code: string) => boolean, add: AddProblem): void {
  if (!v.list_type) add('list_type', 'required');
  else if (!(LIST_TYPES as readonly string[]).includes(v.list_type)) add('list_type', 'invalid_list_type', { value: v.list_type });
  else if (!listTypes.includes(v.list_type as ListType)) add('list_type', 'list_type_not_in_version', { value: v.list_type });

  if (!v.direction) add('direction', 'required');
  else if (!(LIST_DIRECTIONS as readonly string[]).includes(v.direction)) add('direction', 'invalid_direction', { value: v.direction });

  if (v.item_no && !/^[0-9A-Za-z][0-9A-Za-z.\-/]*$/.test(v.item_no)) add('item_no', 'invalid_item_no');
  const sector = v.sector_code.toUpperCase();
  if (sector && !/^[A-Z]$|^[0-9]{2,5}$/.test(sector)) add('sector_code', 'invalid_sector_code', { value: v.sector_code });
  else if (sector && !isKnownSector(sector)) add('sector_code', 'unknown_sector_code', { value: sector });
}

interface RowTexts {
  keywordsVi: string[];
  keywordsEn: string[];
  verified: boolean;
  urls: string[];
}

/** Names (both languages), keywords, the verified flag (yes/no words in either language) and source links. */
function checkTexts(v: RowValues, add: AddProblem): RowTexts {
  for (const column of ['name_vi', 'name_en'] as const) {
    if (!v[column]) add(column, 'required');
    else if (v[column].length < 2) add(column, 'too_short', { min: 2 });
  }
  const keywords = { keywords_vi: splitKeywords(v.keywords_vi), keywords_en: splitKeywords(v.keywords_en) };
  for (const column of ['keywords_vi', 'keywords_en'] as const) {
    if (keywords[column].length > 30) add(column, 'too_many_keywords', { max: 30 });
    if (keywords[column].some((k) => k.length > 100)) add(column, 'keyword_too_long', { max: 100 });
  }
  const verifiedWord = v.verified.toLowerCase();
  if (!verifiedWord) add('verified', 'required');
  else if (!TRUE_WORDS.has(verifiedWord) && !FALSE_WORDS.has(verifiedWord)) add('verified', 'invalid_boolean', { value: v.verified });
  const urls = v.source_url ? v.source_url.split('|').map((u) => u.trim()).filter(Boolean) : [];
  if (urls.some((u) => !isHttpUrl(u))) add('source_url', 'invalid_url');
  return { keywordsVi: keywords.keywords_vi, keywordsEn: keywords.keywords_en, verified: TRUE_WORDS.has(verifiedWord), urls };
}

/**
 * A check that remembers the first row of each item number (per list type and appendix) and of each Vietnamese name
 * (per list type), and reports a later row that repeats one.
 */
function duplicateCheck(): (rowNo: number, v: RowValues, add: AddProblem) => void {
  const numbers = new Map<string, number>();
  const names = new Map<string, number>();
  const firstRowOf = (seen: Map<string, number>, key: string, rowNo: number) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, rowNo);
    return first;
  };
  return (rowNo, v, add) => {
    if (v.list_type && v.item_no) {
      const first = firstRowOf(numbers, `${v.list_type}\u0000${v.appendix.toUpperCase()}\u0000${v.item_no.toUpperCase()}`, rowNo);
      if (first !== undefined) add('item_no', 'duplicate_item_no', { first });
    }
    if (v.list_type && v.name_vi) {
      const first = firstRowOf(names, `${v.list_type}\u0000${nameKey(v.name_vi)}`, rowNo);
      if (first !== undefined) add('name_vi', 'duplicate_name', { first });
    }
  };
}

function toValidItem(rowNo: number, v: RowValues, texts: RowTexts): ValidItem {
  return {
    rowNo,
    listType: v.list_type as ListType,
    appendix: v.appendix || null,
    section: v.section || null,
    itemNo: v.item_no || null,
    vsicCode: v.sector_code.toUpperCase() || null,
    direction: v.direction as ListDirection,
    nameVi: v.name_vi,
    nameEn: v.name_en,
    conditionVi: v.condition_vi || null,
    conditionEn: v.condition_en || null,
    keywordsVi: texts.keywordsVi,
    keywordsEn: texts.keywordsEn,
    verified: texts.verified,
    sourceUrl: texts.urls.length > 0 ? texts.urls.join(' | ') : null,
  };
}

/**
 * Checks every data row against the template. `listTypes` are the ones the version covers; `isKnownSector` says
 * whether a VSIC code exists. Returns the valid items only when there is no problem at all.
 */
export function validateRows(table: Table, listTypes: readonly ListType[], isKnownSector: (code: string) => boolean): { items: ValidItem[]; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const index = new Map(table.header.map((name, i) => [name, i]));
  const checkDuplicates = duplicateCheck();
  const items: ValidItem[] = [];
  for (const row of table.rows) {
    const before = problems.length;
    const add: AddProblem = (column, code, params) => {
      problems.push({ scope: 'row', row: row.rowNo, column, code, ...(params ? { params } : {}) });
    };
    const values = readRowValues(row, table.header, index, add);
    checkCodes(values, listTypes, isKnownSector, add);
    const texts = checkTexts(values, add);
    checkDuplicates(row.rowNo, values, add);
    if (problems.length === before) items.push(toValidItem(row.rowNo, values, texts));
  }
  return { items: problems.length === 0 ? items : [], problems };
}
