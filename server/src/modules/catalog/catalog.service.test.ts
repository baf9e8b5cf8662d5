import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('public priority catalog (plan II.1)', () => {
  it('lists the eight priority sectors of the plan with their source', async () => {
    const res = await new Client(t.app).get('/api/v1/catalog/sectors');
    expect(res.status).toBe(200);
    expect(res.body.sectors.map((s: { code: string }) => s.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8']);
    expect(res.body.version.sourceInstrument).toContain('872/QĐ-UBND');
    expect(res.body.sectors[2].nameVi).toBe('Lĩnh vực nông nghiệp');
    expect(res.body.sectors.every((s: { itemCount: number; nameEn: string }) => s.itemCount > 0 && s.nameEn.length > 3)).toBe(true);
  });

  it('returns a sector with its directions in both languages, with stable codes', async () => {
    const res = await new Client(t.app).get('/api/v1/catalog/sectors/1.3');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((i: { code: string }) => i.code);
    expect(codes).toContain('1.3.3');
    const icm = res.body.items.find((i: { code: string }) => i.code === '1.3.3');
    expect(icm.nameVi).toBe('Công nghệ quản lý cây trồng tổng hợp (ICM)');
    expect(icm.nameEn.toLowerCase()).toContain('integrated crop management');
  });

  it('returns one direction by code', async () => {
    const res = await new Client(t.app).get('/api/v1/catalog/items/1.1.3');
    expect(res.status).toBe(200);
    expect(res.body.nameVi).toContain('phần cứng');
  });

  it('answers 404 with a translated message for an unknown code and 400 for a malformed one', async () => {
    const client = new Client(t.app);
    const missing = await client.request('GET', '/api/v1/catalog/sectors/9.9', undefined, { 'accept-language': 'en' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: 'The requested item was not found.' });
    expect(missing.body.requestId).toBe(missing.headers['x-request-id']);
    const bad = await client.get('/api/v1/catalog/sectors/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields[0].path).toBe('params.code');
    expect(bad.body.message).toMatch(/Dữ liệu chưa hợp lệ/);
  });
});
