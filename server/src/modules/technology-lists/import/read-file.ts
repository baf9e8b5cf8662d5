/**
 * Step 1 of an import: reading an uploaded list file (pure: no database). The template is documented in
 * docs/technology-list-template.md. The format is decided from the content; problems carry the template column and
 * the spreadsheet row number (header = row 1) so the uploader can fix the whole file at once.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS } from '../../../../../common/src/api/technology-lists.js';
import type { RawProblem } from './problems.js';

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
