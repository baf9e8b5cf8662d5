import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_COLUMNS } from '../../../../common/src/api/technology-lists.js';
import { dayBefore, planValidity, spansOverlap } from './import/plan-validity.js';
import { readListFile, type Table } from './import/read-file.js';
import { checkHeader, validateRows } from './import/validate-rows.js';

const HEADER = TEMPLATE_COLUMNS.join(',');
const ROW = 'restricted,II,A,1,C,inbound_domestic,Công nghệ thử,Test technology,,,a; b,x,yes,https://example.org/a';
const known = (code: string) => ['C', '10'].includes(code) || code.startsWith('10');

async function table(csv: string): Promise<Table> {
  const read = await readListFile(Buffer.from(csv, 'utf8'), 'list.csv');
  expect(read.problems).toEqual([]);
  return read.table!;
}

describe('readListFile', () => {
  it('reads UTF-8 CSV with or without a BOM, skipping blank lines', async () => {
    const plain = await table(`${HEADER}\n${ROW}\n\n`);
    const bom = await readListFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\n${ROW}\n`)]), 'x.csv');
    expect(bom.table?.header).toEqual(plain.header);
    expect(plain.rows).toHaveLength(1);
    expect(plain.rows[0]!.rowNo).toBe(2);
    expect(plain.rows[0]!.cells[6]).toBe('Công nghệ thử');
  });

  it('refuses text that is not UTF-8 (Windows-1258 / Latin-1 bytes, UTF-16)', async () => {
    const latin1 = Buffer.from(`${HEADER}\nrestricted,II,,,,all,C\xf4ng ngh\xea,Tech,,,,,yes,\n`, 'latin1');
    expect((await readListFile(latin1, 'x.csv')).problems.map((p) => p.code)).toEqual(['not_utf8']);
    const utf16 = Buffer.from(`\ufeff${HEADER}\n`, 'utf16le');
    expect((await readListFile(utf16, 'x.csv')).problems.map((p) => p.code)).toEqual(['not_utf8']);
  });

  it('refuses empty files, header-only files, old .xls, fake .xlsx and other extensions', async () => {
    const codes = async (buffer: Buffer, name: string) => (await readListFile(buffer, name)).problems.map((p) => p.code);
    expect(await codes(Buffer.alloc(0), 'x.csv')).toEqual(['empty_file']);
    expect(await codes(Buffer.from('  \n\n'), 'x.csv')).toEqual(['empty_file']);
    expect(await codes(Buffer.from(`${HEADER}\n`), 'x.csv')).toEqual(['no_data_rows']);
    expect(await codes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'x.xls')).toEqual(['old_xls']);
    expect(await codes(Buffer.from(`${HEADER}\n${ROW}`), 'x.xlsx')).toEqual(['not_xlsx']);
    expect(await codes(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a zip at all')]), 'x.xlsx')).toEqual(['not_xlsx']);
    expect(await codes(Buffer.from('%PDF-1.4'), 'x.pdf')).toEqual(['unsupported_format']);
  });

  it('reports an unclosed quote with its line', async () => {
    const read = await readListFile(Buffer.from(`${HEADER}\n${ROW}\nrestricted,"II,\n`), 'x.csv');
    expect(read.problems[0]).toMatchObject({ scope: 'file', code: 'csv_malformed' });
  });

  it('reads XLSX cells: text, numbers, rich text, and flags real formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('items');
    sheet.addRow([...TEMPLATE_COLUMNS]);
    sheet.addRow(['encouraged', 'I', null, 12, 'C', 'all', { richText: [{ text: 'Công ' }, { text: 'nghệ' }] }, 'Tech', null, null, null, null, true, null]);
    sheet.addRow(['encouraged', 'I', null, 13, 'C', 'all', { formula: 'HYPERLINK("http://x","y")', result: 'Tính toán' }, 'Tech 2', null, null, null, null, 'no', null]);
    const read = await readListFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'x.xlsx');
    expect(read.format).toBe('xlsx');
    const rows = read.table!.rows;
    expect(rows[0]!.cells.slice(3, 7)).toEqual(['12', 'C', 'all', 'Công nghệ']);
    expect(rows[0]!.cells[12]).toBe('true');
    const checked = validateRows(read.table!, ['encouraged'], known);
    expect(checked.problems).toEqual([{ scope: 'row', row: 3, column: 'name_vi', code: 'formula' }]);
  });
});

describe('checkHeader', () => {
  it('accepts the template columns in any order and case', () => {
    expect(checkHeader([...TEMPLATE_COLUMNS].reverse())).toEqual([]);
  });
  it('names missing, unknown, duplicate and unnamed columns', () => {
    const header: string[] = [...TEMPLATE_COLUMNS.filter((c) => c !== 'direction'), 'foo', 'name_vi', ''];
    expect(checkHeader(header).map((p) => [p.column, p.code])).toEqual([
      ['foo', 'unknown_column'],
      ['name_vi', 'duplicate_column'],
      [null, 'empty_column_name'],
      ['direction', 'missing_column'],
    ]);
  });
  it('recognises a semicolon-separated file', () => {
    expect(checkHeader([TEMPLATE_COLUMNS.join(';')]).map((p) => p.code)).toEqual(['wrong_delimiter']);
  });
});

describe('validateRows', () => {
  it('turns a good row into an item (keywords split on ";", sector upper-cased, yes = true)', async () => {
    const { items, problems } = validateRows(await table(`${HEADER}\n${ROW.replace(',C,', ',c,')}\n`), ['restricted'], known);
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({ rowNo: 2, listType: 'restricted', vsicCode: 'C', keywordsVi: ['a', 'b'], keywordsEn: ['x'], verified: true, itemNo: '1' });
  });

  it('reports every bad cell of every row, with its row and column', async () => {
    const csv = [
      HEADER,
      'banned,II,,1,Z,in,Công nghệ A,Tech A,,,,,maybe,ftp://x',
      'restricted,II,,1,C,all,Công nghệ B,Tech B,,,,,no,',
      'restricted,II,,1,C,all,công  nghệ b,Tech B2,,,,,no,',
      'prohibited,III,,2,99,all,=cmd|\' /C calc\'!A0,+SUM(1),,,,,no,',
      'restricted,II,,3,,all,@x,-2,,,,,no,',
      'restricted,II,,4 a,,,X,,,,,,,',
    ].join('\n');
    const { items, problems } = validateRows(await table(csv), ['restricted', 'encouraged'], known);
    expect(items).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'list_type', 'invalid_list_type'],
      [2, 'direction', 'invalid_direction'],
      [2, 'sector_code', 'unknown_sector_code'],
      [2, 'verified', 'invalid_boolean'],
      [2, 'source_url', 'invalid_url'],
      [4, 'item_no', 'duplicate_item_no'],
      [4, 'name_vi', 'duplicate_name'],
      [5, 'name_vi', 'formula'],
      [5, 'name_en', 'formula'],
      [5, 'list_type', 'list_type_not_in_version'],
      [5, 'sector_code', 'unknown_sector_code'],
      [6, 'name_vi', 'formula'],
      [6, 'name_en', 'formula'],
      [7, 'direction', 'required'],
      [7, 'item_no', 'invalid_item_no'],
      [7, 'name_vi', 'too_short'],
      [7, 'name_en', 'required'],
      [7, 'verified', 'required'],
    ]);
    expect(problems.find((p) => p.code === 'duplicate_item_no')!.params).toEqual({ first: 3 });
  });

  it('flags cells longer than the limit, control characters and extra cells', async () => {
    const long = 'x'.repeat(1001);
    const csv = `${HEADER}\nrestricted,II,,,,all,${long},Tech,,,,,yes,,extra\nrestricted,II,,,,all,A\u0007B,Tech,,,,,yes,\n`;
    const { problems } = validateRows(await table(csv), ['restricted'], known);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, null, 'extra_cells'],
      [2, 'name_vi', 'too_long'],
      [3, 'name_vi', 'control_characters'],
    ]);
  });
});

describe('validity planning', () => {
  const nd76 = { id: 'a', code: 'ND76', listTypes: ['encouraged', 'restricted', 'prohibited'] as const, validFrom: '2018-07-01', validTo: null };
  const nd120 = { id: 'b', code: 'ND120', listTypes: ['restricted', 'prohibited'] as const, validFrom: '2015-02-01', validTo: '2018-06-30' };

  it('computes the day before across months and leap years', () => {
    expect(dayBefore('2030-01-01')).toBe('2029-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('treats valid_to as inclusive', () => {
    expect(spansOverlap({ validFrom: '2015-02-01', validTo: '2018-06-30' }, { validFrom: '2018-06-30', validTo: null })).toBe(true);
    expect(spansOverlap({ validFrom: '2015-02-01', validTo: '2018-06-30' }, { validFrom: '2018-07-01', validTo: null })).toBe(false);
  });

  it('closes an open-ended predecessor that the new version fully replaces', () => {
    const plan = planValidity({ validFrom: '2030-01-01', validTo: null, listTypes: ['encouraged', 'restricted', 'prohibited'] }, [nd76, nd120]);
    expect(plan).toEqual({ problems: [], closes: [{ id: 'a', code: 'ND76', validTo: '2029-12-31' }] });
  });

  it('refuses an overlap with a closed version and a partial replacement of an open one', () => {
    const closed = planValidity({ validFrom: '2017-01-01', validTo: '2017-12-31', listTypes: ['prohibited'] }, [nd76, nd120]);
    expect(closed.problems.map((p) => [p.code, p.params?.code])).toEqual([['overlap', 'ND120']]);
    const partial = planValidity({ validFrom: '2030-01-01', validTo: null, listTypes: ['restricted'] }, [nd76, nd120]);
    expect(partial.problems.map((p) => p.code)).toEqual(['overlap_partial_predecessor']);
    const before = planValidity({ validFrom: '2010-01-01', validTo: null, listTypes: ['encouraged'] }, [nd76]);
    expect(before.problems.map((p) => p.code)).toEqual(['overlap']);
  });

  it('accepts a version on other list types or in a free period', () => {
    expect(planValidity({ validFrom: '2016-01-01', validTo: '2016-12-31', listTypes: ['encouraged'] }, [nd76, nd120]).problems).toEqual([]);
    expect(planValidity({ validFrom: '2000-01-01', validTo: '2015-01-31', listTypes: ['prohibited'] }, [nd76, nd120]).problems).toEqual([]);
  });
});
