import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { expandQuery } from './glossary.service.js';

let t: TestApp;
let admin: Client;
let enterprise: Client;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await clientFor(t, await createUser(t.database, 'admin'));
  enterprise = await clientFor(t, await createUser(t.database, 'enterprise_admin'));
  officer = await clientFor(t, await createUser(t.database, 'dost_officer'));
});
afterAll(() => t.close());

const auditCount = async (action: string) => Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM audit_events WHERE action = $1', [action]))[0]!.n);

describe('GET /api/v1/exchange/glossary', () => {
  it('lists the seeded terms for an administrator, searching both languages without accents, with filters, sort and pages', async () => {
    const res = await admin.get('/api/v1/exchange/glossary?q=thuy%20san&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(3);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items.map((i: { termVi: string }) => i.termVi)).toContain('chế biến thủy sản');

    const english = await admin.get('/api/v1/exchange/glossary?q=SHIPBUILDING');
    expect(english.body.items[0]).toMatchObject({ termVi: 'đóng tàu', termEn: 'shipbuilding', sectorCode: '1.8', source: 'seed', isActive: true });

    const sector = await admin.get('/api/v1/exchange/glossary?sector=1.6&sort=termEn&order=desc&pageSize=100');
    expect(sector.body.items.every((i: { sectorCode: string }) => i.sectorCode === '1.6')).toBe(true);
    const en = sector.body.items.map((i: { termEn: string }) => i.termEn);
    expect(en).toEqual([...en].sort((a: string, b: string) => b.localeCompare(a, 'en', { sensitivity: 'base' })));

    const page2 = await admin.get('/api/v1/exchange/glossary?pageSize=100&page=2');
    expect(page2.body.page).toBe(2);
    expect(page2.body.total).toBeGreaterThanOrEqual(400);
  });

  it('is for administrators only', async () => {
    expect((await enterprise.get('/api/v1/exchange/glossary')).status).toBe(403);
    expect((await officer.get('/api/v1/exchange/glossary')).status).toBe(403);
    expect((await new Client(t.app).get('/api/v1/exchange/glossary')).status).toBe(401);
    expect((await enterprise.get('/api/v1/exchange/glossary/export')).status).toBe(403);
  });

  it('answers bad filters with 400, never 500', async () => {
    for (const query of ['page=0', 'pageSize=1000', 'sector=abc', 'status=gone', 'sort=id', `q=${'x'.repeat(500)}`, 'q=%00%27%3B--']) {
      const res = await admin.get(`/api/v1/exchange/glossary?${query}`);
      expect(res.status === 400 || res.status === 200, query).toBe(true);
      expect(res.status).not.toBe(500);
    }
    expect((await admin.get('/api/v1/exchange/glossary?q=%25_%5C')).status).toBe(200);
  });
});

describe('GET /api/v1/exchange/glossary/export', () => {
  it('exports the filtered terms as CSV and XLSX', async () => {
    const csv = await admin.get('/api/v1/exchange/glossary/export?format=csv&sector=1.8&status=all');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const text = csv.raw.body;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('đóng tàu,shipbuilding,1.8');
    expect(text).not.toContain('trí tuệ nhân tạo');

    const xlsx = await admin.get('/api/v1/exchange/glossary/export?format=xlsx&q=aquaculture');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(sheet.getRow(2).getCell(2).value).toMatch(/aquaculture/);
  });
});

describe('POST and PATCH /api/v1/exchange/glossary', () => {
  it('adds a pair, used at once by query expansion, with an audit record', async () => {
    const before = await auditCount('exchange.glossary.term_created');
    const res = await admin.post('/api/v1/exchange/glossary', { termVi: '  máy bóc vỏ tôm ', termEn: 'shrimp peeling machine', sectorCode: '1.4' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ termVi: 'máy bóc vỏ tôm', termEn: 'shrimp peeling machine', sectorCode: '1.4', source: 'admin', isActive: true });
    expect(await auditCount('exchange.glossary.term_created')).toBe(before + 1);
    expect((await expandQuery(t.database.db, 'may boc vo tom')).phrases[0]?.equivalents).toEqual(['shrimp peeling machine']);

    const same = await admin.post('/api/v1/exchange/glossary', { termVi: 'MÁY BÓC VỎ TÔM', termEn: 'Shrimp Peeling Machine', sectorCode: null });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('GLOSSARY_TERM_EXISTS');
  });

  it('edits, deactivates and reactivates a term with audit; a clash with another pair is GLOSSARY_TERM_EXISTS', async () => {
    const created = await admin.post('/api/v1/exchange/glossary', { termVi: 'cảng cá thông minh', termEn: 'smart fishing port', sectorCode: '1.8' });
    const id = created.body.id as string;
    const edited = await admin.patch(`/api/v1/exchange/glossary/${id}`, { termEn: 'digital fishing port' });
    expect(edited.status).toBe(200);
    expect(edited.body.termEn).toBe('digital fishing port');
    expect((await expandQuery(t.database.db, 'digital fishing port')).phrases[0]?.equivalents).toEqual(['cang ca thong minh']);

    const deactivated = await admin.patch(`/api/v1/exchange/glossary/${id}`, { isActive: false });
    expect(deactivated.body.isActive).toBe(false);
    expect(await auditCount('exchange.glossary.term_deactivated')).toBe(1);
    const after = await expandQuery(t.database.db, 'digital fishing port');
    expect(after.phrases.flatMap((p) => p.equivalents)).not.toContain('cang ca thong minh');
    const listed = await admin.get('/api/v1/exchange/glossary?status=inactive');
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);

    expect((await admin.patch(`/api/v1/exchange/glossary/${id}`, { isActive: true })).body.isActive).toBe(true);
    const clash = await admin.patch(`/api/v1/exchange/glossary/${id}`, { termVi: 'đóng tàu', termEn: 'shipbuilding' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('GLOSSARY_TERM_EXISTS');
  });

  it('refuses other roles and writes nothing', async () => {
    const terms = await countRows(t.database, 'glossary_terms');
    const audits = await auditCount('exchange.glossary.term_created');
    const [seeded] = await t.database.query<{ id: string }>(`SELECT id FROM glossary_terms WHERE term_en = 'shipbuilding'`);
    expect((await enterprise.post('/api/v1/exchange/glossary', { termVi: 'tàu ngầm', termEn: 'submarine' })).status).toBe(403);
    expect((await officer.patch(`/api/v1/exchange/glossary/${seeded!.id}`, { isActive: false })).status).toBe(403);
    const anonymous = new Client(t.app);
    await anonymous.refresh();
    expect((await anonymous.post('/api/v1/exchange/glossary', { termVi: 'tàu ngầm', termEn: 'submarine' })).status).toBe(401);
    expect(await countRows(t.database, 'glossary_terms')).toBe(terms);
    expect(await auditCount('exchange.glossary.term_created')).toBe(audits);
    expect(await auditCount('exchange.glossary.term_deactivated')).toBe(1);
    const [still] = await t.database.query<{ is_active: boolean }>('SELECT is_active FROM glossary_terms WHERE id = $1', [seeded!.id]);
    expect(still!.is_active).toBe(true);
  });

  it('answers bad input with 4xx and writes nothing', async () => {
    const terms = await countRows(t.database, 'glossary_terms');
    const bad = [
      {},
      { termVi: 'a', termEn: 'b' },
      { termVi: 'x'.repeat(121), termEn: 'long' },
      { termVi: 'tàu', termEn: 'ship', sectorCode: 'marine' },
      { termVi: 42, termEn: ['x'] },
    ];
    for (const body of bad) {
      const res = await admin.post('/api/v1/exchange/glossary', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.patch('/api/v1/exchange/glossary/not-a-uuid', { isActive: false })).status).toBe(400);
    expect((await admin.patch('/api/v1/exchange/glossary/00000000-0000-4000-8000-000000000000', { isActive: false })).status).toBe(404);
    const [seeded] = await t.database.query<{ id: string }>(`SELECT id FROM glossary_terms WHERE term_en = 'aquaculture'`);
    expect((await admin.patch(`/api/v1/exchange/glossary/${seeded!.id}`, {})).status).toBe(400);
    expect(await countRows(t.database, 'glossary_terms')).toBe(terms);
  });
});
