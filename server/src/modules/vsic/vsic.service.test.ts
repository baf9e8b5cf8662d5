import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { vsicChildCodes, vsicCodeSet, vsicNames } from './index.js';

let t: TestApp;
let visitor: Client;
beforeAll(async () => {
  t = await createTestApp();
  visitor = new Client(t.app);
});
afterAll(() => t.close());

describe('VSIC 2018', () => {
  it('lists the 21 sections and 88 divisions of VSIC 2018 with the version, its source and its replacement note', async () => {
    const res = await visitor.get('/api/v1/vsic');
    expect(res.status).toBe(200);
    expect(res.body.version).toMatchObject({ code: 'VSIC2018', validFrom: '2018-08-20', validTo: '2025-11-14', isComplete: false, verified: true, codeCount: 109 });
    expect(res.body.version.noteEn).toContain('36/2025');
    expect(res.body.codes.filter((c: any) => c.level === 1)).toHaveLength(21);
    expect(res.body.codes.filter((c: any) => c.level === 2)).toHaveLength(88);
    expect(res.body.codes[0]).toMatchObject({ code: 'A', parentCode: null, nameEn: 'Agriculture, forestry and fishing', matched: true });
    expect(res.body.codes.find((c: any) => c.code === '01')).toMatchObject({ parentCode: 'A', level: 2 });
  });

  it('searches names with or without diacritics and in English; a matching division brings its section', async () => {
    const search = async (q: string) => (await visitor.get(`/api/v1/vsic?q=${encodeURIComponent(q)}`)).body.codes.map((c: any) => [c.code, c.matched]);
    const accented = await search('chế biến');
    expect(accented).toEqual(await search('CHE BIEN'));
    expect(accented).toContainEqual(['C', true]);
    expect(await search('fishing')).toEqual([['A', true], ['03', true]]);
    expect(await search('Manufacture of food products')).toEqual([['C', false], ['10', true]]);
    expect(await search('zzzz')).toEqual([]);
    expect(await search('%')).toEqual([]);
  });

  it('returns one code with its parent and children; 404 for an unknown code or version, 400 for a malformed one', async () => {
    const section = await visitor.get('/api/v1/vsic/C');
    expect(section.body.children.map((c: any) => c.code)).toEqual(Array.from({ length: 24 }, (_, i) => String(10 + i)));
    const division = await visitor.get('/api/v1/vsic/10');
    expect(division.body).toMatchObject({ code: '10', parent: { code: 'C' }, children: [] });
    expect((await visitor.get('/api/v1/vsic/c')).body.code).toBe('C');
    expect((await visitor.get('/api/v1/vsic/Z')).status).toBe(404);
    expect((await visitor.get('/api/v1/vsic/10?version=VSIC2025')).status).toBe(404);
    expect((await visitor.get('/api/v1/vsic?version=VSIC2025')).status).toBe(404);
    expect((await visitor.get('/api/v1/vsic/abc')).status).toBe(400);
  });

  it('exports CSV and XLSX with translated headers, for visitors and signed-in users alike', async () => {
    const csv = await visitor.request('GET', '/api/v1/vsic/export?format=csv&q=thuy%20san', undefined, { 'accept-language': 'en' });
    expect(csv.status).toBe(200);
    const lines = String(csv.body).replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Code,Level,Name (Vietnamese),"Name (English, ISIC Rev.4)",Parent code,Verified,Source');
    expect(lines.some((l) => l.startsWith('03,2,'))).toBe(true);
    const member = await clientFor(t, await createUser(t.database, 'enterprise_member'));
    const xlsx = await member.request('GET', '/api/v1/vsic/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(110);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('Mã');
  });

  it('gives other modules names by code, the code set and the children of a section', async () => {
    const names = await vsicNames(t.database.db, ['C', '10', ' 72 ', '04']);
    expect([...names.keys()].sort()).toEqual(['10', '72', 'C']);
    expect(names.get('72')).toMatchObject({ level: 2, parentCode: 'M', nameEn: 'Scientific research and development' });
    expect((await vsicNames(t.database.db, ['C'], 'VSIC2025')).size).toBe(0);
    expect((await vsicCodeSet(t.database.db)).size).toBe(109);
    expect(await vsicChildCodes(t.database.db, 'A')).toEqual(['01', '02', '03']);
  });
});
