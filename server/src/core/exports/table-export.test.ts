import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachmentHeader, escapeFormula, renderTable } from './table-export.js';

const columns = [
  { header: 'Mã', value: (r: { code: string; n: number }) => r.code },
  { header: 'Số', value: (r: { code: string; n: number }) => r.n },
];
const rows = [
  { code: '=cmd|"/c calc"!A1', n: 1 },
  { code: 'Công nghệ sinh học', n: -2 },
];

describe('table export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and only those', () => {
    expect(escapeFormula('=1+1')).toBe("'=1+1");
    expect(escapeFormula('+84 912')).toBe("'+84 912");
    expect(escapeFormula('-x')).toBe("'-x");
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('Công nghệ')).toBe('Công nghệ');
    expect(escapeFormula(-2)).toBe(-2);
  });

  it('writes CSV with a BOM, Vietnamese intact and formulas escaped', async () => {
    const text = (await renderTable({ format: 'csv', sheetName: 'x', columns, rows })).toString('utf8');
    expect(text.startsWith('\uFEFFMã,Số\n')).toBe(true);
    expect(text).toContain(`"'=cmd|""/c calc""!A1",1`);
    expect(text).toContain('Công nghệ sinh học,-2');
  });

  it('writes XLSX whose cells hold text, not formulas', async () => {
    const buffer = await renderTable({ format: 'xlsx', sheetName: 'Danh mục', columns, rows });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Danh mục')!;
    expect(sheet.getCell('A1').value).toBe('Mã');
    expect(sheet.getCell('A2').value).toBe(`'=cmd|"/c calc"!A1`);
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B3').value).toBe(-2);
  });

  it('names the download in ASCII and in UTF-8', () => {
    expect(attachmentHeader('danh-mục.csv')).toBe(`attachment; filename="danh-muc.csv"; filename*=UTF-8''danh-m%E1%BB%A5c.csv`);
    // RFC 5987 attr-char excludes ' ( ) *; a lone surrogate (a broken upload name) must not throw a URIError
    expect(attachmentHeader("QĐ (1)*'.pdf")).toBe(`attachment; filename="QD-1-.pdf"; filename*=UTF-8''Q%C4%90%20%281%29%2A%27.pdf`);
    expect(attachmentHeader('a\uD800b.pdf')).toBe(`attachment; filename="a-b.pdf"; filename*=UTF-8''a%EF%BF%BDb.pdf`);
  });
});
