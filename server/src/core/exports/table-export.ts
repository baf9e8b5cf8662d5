import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type ExportFormat = 'csv' | 'xlsx';

/** One column of an exported table: its header (already translated) and how to read a row. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
  /** Column width in characters for XLSX (default 20). */
  width?: number;
}

export interface TableExport<T> {
  format: ExportFormat;
  /** File name without extension, ASCII or not (sent RFC 6266 style). */
  filename: string;
  sheetName: string;
  columns: ExportColumn<T>[];
  rows: readonly T[];
}

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection": = + - @ tab CR) is written as text by
 * prefixing an apostrophe. Numbers stay numbers; only strings are touched.
 */
export function escapeFormula<V>(value: V): V | string {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

function cellsOf<T>(columns: ExportColumn<T>[], row: T) {
  return columns.map((column) => {
    const value = column.value(row);
    return value === null || value === undefined ? '' : escapeFormula(value);
  });
}

/** Renders rows as CSV (UTF-8 with BOM, so spreadsheet programs read Vietnamese correctly) or as an XLSX workbook. */
export async function renderTable<T>(table: Omit<TableExport<T>, 'filename'>): Promise<Buffer> {
  if (table.format === 'csv') {
    const body = stringify([table.columns.map((c) => escapeFormula(c.header)), ...table.rows.map((row) => cellsOf(table.columns, row))], {
      cast: { boolean: (v) => (v ? 'true' : 'false') },
    });
    return Buffer.from(`\uFEFF${body}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hải Phòng Technology Transfer Platform';
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.columns = table.columns.map((c) => ({ header: String(escapeFormula(c.header)), width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) sheet.addRow(cellsOf(table.columns, row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The `produces` of an export route's schema (OpenAPI): CSV or XLSX. */
export const EXPORT_CONTENT_TYPES = ['text/csv', CONTENT_TYPES.xlsx];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Content-Disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-');
  const encoded = encodeURIComponent(filename.replace(LONE_SURROGATE, '\uFFFD')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a table as a download with safe headers (attachment, nosniff, no caching of possibly private data). */
export async function sendTable<T>(reply: FastifyReply, table: TableExport<T>): Promise<FastifyReply> {
  const body = await renderTable(table);
  return reply
    .header('content-type', CONTENT_TYPES[table.format])
    .header('content-disposition', attachmentHeader(`${table.filename}.${table.format}`))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(body);
}
