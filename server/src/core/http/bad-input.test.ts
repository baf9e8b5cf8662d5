import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { findNulPath } from './errors.js';

/** Bad input on the public reference endpoints answers 400 and never a 500 (found by probing every route). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('bad input never yields a 500', () => {
  it('a date in year 0000 (valid ISO, but PostgreSQL has no year 0) is a validation error', async () => {
    const anon = new Client(t.app);
    for (const url of ['/api/v1/technology-lists/items?at=0000-01-01', '/api/v1/technology-lists/items/export?at=0000-01-01', '/api/v1/agencies?at=0000-01-01', '/api/v1/agencies/export?at=0000-01-01', '/api/v1/legal-rules?at=0000-01-01']) {
      const res = await anon.get(url);
      expect([res.status, res.body.code], url).toEqual([400, 'VALIDATION_FAILED']);
    }
    const res = await anon.post('/api/v1/classification', { text: 'công nghệ sinh học', at: '0000-01-01' });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('a NUL character in a query or a JSON body is a validation error on that field, and nothing is written', async () => {
    const anon = new Client(t.app);
    for (const url of ['/api/v1/vsic?q=%00', '/api/v1/agencies?q=a%00b', '/api/v1/technology-lists/items?q=%00', '/api/v1/organisations?q=%00']) {
      const res = await anon.get(url);
      expect(res.status, url).toBe(400);
    }
    const admin = await clientFor(t, await createUser(t.database, 'admin'));
    const before = await countRows(t.database, 'calendar_days');
    const res = await admin.post('/api/v1/calendar/days', { year: 2026, day: '2026-03-02', kind: 'compensatory_day_off', nameVi: 'Nghỉ\u0000bù', nameEn: 'Day off' });
    expect([res.status, res.body.details.fields[0].path]).toEqual([400, 'nameVi']);
    expect(await countRows(t.database, 'calendar_days')).toBe(before);
  });

  it('findNulPath names the first string holding a NUL', () => {
    expect(findNulPath({ a: 'x', b: [{ c: 'y\u0000' }] })).toBe('b.0.c');
    expect(findNulPath({ a: 'x', n: 1, z: null })).toBeNull();
    expect(findNulPath(Buffer.from([0]))).toBeNull();
  });
});
