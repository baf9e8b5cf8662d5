/**
 * Reading and checking an uploaded list file (pure: no database). The template is documented in
 * docs/technology-list-template.md. Every problem is collected (never only the first), each with the spreadsheet row
 * number (header = row 1) and the template column, so the uploader can fix the whole file at once.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  IMPORT_MAX_ROWS,
  LIST_DIRECTIONS,
  LIST_TYPES,
  TEMPLATE_COLUMNS,
  type ListDirection,
  type ListType,
  type TemplateColumn,
} from '../../../../common/src/api/technology-lists.js';

export type ProblemScope = 'file' | 'header' | 'row' | 'version';

/** A problem before translation: `code` is a key under `techLists.importErrors.` and `params` fill its placeholders. */
export interface RawProblem {
  scope: ProblemScope;
  row: number | null;
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

export interface TableRow {
  rowNo: number;
  cells: string[];
  /** indexes of cells that are real spreadsheet formulas (XLSX) */
  formulas: Set<number>;
  /** indexes of cells that were typed as text (formula-looking text is only dangerous in text cells) */
  texts: Set<number>;
  /** indexes of cells holding a spreadsheet error value (#N/A…) */
  errors: Set<number>;
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export type FileFormat = 'csv' | 'xlsx';
export type ReadOutcome = { format: FileFormat; table: Table; problems: [] } | { format: FileFormat; table: null; problems: RawProblem[] };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const fileProblem = (code: string, params?: Record<string, string | number>): RawProblem => ({ scope: 'file', row: null, column: null, code, ...(params ? { params } : {}) });

/** Decides the format from the content (never from the name alone) and reads the first sheet / the CSV records. */
export async function readListFile(buffer: Buffer, fileName: string): Promise<ReadOutcome> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const isZip = buffer.length >= 4 && buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (buffer.length === 0) return { format: extension === 'xlsx' ? 'xlsx' : 'csv', table: null, problems: [fileProblem('empty_file')] };
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) return { format: 'xlsx', table: null, problems: [fileProblem('old_xls')] };
  if (extension === 'xlsx' || isZip) {
    if (!isZip) return { format: 'xlsx', table: null, problems: [fileProblem('not_xlsx')] };
    return readXlsx(buffer);
  }
  if (extension !== 'csv' && extension !== 'txt' && extension !== '') {
    return { format: 'csv', table: null, problems: [fileProblem('unsupported_format', { extension })] };
  }
  return readCsv(buffer);
}

function readCsv(buffer: Buffer): ReadOutcome {
  const fail = (problem: RawProblem): ReadOutcome => ({ format: 'csv', table: null, problems: [problem] });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer); // a leading BOM is consumed
  } catch {
    return fail(fileProblem('not_utf8'));
  }
  // UTF-16 text of ASCII letters is valid UTF-8 full of NUL bytes.
  if (text.includes('\u0000')) return fail(fileProblem('not_utf8'));
  if (text.trim() === '') return fail(fileProblem('empty_file'));
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fail(fileProblem('csv_malformed', { line: line ?? 0 }));
  }
  const rows: TableRow[] = [];
  records.forEach((cells, i) => {
    const everyCell = new Set(cells.map((_, k) => k));
    rows.push({ rowNo: i + 1, cells, formulas: new Set(), texts: everyCell, errors: new Set() });
  });
  return toTable('csv', rows);
}

function cellText(cell: ExcelJS.Cell): { text: string; formula: boolean; isText: boolean; error: boolean } {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return { text: '', formula: false, isText: false, error: false };
  if (typeof value === 'string') return { text: value, formula: false, isText: true, error: false };
  if (typeof value === 'number') return { text: String(value), formula: false, isText: false, error: false };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', formula: false, isText: false, error: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false, isText: false, error: false };
  const object = value as Record<string, unknown>;
  if ('formula' in object || 'sharedFormula' in object) return { text: String(object.result ?? ''), formula: true, isText: false, error: false };
  if ('error' in object) return { text: '', formula: false, isText: false, error: true };
  if (Array.isArray(object.richText)) {
    return { text: (object.richText as { text: string }[]).map((part) => part.text).join(''), formula: false, isText: true, error: false };
  }
  if ('text' in object) {
    const inner = object.text as unknown;
    const text = typeof inner === 'string' ? inner : Array.isArray((inner as { richText?: unknown })?.richText) ? (inner as { richText: { text: string }[] }).richText.map((p) => p.text).join('') : '';
    return { text, formula: false, isText: true, error: false };
  }
  return { text: '', formula: false, isText: false, error: true };
}

async function readXlsx(buffer: Buffer): Promise<ReadOutcome> {
  const fail = (code: string, params?: Record<string, string | number>): ReadOutcome => ({ format: 'xlsx', table: null, problems: [fileProblem(code, params)] });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return fail('not_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return fail('empty_file');
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) return fail('too_many_rows', { max: IMPORT_MAX_ROWS });
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = [];
    const formulas = new Set<number>();
    const texts = new Set<number>();
    const errors = new Set<number>();
    row.eachCell({ includeEmpty: true }, (cell, colNo) => {
      const { text, formula, isText, error } = cellText(cell);
      cells[colNo - 1] = text;
      if (formula) formulas.add(colNo - 1);
      if (isText) texts.add(colNo - 1);
      if (error) errors.add(colNo - 1);
    });
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
    rows.push({ rowNo, cells, formulas, texts, errors });
  });
  return toTable('xlsx', rows);
}

function toTable(format: FileFormat, allRows: TableRow[]): ReadOutcome {
  const rows = allRows.filter((r) => r.cells.some((c) => c.trim() !== '') || r.formulas.size > 0 || r.errors.size > 0);
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { format, table: null, problems: [fileProblem('empty_file')] };
  if (dataRows.length === 0) return { format, table: null, problems: [fileProblem('no_data_rows')] };
  if (dataRows.length > IMPORT_MAX_ROWS) return { format, table: null, problems: [fileProblem('too_many_rows', { max: IMPORT_MAX_ROWS })] };
  let header = headerRow.cells.map((c) => c.trim().toLowerCase());
  while (header.length > 0 && header[header.length - 1] === '') header = header.slice(0, -1);
  return { format, table: { header, rows: dataRows }, problems: [] };
}

/** Header problems: every template column exactly once, nothing else (any order). */
export function checkHeader(header: string[]): RawProblem[] {
  const problems: RawProblem[] = [];
  const at = (column: string | null, code: string, params?: Record<string, string | number>): RawProblem => ({ scope: 'header', row: 1, column, code, ...(params ? { params } : {}) });
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

export interface ValidItem {
  rowNo: number;
  listType: ListType;
  appendix: string | null;
  section: string | null;
  itemNo: string | null;
  vsicCode: string | null;
  direction: ListDirection;
  nameVi: string;
  nameEn: string;
  conditionVi: string | null;
  conditionEn: string | null;
  keywordsVi: string[];
  keywordsEn: string[];
  verified: boolean;
  sourceUrl: string | null;
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
 * Checks every data row against the template. `listTypes` are the ones the version covers; `isKnownSector` says
 * whether a VSIC code exists. Returns the valid items only when there is no problem at all.
 */
export function validateRows(table: Table, listTypes: readonly ListType[], isKnownSector: (code: string) => boolean): { items: ValidItem[]; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const index = new Map(table.header.map((name, i) => [name, i]));
  const items: ValidItem[] = [];
  const numbers = new Map<string, number>();
  const names = new Map<string, number>();

  for (const row of table.rows) {
    const before = problems.length;
    const add = (column: string | null, code: string, params?: Record<string, string | number>) =>
      problems.push({ scope: 'row', row: row.rowNo, column, code, ...(params ? { params } : {}) });

    if (row.cells.length > table.header.length && row.cells.slice(table.header.length).some((c) => c.trim() !== '')) {
      add(null, 'extra_cells', { expected: table.header.length });
    }
    const value: Partial<Record<TemplateColumn, string>> = {};
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
    const v = value as Record<TemplateColumn, string>;

    const listType = v.list_type as ListType;
    if (!v.list_type) add('list_type', 'required');
    else if (!(LIST_TYPES as readonly string[]).includes(v.list_type)) add('list_type', 'invalid_list_type', { value: v.list_type });
    else if (!listTypes.includes(listType)) add('list_type', 'list_type_not_in_version', { value: v.list_type });

    const direction = v.direction as ListDirection;
    if (!v.direction) add('direction', 'required');
    else if (!(LIST_DIRECTIONS as readonly string[]).includes(v.direction)) add('direction', 'invalid_direction', { value: v.direction });

    if (v.item_no && !/^[0-9A-Za-z][0-9A-Za-z.\-/]*$/.test(v.item_no)) add('item_no', 'invalid_item_no');
    const sector = v.sector_code.toUpperCase();
    if (sector && !/^[A-Z]$|^[0-9]{2,5}$/.test(sector)) add('sector_code', 'invalid_sector_code', { value: v.sector_code });
    else if (sector && !isKnownSector(sector)) add('sector_code', 'unknown_sector_code', { value: sector });

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

    if (listType && v.item_no) {
      const key = `${listType}\u0000${v.appendix.toUpperCase()}\u0000${v.item_no.toUpperCase()}`;
      const first = numbers.get(key);
      if (first !== undefined) add('item_no', 'duplicate_item_no', { first });
      else numbers.set(key, row.rowNo);
    }
    if (listType && v.name_vi) {
      const key = `${listType}\u0000${nameKey(v.name_vi)}`;
      const first = names.get(key);
      if (first !== undefined) add('name_vi', 'duplicate_name', { first });
      else names.set(key, row.rowNo);
    }

    if (problems.length === before) {
      items.push({
        rowNo: row.rowNo,
        listType,
        appendix: v.appendix || null,
        section: v.section || null,
        itemNo: v.item_no || null,
        vsicCode: sector || null,
        direction,
        nameVi: v.name_vi,
        nameEn: v.name_en,
        conditionVi: v.condition_vi || null,
        conditionEn: v.condition_en || null,
        keywordsVi: keywords.keywords_vi,
        keywordsEn: keywords.keywords_en,
        verified: TRUE_WORDS.has(verifiedWord),
        sourceUrl: urls.length > 0 ? urls.join(' | ') : null,
      });
    }
  }
  return { items: problems.length === 0 ? items : [], problems };
}

/** The day before an ISO date (YYYY-MM-DD). */
export function dayBefore(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

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

/**
 * Validity check of a new version against the stored ones. A stored open-ended version that starts before the new one
 * and whose list types are all covered by the new one is replaced: it will close the day before (returned in
 * `closes`). Any other shared day on a shared list type is an overlap problem.
 */
export function planValidity(next: Span & { listTypes: readonly ListType[] }, existing: readonly ExistingVersion[]) {
  const problems: RawProblem[] = [];
  const closes: { id: string; code: string; validTo: string }[] = [];
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
