import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Ctx } from '../../core/context.js';
import { Client, countRows, createTestApp, type TestApp } from '../../../test/harness.js';
import { classify } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SHRIMP_VI = 'Doanh nghiệp muốn nhận chuyển giao hệ thống nuôi tôm tuần hoàn trong nhà, tự động kiểm soát chất lượng nước ao.';
const SHRIMP_PLAIN = 'Doanh nghiep muon nhan chuyen giao he thong nuoi tom tuan hoan trong nha, tu dong kiem soat chat luong nuoc ao.';
const SHRIMP_EN = 'We want to license an indoor recirculating shrimp farming system with automatic pond water quality control.';

const post = (client: Client, body: unknown, locale = 'vi') => client.request('POST', '/api/v1/classification', body, { 'accept-language': locale });

describe('POST /api/v1/classification (public check of a technology)', () => {
  it('lets a visitor classify a Vietnamese description: sector, item, words as written, advisory note', async () => {
    const res = await post(new Client(t.app), { text: SHRIMP_VI });
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('vi');
    expect(res.body.catalogItems[0]).toMatchObject({ code: '1.3.4', sectorCode: '1.3', chosen: false });
    expect(res.body.catalogItems[0].score).toBeGreaterThan(0.3);
    expect(res.body.catalogItems[0].score).toBeLessThanOrEqual(1);
    expect(res.body.catalogItems[0].matchedTerms.join(' | ')).toContain('nuôi tôm');
    expect(res.body.sectors[0].code).toBe('1.3');
    expect(res.body.catalogVersion.sourceInstrument).toContain('872/QĐ-UBND');
    expect(res.body.warning).toBeNull();
    expect(res.body.advisory).toBe(true);
    expect(res.body.note).toContain('cán bộ');
  });

  it('reads the same description without diacritics and in English alike, and answers in the caller’s language', async () => {
    const client = new Client(t.app);
    const plain = await post(client, { text: SHRIMP_PLAIN });
    expect(plain.body.mode).toBe('vi-plain');
    expect(plain.body.catalogItems[0].code).toBe('1.3.4');
    expect(plain.body.catalogItems[0].matchedTerms.join(' | ')).toContain('nuoi tom');
    const english = await post(client, { text: SHRIMP_EN }, 'en');
    expect(english.body.mode).toBe('en');
    expect(english.body.catalogItems[0].code).toBe('1.3.4');
    expect(english.body.catalogItems[0].matchedTerms.join(' ')).toMatch(/shrimp farming/);
    expect(english.body.note).toMatch(/officer/);
  });

  it('warns when the description resembles a prohibited item, with its citation and predecessor mark', async () => {
    const res = await post(new Client(t.app), { text: 'Đầu tư dây chuyền sản xuất xi măng lò đứng công suất nhỏ.' });
    expect(res.status).toBe(200);
    expect(res.body.warning).toMatchObject({ listType: 'prohibited', inForce: false });
    const item = res.body.listItems.find((i: { id: string }) => i.id === res.body.warning.itemId);
    expect(item.nameVi).toBe('Công nghệ sản xuất xi măng lò đứng');
    expect(item.citationVi).toContain('Nghị định 120/2014/NĐ-CP');
    expect(item.citationEn).toContain('Decree 120/2014/ND-CP');
    expect(item.validTo).toBe('2018-06-30');
    expect(item.matchedTerms.some((term: string) => term.includes('xi măng lò đứng'))).toBe(true);
    expect(res.body.catalogItems[0].code).toBe('1.8.5');
  });

  it('warns on a restricted item (white asbestos) and not on an ordinary building-materials text', async () => {
    const client = new Client(t.app);
    const asbestos = await post(client, { text: 'Nhà máy vật liệu xây dựng muốn nhập dây chuyền sản xuất tấm lợp có sử dụng amiăng trắng.' });
    expect(asbestos.body.warning).toMatchObject({ listType: 'restricted' });
    expect(asbestos.body.listItems[0].nameVi).toContain('amiăng trắng');
    const ordinary = await post(client, { text: 'Công nghệ sản xuất gạch không nung từ tro xỉ nhiệt điện cho công trình xanh.' });
    expect(ordinary.body.warning).toBeNull();
  });

  it('lists encouraged items without a warning', async () => {
    const res = await post(new Client(t.app), { text: 'Chuyển giao công nghệ sản xuất vắc-xin cúm và sinh phẩm y tế.' });
    expect(res.body.warning).toBeNull();
    const encouraged = res.body.listItems.find((i: { listType: string }) => i.listType === 'encouraged');
    expect(encouraged).toMatchObject({ inForce: true, citationVi: 'Nghị định 76/2018/NĐ-CP, Phụ lục I' });
    expect(encouraged.nameVi).toContain('vắc-xin');
  });

  it('boosts the catalog items, sectors and VSIC codes the author chose', async () => {
    const client = new Client(t.app);
    const text = 'Phần mềm quản lý cho doanh nghiệp.';
    const plain = await post(client, { text });
    expect(plain.body.catalogItems[0].code).toBe('1.1.2');
    const item = await post(client, { text, catalogCodes: ['1.5.2'] });
    expect(item.body.catalogItems[0]).toMatchObject({ code: '1.5.2', chosen: true });
    const sector = await post(client, { text: 'Giải pháp mới cho doanh nghiệp.', catalogCodes: ['1.8'] });
    expect(sector.body.catalogItems[0].sectorCode).toBe('1.8');
    expect(sector.body.sectors.find((s: { code: string }) => s.code === '1.8').chosen).toBe(true);
    const vsic = await post(client, { text: 'Giải pháp mới cho doanh nghiệp.', vsicCodes: ['03'] });
    expect(vsic.body.catalogItems.map((i: { code: string }) => i.code).sort()).toEqual(['1.3.4', '1.8.4']);
    const section = await post(client, { text: 'Giải pháp mới cho doanh nghiệp.', vsicCodes: ['10'] });
    expect(section.body.catalogItems.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['1.4.1', '1.4.2', '1.7.2', '1.8.5']));
  });

  it('classifies against the catalog and lists in force on a past day', async () => {
    const res = await post(new Client(t.app), { text: 'Công nghệ chế tạo robot công nghiệp và vật liệu nano.', at: '2010-06-01' });
    expect(res.status).toBe(200);
    expect(res.body.catalogVersion).toBeNull();
    expect(res.body.catalogItems).toEqual([]);
    expect(res.body.listItems.length).toBeGreaterThan(0);
    expect(res.body.listItems.every((i: { sourceInstrument: string; inForce: boolean }) => i.sourceInstrument.includes('133/2008') && i.inForce)).toBe(true);
    // Another day of the same period shares the cached index; a day after Decree 133/2008 ended does not.
    const sameEra = await post(new Client(t.app), { text: 'Công nghệ chế tạo robot công nghiệp và vật liệu nano.', at: '2012-01-01' });
    expect(sameEra.body.listItems).toEqual(res.body.listItems);
    const later = await post(new Client(t.app), { text: 'Công nghệ chế tạo robot công nghiệp và vật liệu nano.', at: '2016-01-01' });
    const robot = later.body.listItems.find((i: { sourceInstrument: string }) => i.sourceInstrument.includes('133/2008'));
    expect(robot).toMatchObject({ inForce: false });
  });

  it('answers nothing but the note for a text that matches nothing', async () => {
    const res = await post(new Client(t.app), { text: 'Xin chào, hôm nay trời đẹp.' });
    expect(res.status).toBe(200);
    expect(res.body.catalogItems.every((i: { score: number }) => i.score < 0.3)).toBe(true);
    expect(res.body.listItems).toEqual([]);
    expect(res.body.warning).toBeNull();
    expect(res.body.note.length).toBeGreaterThan(20);
  });

  it('refuses empty, blank, too long or malformed input with translated field errors, never a 500, and writes nothing', async () => {
    const client = new Client(t.app);
    const before = await countRows(t.database, 'audit_events');
    const empty = await post(client, { text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    expect(empty.body.details.fields[0]).toMatchObject({ path: 'text', code: 'required' });
    const blank = await post(client, { text: '   \n ' }, 'en');
    expect(blank.status).toBe(400);
    expect(blank.body.details.fields[0]).toMatchObject({ path: 'text', code: 'required' });
    expect(blank.body.message).toMatch(/[A-Za-z]/);
    const long = await post(client, { text: 'nuôi tôm '.repeat(600) });
    expect(long.status).toBe(400);
    expect(long.body.details.fields[0]).toMatchObject({ path: 'text', code: 'too_big_string', params: { maximum: 5000 } });
    expect(long.body.details.fields[0].message).toContain('5000');
    for (const body of [{}, { text: 42 }, { text: 'nuôi tôm', catalogCodes: ['abc'] }, { text: 'nuôi tôm', vsicCodes: ['c1'] }, { text: 'nuôi tôm', at: '2024-02-30' }, { text: 'nuôi tôm', limit: 0 }, []]) {
      const res = await post(client, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const notJson = await client.request('POST', '/api/v1/classification', undefined, { 'content-type': 'application/json', 'x-csrf-token': client.csrf! });
    expect(notJson.status).toBe(400);
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/classification', payload: '{"text": ', headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf!, cookie: `__Host-tt_csrf=${client.cookie('__Host-tt_csrf')}` } });
    expect(broken.statusCode).toBe(400);
    expect(await countRows(t.database, 'audit_events')).toBe(before);
  });

  it('needs the CSRF token like every other POST', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/classification', payload: { text: SHRIMP_VI } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });
});

describe('classify(ctx, input) for other modules', () => {
  const ctxOf = (overrides: Partial<Ctx> = {}): Ctx => ({ db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'en', requestId: 'test', ip: null, config: t.config, ...overrides });

  it('classifies long texts (reads the first 20,000 characters) and honours the limit', async () => {
    const result = await classify(ctxOf(), { text: `${SHRIMP_EN} `.repeat(400), limit: 2 });
    expect(result.catalogItems).toHaveLength(2);
    expect(result.catalogItems[0]!.code).toBe('1.3.4');
    expect(result.note).toMatch(/officer/);
  });

  it('sees a newly imported list item at once when answers are not cached (CATALOG_CACHE_SECONDS=0)', async () => {
    const fresh = await createTestApp({ CATALOG_CACHE_SECONDS: '0' });
    try {
      const ctx = { ...ctxOf(), db: fresh.database.db, database: fresh.database, config: fresh.config };
      const text = 'Thiết bị tách sóng lượng tử cho mạng viễn thông.';
      expect((await classify(ctx, { text })).listItems).toEqual([]);
      await fresh.database.query(
        `INSERT INTO technology_list_items (version_id, list_type, appendix, item_no, name_vi, name_en, verified)
         SELECT id, 'restricted', 'II', '99', 'Công nghệ tách sóng lượng tử', 'Quantum wave separation technology', false FROM technology_list_versions WHERE code = 'ND76-2018'`,
      );
      const after = await classify(ctx, { text });
      expect(after.warning).toMatchObject({ listType: 'restricted', inForce: true });
      expect(after.listItems[0]).toMatchObject({ citationEn: 'Decree 76/2018/ND-CP, Appendix II, item 99', verified: false });
    } finally {
      await fresh.close();
    }
  });
});
