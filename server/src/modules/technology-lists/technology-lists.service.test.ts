import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_COLUMNS } from '../../../../common/src/api/technology-lists.js';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { listItemsInForce, listsVersionStamp } from './index.js';

const HEADER = TEMPLATE_COLUMNS.join(',');
const TABLES = ['technology_list_versions', 'technology_list_items', 'technology_list_imports'];

interface FilePart {
  name: string;
  content: Buffer;
}

function multipart(fields: Record<string, string>, file?: FilePart) {
  const boundary = `----tt${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart upload with the client's session cookie and CSRF token. */
async function upload(t: TestApp, client: Client, fields: Record<string, string>, file?: FilePart, locale = 'vi') {
  if (client.csrf === null) await client.refresh();
  const { payload, contentType } = multipart(fields, file);
  const cookies = ['__Host-tt_session', 'tt_session', '__Host-tt_csrf', 'tt_csrf']
    .map((name) => [name, client.cookie(name)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/technology-lists/imports',
    headers: { 'content-type': contentType, 'x-csrf-token': client.csrf ?? '', 'accept-language': locale, ...(cookies ? { cookie: cookies } : {}) },
    payload,
  });
  return { status: response.statusCode, body: response.json() as any };
}

const versionFields = (overrides: Record<string, string> = {}) => ({
  code: `T-${randomBytes(3).toString('hex')}`,
  sourceInstrument: 'Nghị định thử nghiệm',
  sourceInstrumentEn: 'Test decree',
  listTypes: 'encouraged,restricted,prohibited',
  // a period no stored version covers, so that only the problem a test is about shows
  validFrom: '1995-01-01',
  validTo: '1995-12-31',
  isComplete: 'true',
  verified: 'false',
  noteVi: 'Ghi chú',
  noteEn: 'Note',
  sourceUrl: 'https://example.org/decree',
  ...overrides,
});

const row = (cells: Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>>) =>
  TEMPLATE_COLUMNS.map((c) => {
    const value = cells[c] ?? '';
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(',');

const GOOD_ROWS = [
  row({ list_type: 'encouraged', appendix: 'I', item_no: '1', sector_code: 'C', direction: 'inbound_domestic', name_vi: 'Công nghệ sản xuất pin lithium', name_en: 'Lithium battery production', keywords_vi: 'pin; ắc quy', keywords_en: 'battery', verified: 'yes', source_url: 'https://example.org/a' }),
  row({ list_type: 'restricted', appendix: 'II', section: 'A. Từ nước ngoài vào Việt Nam', item_no: '1', sector_code: '10', direction: 'inbound_domestic', name_vi: 'Công nghệ chế biến thực phẩm dùng hóa chất', name_en: 'Food processing with chemicals', condition_vi: 'Công suất < 10 tấn/ngày', verified: 'no' }),
  row({ list_type: 'restricted', appendix: 'II', item_no: '2', sector_code: '1050', direction: 'outbound', name_vi: 'Công nghệ chế biến sữa truyền thống', name_en: 'Traditional dairy processing', verified: 'no' }),
  row({ list_type: 'prohibited', appendix: 'III', item_no: '1', direction: 'all', name_vi: 'Công nghệ, thiết bị "thử nghiệm"', name_en: 'Test equipment', verified: 'yes' }),
];
const goodCsv = (rows = GOOD_ROWS, bom = true) => Buffer.from(`${bom ? '\ufeff' : ''}${HEADER}\r\n${rows.join('\r\n')}\r\n`, 'utf8');

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('items');
  sheet.addRow([...TEMPLATE_COLUMNS]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function counts(t: TestApp) {
  return Promise.all(TABLES.map((table) => countRows(t.database, table)));
}

describe('national technology lists: public reads', () => {
  let t: TestApp;
  let visitor: Client;
  beforeAll(async () => {
    t = await createTestApp();
    visitor = new Client(t.app);
  });
  afterAll(() => t.close());

  it('lists the seeded versions with validity, completeness, verification and counts', async () => {
    const res = await visitor.get('/api/v1/technology-lists');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.versions.map((v: any) => [v.code, v]));
    expect(Object.keys(byCode).sort()).toEqual(['ND120-2014', 'ND133-2008', 'ND76-2018']);
    expect(byCode['ND76-2018']).toMatchObject({ validFrom: '2018-07-01', validTo: null, isComplete: false, verified: true, inForce: true, counts: { encouraged: 21, restricted: 0, prohibited: 1 } });
    expect(byCode['ND120-2014']).toMatchObject({ validFrom: '2015-02-01', validTo: '2018-06-30', verified: false, inForce: false, counts: { encouraged: 0, restricted: 8, prohibited: 13 } });
    expect(byCode['ND133-2008']).toMatchObject({ validFrom: '2008-12-31', validTo: '2015-01-31', verified: false, counts: { encouraged: 7, restricted: 0, prohibited: 0 } });
    expect(byCode['ND133-2008'].noteEn).toContain('SIGNING date');
    expect(byCode['ND76-2018'].noteVi).toContain('Phụ lục II');
  });

  it('answers the items in force on a date: today Decree 76, in 2016 Decree 120, in 2010 Decree 133', async () => {
    const today = await visitor.get('/api/v1/technology-lists/items?pageSize=100');
    expect(today.body.total).toBe(22);
    expect(today.body.versions.map((v: any) => v.code)).toEqual(['ND76-2018']);
    expect(new Set(today.body.items.map((i: any) => i.versionCode))).toEqual(new Set(['ND76-2018']));
    const in2016 = await visitor.get('/api/v1/technology-lists/items?at=2016-06-01&pageSize=5&page=2');
    expect(in2016.body).toMatchObject({ total: 21, page: 2, pageSize: 5, at: '2016-06-01' });
    expect(in2016.body.items).toHaveLength(5);
    const lastDay = await visitor.get('/api/v1/technology-lists/items?at=2018-06-30&pageSize=1');
    expect(lastDay.body.versions.map((v: any) => v.code)).toEqual(['ND120-2014']);
    const in2010 = await visitor.get('/api/v1/technology-lists/items?at=2010-01-01');
    expect(in2010.body.total).toBe(7);
    const before = await visitor.get('/api/v1/technology-lists/items?at=2000-01-01');
    expect(before.body).toMatchObject({ total: 0, versions: [] });
  });

  it('searches with or without diacritics, in English, and in keywords', async () => {
    const search = async (q: string, at = '2016-06-01') =>
      (await visitor.get(`/api/v1/technology-lists/items?at=${at}&q=${encodeURIComponent(q)}&pageSize=50`)).body.items.map((i: any) => i.nameVi);
    expect(await search('xi măng')).toEqual(['Công nghệ sản xuất xi măng lò đứng', 'Công nghệ sản xuất xi măng lò quay bằng phương pháp ướt']);
    expect(await search('XI MANG lo dung')).toEqual(['Công nghệ sản xuất xi măng lò đứng']);
    expect(await search('cement')).toEqual(expect.arrayContaining(['Công nghệ sản xuất xi măng lò đứng', 'Công nghệ sản xuất xi măng lò quay bằng phương pháp ướt']));
    expect(await search('dieu che ma tuy')).toEqual(['Công nghệ điều chế chất ma túy']);
    expect(await search('chrysotile')).toEqual(['Công nghệ sản xuất vật liệu xây dựng sử dụng amiăng trắng']);
    expect(await search('cloud seeding', '2024-01-01')).toEqual(['Công nghệ tác động vào thời tiết']);
    expect(await search('100%_', '2024-01-01')).toEqual([]);
  });

  it('filters by list type and direction (a direction also returns items for all directions) and sorts', async () => {
    const enc = await visitor.get('/api/v1/technology-lists/items?listType=encouraged&pageSize=1');
    expect(enc.body.total).toBe(21);
    const out = await visitor.get('/api/v1/technology-lists/items?direction=outbound');
    expect(out.body.items.map((i: any) => [i.listType, i.appendix, i.verified])).toEqual([['prohibited', 'III', false]]);
    const sorted = await visitor.get('/api/v1/technology-lists/items?at=2016-06-01&listType=prohibited&sort=name&order=desc&pageSize=2');
    expect(sorted.body.items[0].nameVi).toBe('Công nghệ vô hiệu hóa thiết bị đo, đếm, tính lượng điện năng');
    const bad = await visitor.get('/api/v1/technology-lists/items?listType=banned&at=2016-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('returns one version, and 404 for an unknown one (also for its items and export)', async () => {
    const list = await visitor.get('/api/v1/technology-lists');
    const nd120 = list.body.versions.find((v: any) => v.code === 'ND120-2014');
    const one = await visitor.get(`/api/v1/technology-lists/versions/${nd120.id}`);
    expect(one.body).toMatchObject({ code: 'ND120-2014', itemCount: 21 });
    const items = await visitor.get(`/api/v1/technology-lists/items?versionId=${nd120.id}&pageSize=100`);
    expect(items.body.total).toBe(21);
    expect(items.body.at).toBeNull();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await visitor.get(`/api/v1/technology-lists/versions/${missing}`)).status).toBe(404);
    expect((await visitor.get(`/api/v1/technology-lists/items?versionId=${missing}`)).status).toBe(404);
    expect((await visitor.get(`/api/v1/technology-lists/versions/${missing}/export`)).status).toBe(404);
  });

  it('gives other modules the items in force with their citation fields, and a stamp for caches', async () => {
    const items = await listItemsInForce(t.database.db, '2016-06-01');
    expect(items).toHaveLength(21);
    expect(items[0]).toMatchObject({ versionCode: 'ND120-2014', sourceInstrument: expect.stringContaining('120/2014'), verified: true });
    expect(items.every((i) => i.nameEn.length > 2 && i.keywordsEn.length > 0 && i.keywordsVi.length > 0)).toBe(true);
    expect(await listItemsInForce(t.database.db, '2018-07-01')).toHaveLength(22);
    expect(typeof (await listsVersionStamp(t.database.db))).toBe('string');
  });

  it('exports the filtered items and a version as CSV and XLSX with translated headers, escaping formula cells', async () => {
    // A formula-like text can only come from outside the importer (which refuses it): put one in directly.
    const [version] = await t.database.query<{ id: string }>(
      `INSERT INTO technology_list_versions (code, source_instrument, source_instrument_en, list_types, valid_from, valid_to, is_complete, verified)
       VALUES ('X-FORMULA', '=HYPERLINK("http://evil")', 'xx', '{encouraged}', '1990-01-01', '1990-12-31', false, false) RETURNING id`,
    );
    await t.database.query(
      `INSERT INTO technology_list_items (version_id, list_type, direction, name_vi, name_en, verified, keywords_vi) VALUES ($1, 'encouraged', 'all', '=cmd|'' /C calc''!A0', '+SUM(A1)', false, '{"@x"}')`,
      [version!.id],
    );
    const csv = await visitor.request('GET', `/api/v1/technology-lists/versions/${version!.id}/export?format=csv`, undefined, { 'accept-language': 'en' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('technology-list-X-FORMULA.csv');
    const text = String(csv.body);
    expect(text.startsWith('\ufeffVersion,Instrument,List')).toBe(true);
    expect(text).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(text).toContain("'+SUM(A1)");
    expect(text).toContain("'@x");
    expect(text).not.toMatch(/,=cmd/);

    const xlsx = await visitor.request('GET', `/api/v1/technology-lists/items/export?format=xlsx&at=1990-06-01`, undefined, { 'accept-language': 'vi' });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Phiên bản');
    expect(sheet.getRow(2).getCell(3).value).toBe('Khuyến khích chuyển giao');
    expect(sheet.getRow(2).getCell(9).value).toBe(`'=cmd|' /C calc'!A0`);
    expect(sheet.getRow(2).getCell(9).formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://evil")`);

    const template = await visitor.get('/api/v1/technology-lists/template?format=csv');
    expect(String(template.body)).toBe(`\ufeff${HEADER}\n`);
    const templateX = await visitor.request('GET', '/api/v1/technology-lists/template?format=xlsx');
    const tw = new ExcelJS.Workbook();
    await tw.xlsx.load(templateX.raw.rawPayload as unknown as ArrayBuffer);
    expect(tw.worksheets[0]!.getRow(1).values).toEqual([undefined, ...TEMPLATE_COLUMNS]);
  });
});

describe('national technology lists: importer', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientFor(t, await createUser(t.database, 'admin'));
  });
  afterAll(() => t.close());

  /** Expects a refusal with the given problems ([scope, row, column, code]) and no change to any list table. */
  async function expectRefused(fields: Record<string, string>, file: FilePart | undefined, expected: [string, number | null, string | null, string][]) {
    const before = await counts(t);
    const res = await upload(t, admin, fields, file);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400);
    expect(res.body.code).toBe('LIST_IMPORT_INVALID');
    expect(res.body.details.problems.map((p: any) => [p.scope, p.row, p.column, p.code])).toEqual(expected);
    expect(res.body.details.count).toBe(expected.length);
    for (const p of res.body.details.problems) expect(p.message).not.toContain('techLists.');
    expect(await counts(t)).toEqual(before);
    return res.body;
  }

  it('checks a file without storing anything (preview), then imports it as one audited transaction', async () => {
    const fields = versionFields({ code: 'TEST-2030', validFrom: '2030-01-01', validTo: '' });
    const file = { name: 'danh-mục.csv', content: goodCsv() };
    const before = await counts(t);
    const preview = await upload(t, admin, { ...fields, dryRun: 'true' }, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, versionId: null, rowCount: 4, counts: { encouraged: 1, restricted: 2, prohibited: 1 }, format: 'csv', fileName: 'danh-mục.csv' });
    expect(preview.body.closes.map((c: any) => [c.code, c.validTo])).toEqual([['ND76-2018', '2029-12-31']]);
    expect(await counts(t)).toEqual(before);

    const stampBefore = await listsVersionStamp(t.database.db);
    const done = await upload(t, admin, fields, file);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ dryRun: false, code: 'TEST-2030', rowCount: 4, sha256: preview.body.sha256 });
    expect(done.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await counts(t)).toEqual([before[0]! + 1, before[1]! + 4, before[2]! + 1]);
    expect(await listsVersionStamp(t.database.db)).not.toBe(stampBefore);

    const versions = (await admin.get('/api/v1/technology-lists')).body.versions;
    expect(versions.find((v: any) => v.code === 'ND76-2018').validTo).toBe('2029-12-31');
    expect(versions.find((v: any) => v.code === 'TEST-2030')).toMatchObject({ validFrom: '2030-01-01', validTo: null, isComplete: true, verified: false, itemCount: 4 });

    const audit = await t.database.query<{ action: string; summary: any }>(
      `SELECT action, summary FROM audit_events WHERE action LIKE 'technology_list.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['technology_list.version_closed', 'technology_list.imported']);
    expect(audit[0]!.summary).toMatchObject({ code: 'ND76-2018', after: { validTo: '2029-12-31' }, replacedBy: 'TEST-2030' });
    expect(audit[1]!.summary).toMatchObject({ sha256: done.body.sha256, rowCount: 4, counts: { encouraged: 1, restricted: 2, prohibited: 1 } });

    const imports = await admin.get('/api/v1/technology-lists/imports');
    expect(imports.body.items[0]).toMatchObject({ versionCode: 'TEST-2030', format: 'csv', rowCount: 4, sha256: done.body.sha256, createdByName: 'Test admin' });
    expect(imports.body.items[0].closedVersionIds).toHaveLength(1);

    // The imported items are read like the seeded ones: in force from 2030, filtered by sector (a section brings its divisions).
    const items = await admin.get('/api/v1/technology-lists/items?at=2030-06-01&sector=C&pageSize=50&sort=itemNo');
    expect(items.body.items.map((i: any) => i.vsicCode)).toEqual(['C', '10', '1050']);
    const division = await admin.get('/api/v1/technology-lists/items?at=2030-06-01&sector=10');
    expect(division.body.total).toBe(2);
    const quoted = await admin.get(`/api/v1/technology-lists/items?at=2030-06-01&q=${encodeURIComponent('"thử nghiệm"')}`);
    expect(quoted.body.items[0].nameVi).toBe('Công nghệ, thiết bị "thử nghiệm"');
    expect((await listItemsInForce(t.database.db, '2029-12-31')).every((i) => i.versionCode === 'ND76-2018')).toBe(true);
  });

  it('imports an XLSX file, closing the previous open-ended version', async () => {
    const content = await xlsxOf([
      ['encouraged', 'I', null, 1, 'J', 'inbound_domestic', 'Công nghệ trí tuệ nhân tạo', 'Artificial intelligence', null, null, 'AI; học máy', 'machine learning', 'yes', 'https://example.org/ai'],
      ['prohibited', 'III', null, 1, null, 'all', 'Công nghệ cấm thử', 'Banned test technology', null, null, null, null, 'no', null],
    ]);
    const res = await upload(t, admin, versionFields({ code: 'TEST-2031', validFrom: '2031-01-01', validTo: '' }), { name: 'list.xlsx', content });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ format: 'xlsx', rowCount: 2, counts: { encouraged: 1, restricted: 0, prohibited: 1 } });
    expect(res.body.closes.map((c: any) => [c.code, c.validTo])).toEqual([['TEST-2030', '2030-12-31']]);
    const ai = await admin.get('/api/v1/technology-lists/items?at=2031-02-01&q=hoc%20may');
    expect(ai.body.items.map((i: any) => [i.itemNo, i.keywordsVi])).toEqual([['1', ['AI', 'học máy']]]);
  });

  it('imports a closed period on a list type nobody covers then (before Decree 133/2008)', async () => {
    const rows = [row({ list_type: 'encouraged', direction: 'all', name_vi: 'Công nghệ cũ', name_en: 'Old technology', verified: 'no' })];
    const res = await upload(t, admin, versionFields({ listTypes: 'encouraged', validFrom: '2000-01-01', validTo: '2008-12-30' }), { name: 'old.csv', content: goodCsv(rows, false) });
    expect(res.status).toBe(201);
    expect(res.body.closes).toEqual([]);
  });

  it('refuses wrong, missing, duplicate and extra columns', async () => {
    const header = [...TEMPLATE_COLUMNS.filter((c) => c !== 'direction'), 'foo', 'name_vi'].join(',');
    await expectRefused(versionFields(), { name: 'x.csv', content: Buffer.from(`${header}\nencouraged\n`) }, [
      ['header', 1, 'foo', 'unknown_column'],
      ['header', 1, 'name_vi', 'duplicate_column'],
      ['header', 1, 'direction', 'missing_column'],
    ]);
    await expectRefused(versionFields(), { name: 'x.csv', content: Buffer.from(`${TEMPLATE_COLUMNS.join(';')}\nx\n`) }, [['header', 1, null, 'wrong_delimiter']]);
  });

  it('refuses duplicate item numbers and duplicate names within a list, naming the first row', async () => {
    const rows = [
      GOOD_ROWS[1]!,
      row({ list_type: 'restricted', appendix: 'II', item_no: '1', direction: 'all', name_vi: 'Khác', name_en: 'Other', verified: 'no' }),
      row({ list_type: 'restricted', appendix: 'II', item_no: '9', direction: 'all', name_vi: 'CÔNG NGHỆ chế biến thực phẩm  dùng hóa chất', name_en: 'Same', verified: 'no' }),
      row({ list_type: 'encouraged', appendix: 'I', item_no: '1', direction: 'all', name_vi: 'Công nghệ chế biến thực phẩm dùng hóa chất', name_en: 'Same in another list', verified: 'no' }),
    ];
    const body = await expectRefused(versionFields(), { name: 'x.csv', content: goodCsv(rows) }, [
      ['row', 3, 'item_no', 'duplicate_item_no'],
      ['row', 4, 'name_vi', 'duplicate_name'],
    ]);
    expect(body.details.problems[0].message).toBe('Trùng số thứ tự với dòng 2 (cùng loại danh mục và phụ lục).');
    expect(body.message).toBe('Tệp chưa được nhập: có 2 lỗi. Không có dữ liệu nào bị thay đổi.');
  });

  it('refuses bad enums, booleans, sector codes and URLs, with messages in the caller’s language', async () => {
    const rows = [row({ list_type: 'banned', direction: 'in', sector_code: 'Z', name_vi: 'Công nghệ X', name_en: 'X tech', verified: 'maybe', source_url: 'javascript:alert(1)' })];
    const before = await counts(t);
    const englishAdmin = await createUser(t.database, 'admin');
    await t.database.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [englishAdmin.id]);
    const res = await upload(t, await clientFor(t, englishAdmin), versionFields(), { name: 'x.csv', content: goodCsv(rows) }, 'en');
    expect(res.status).toBe(400);
    expect(res.body.details.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
      [2, 'list_type', 'invalid_list_type'],
      [2, 'direction', 'invalid_direction'],
      [2, 'sector_code', 'unknown_sector_code'],
      [2, 'verified', 'invalid_boolean'],
      [2, 'source_url', 'invalid_url'],
    ]);
    expect(res.body.details.problems[0].message).toBe('List type “banned” is not valid; use encouraged, restricted or prohibited.');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses invalid dates, an end before the start, missing fields and a taken code', async () => {
    await expectRefused(versionFields({ validFrom: '2030-02-30', listTypes: 'banned' }), { name: 'x.csv', content: goodCsv() }, [
      ['version', null, 'listTypes', 'invalid_field'],
      ['version', null, 'validFrom', 'invalid_field'],
    ]);
    await expectRefused(versionFields({ validFrom: '2040-01-01', validTo: '2039-12-31' }), { name: 'x.csv', content: goodCsv() }, [['version', null, 'validTo', 'valid_to_before_valid_from']]);
    const { code: _code, sourceInstrument: _s, ...missing } = versionFields();
    await expectRefused({ ...missing, sourceInstrument: ' ' }, { name: 'x.csv', content: goodCsv() }, [
      ['version', null, 'code', 'required'],
      ['version', null, 'sourceInstrument', 'required'],
    ]);
    await expectRefused(versionFields({ code: 'nd76-2018', validFrom: '2040-01-01', validTo: '' }), { name: 'x.csv', content: goodCsv() }, [['version', null, 'code', 'duplicate_version_code']]);
  });

  it('refuses a validity that overlaps a stored version on the same list type', async () => {
    const prohibitedOnly = [GOOD_ROWS[3]!];
    const body = await expectRefused(versionFields({ listTypes: 'prohibited', validFrom: '2017-01-01', validTo: '2017-12-31' }), { name: 'x.csv', content: goodCsv(prohibitedOnly) }, [
      ['version', null, 'validFrom', 'overlap'],
    ]);
    expect(body.details.problems[0].message).toContain('ND120-2014 (2015-02-01 – 2018-06-30)');
    // An open-ended version that also covers other lists is not closed automatically.
    await expectRefused(versionFields({ listTypes: 'prohibited', validFrom: '2035-01-01', validTo: '' }), { name: 'x.csv', content: goodCsv(prohibitedOnly) }, [
      ['version', null, 'validFrom', 'overlap_partial_predecessor'],
    ]);
    // Rows of a list the version does not cover.
    await expectRefused(versionFields({ listTypes: 'prohibited', validFrom: '1990-01-01', validTo: '1990-12-31' }), { name: 'x.csv', content: goodCsv() }, [
      ['row', 2, 'list_type', 'list_type_not_in_version'],
      ['row', 3, 'list_type', 'list_type_not_in_version'],
      ['row', 4, 'list_type', 'list_type_not_in_version'],
    ]);
  });

  it('refuses formula-injection cells in CSV and XLSX', async () => {
    const rows = [
      row({ list_type: 'encouraged', direction: 'all', name_vi: "=cmd|' /C calc'!A0", name_en: 'Tech', verified: 'yes' }),
      row({ list_type: 'encouraged', direction: 'all', name_vi: 'Công nghệ B', name_en: '+1+1', condition_vi: '-2', keywords_en: '@SUM(A1)', verified: 'yes' }),
    ];
    const body = await expectRefused(versionFields({ validFrom: '1991-01-01', validTo: '1991-12-31' }), { name: 'x.csv', content: goodCsv(rows) }, [
      ['row', 2, 'name_vi', 'formula'],
      ['row', 3, 'name_en', 'formula'],
      ['row', 3, 'condition_vi', 'formula'],
      ['row', 3, 'keywords_en', 'formula'],
    ]);
    expect(body.details.problems[0].message).toContain('giống công thức bảng tính');
    const content = await xlsxOf([['encouraged', null, null, null, null, 'all', { formula: 'CONCAT("Công ","nghệ")', result: 'Công nghệ' }, '=HYPERLINK("x")', null, null, null, null, 'yes', null]]);
    await expectRefused(versionFields({ validFrom: '1991-01-01', validTo: '1991-12-31' }), { name: 'x.xlsx', content }, [
      ['row', 2, 'name_vi', 'formula'],
      ['row', 2, 'name_en', 'formula'],
    ]);
  });

  it('refuses files that are not UTF-8, not XLSX, empty, header-only or too long', async () => {
    const fields = versionFields({ validFrom: '1992-01-01', validTo: '1992-12-31' });
    const latin1 = Buffer.from(`${HEADER}\nencouraged,,,,,all,C\xf4ng ngh\xea,Tech,,,,,yes,\n`, 'latin1');
    await expectRefused(fields, { name: 'x.csv', content: latin1 }, [['file', null, null, 'not_utf8']]);
    await expectRefused(fields, { name: 'x.xlsx', content: goodCsv() }, [['file', null, null, 'not_xlsx']]);
    await expectRefused(fields, { name: 'x.xlsx', content: Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(200)]) }, [['file', null, null, 'not_xlsx']]);
    await expectRefused(fields, { name: 'x.csv', content: Buffer.alloc(0) }, [['file', null, null, 'empty_file']]);
    await expectRefused(fields, undefined, [['file', null, null, 'empty_file']]);
    await expectRefused(fields, { name: 'x.csv', content: Buffer.from(`\ufeff${HEADER}\r\n`) }, [['file', null, null, 'no_data_rows']]);
    const many = Array.from({ length: 5001 }, (_, i) => row({ list_type: 'encouraged', direction: 'all', name_vi: `Công nghệ ${i}`, name_en: `Tech ${i}`, verified: 'no' }));
    await expectRefused(fields, { name: 'x.csv', content: goodCsv(many) }, [['file', null, null, 'too_many_rows']]);
  });

  it('refuses a file over the upload limit with 413 and stores nothing', async () => {
    const before = await counts(t);
    const big = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.alloc(21 * 1024 * 1024, 'a')]);
    const res = await upload(t, admin, versionFields(), { name: 'big.csv', content: big });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a request that is not multipart', async () => {
    const res = await admin.post('/api/v1/technology-lists/imports', { code: 'X' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('refuses callers without reference.manage and writes nothing', async () => {
    const before = await counts(t);
    const officer = await clientFor(t, await createUser(t.database, 'dost_officer'));
    const denied = await upload(t, officer, versionFields({ validFrom: '2050-01-01' }), { name: 'x.csv', content: goodCsv() });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const visitor = new Client(t.app);
    await visitor.refresh();
    const anonymous = await upload(t, visitor, versionFields({ validFrom: '2050-01-01' }), { name: 'x.csv', content: goodCsv() });
    expect(anonymous.status).toBe(401);
    expect((await officer.get('/api/v1/technology-lists/imports')).status).toBe(403);
    expect(await counts(t)).toEqual(before);
  });
});

describe('national technology lists: closing a version', () => {
  let t: TestApp;
  let admin: Client;
  let nd76: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientFor(t, await createUser(t.database, 'admin'));
    nd76 = (await admin.get('/api/v1/technology-lists')).body.versions.find((v: any) => v.code === 'ND76-2018').id;
  });
  afterAll(() => t.close());

  it('is refused to other roles, with nothing changed', async () => {
    const leader = await clientFor(t, await createUser(t.database, 'dost_leader'));
    const res = await leader.post(`/api/v1/technology-lists/versions/${nd76}/close`, { validTo: '2026-12-31' });
    expect(res.status).toBe(403);
    expect((await admin.get(`/api/v1/technology-lists/versions/${nd76}`)).body.validTo).toBeNull();
  });

  it('refuses an end before the start, closes once with an audit record, then refuses a second close', async () => {
    const early = await admin.post(`/api/v1/technology-lists/versions/${nd76}/close`, { validTo: '2018-06-30' });
    expect(early.status).toBe(400);
    expect(early.body.details.fields[0].path).toBe('validTo');
    const res = await admin.post(`/api/v1/technology-lists/versions/${nd76}/close`, { validTo: '2026-12-31' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'ND76-2018', validTo: '2026-12-31' });
    const [audit] = await t.database.query<{ summary: any }>(`SELECT summary FROM audit_events WHERE action = 'technology_list.version_closed'`);
    expect(audit!.summary).toMatchObject({ code: 'ND76-2018', after: { validTo: '2026-12-31' } });
    const again = await admin.post(`/api/v1/technology-lists/versions/${nd76}/close`, { validTo: '2027-12-31' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LIST_VERSION_CLOSED');
    expect((await listItemsInForce(t.database.db, '2027-01-01')).length).toBe(0);
    expect((await admin.post(`/api/v1/technology-lists/versions/00000000-0000-4000-8000-000000000000/close`, { validTo: '2027-12-31' })).status).toBe(404);
  });
});
