import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { Client, createTestApp, openTestDatabase, testConfig, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function expectHardened(headers: Record<string, unknown>, label: string): void {
  expect(headers['strict-transport-security'], label).toMatch(/max-age=31536000/);
  const csp = String(headers['content-security-policy']);
  expect(csp, label).toMatch(/script-src 'self'(;|$)/);
  expect(csp, label).toMatch(/frame-ancestors 'none'/);
  expect(csp, label).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['referrer-policy'], label).toBeTruthy();
  expect(headers['x-request-id'], label).toBeTruthy();
}

describe('HTTP hardening and conventions (T-A6, T-I5)', () => {
  it('publishes an OpenAPI 3.1 document with every operation described', async () => {
    const res = await new Client(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const operations = Object.values(res.body.paths as Record<string, Record<string, { summary?: string; responses?: object }>>).flatMap((m) => Object.values(m));
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.every((op) => op.summary && op.responses)).toBe(true);
    const docs = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sends the security headers and a JSON content type with charset on every operation', async () => {
    const spec = (await new Client(t.app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{code\}/, '1.1').replace(/\{token\}/, 'x'.repeat(20)).replace(/\{[a-zA-Z]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url, ...(method === 'get' ? {} : { payload: {} }) });
        expectHardened(res.headers, `${method} ${path}`);
        expect(res.statusCode, `${method} ${path}`).toBeLessThan(500);
        // The only non-JSON answers are file downloads (CSV, XLSX), always sent as attachments, and the one-click
        // unsubscribe link of e-mails, which redirects to a web page.
        const type = String(res.headers['content-type']);
        if (res.statusCode >= 300 && res.statusCode < 400) expect(String(res.headers.location), `${method} ${path}`).toMatch(/^\/exchange\//);
        else if (/^(text\/csv|application\/vnd\.openxmlformats)/.test(type)) expect(res.headers['content-disposition'], `${method} ${path}`).toMatch(/^attachment/);
        else expect(type, `${method} ${path}`).toMatch(/application\/json; charset=utf-8/);
      }
    }
  });

  it('answers an unknown API path with the error body, not the web page', async () => {
    const res = await new Client(t.app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('refuses oversized bodies (413) and prototype-pollution keys (400) without writing', async () => {
    const client = new Client(t.app);
    await client.refresh();
    const big = await client.post('/api/v1/auth/password-reset/request', { email: `${'a'.repeat(300_000)}@x.vn` });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const polluted = await client.request('POST', '/api/v1/auth/sign-in', undefined, {
      'content-type': 'application/json',
      'x-csrf-token': client.csrf!,
    });
    expect(polluted.status).toBe(400);
    const proto = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json', cookie: `__Host-tt_csrf=${client.cookie('__Host-tt_csrf')}`, 'x-csrf-token': client.csrf! },
      payload: '{"email":"a@b.vn","password":"x","__proto__":{"isAdmin":true}}',
    });
    expect(proto.statusCode).toBe(400);
    expect(proto.json().code).toBe('BAD_REQUEST');
  });

  it('hides internals in 5xx answers', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig(), database, logger: false });
    app.get('/api/v1/boom', async () => {
      throw new Error('secret connection string postgres://u:p@db');
    });
    const res = await app.inject({ url: '/api/v1/boom', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'INTERNAL', message: 'Something went wrong. Please try again later.', requestId: res.headers['x-request-id'] });
    expect(res.body).not.toMatch(/postgres|secret|stack/);
    await app.close();
    await database.close();
  });

  it('limits request rates per client with a translated 429', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig({ RATE_LIMIT_PER_MINUTE: '5' }), database, logger: false });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await app.inject({ url: '/api/v1/catalog/sectors', headers: { 'accept-language': 'en' } })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    const limited = await app.inject({ url: '/api/v1/catalog/sectors', headers: { 'accept-language': 'en' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('TOO_MANY_REQUESTS');
    expect(limited.headers['retry-after']).toBeTruthy();
    await app.close();
    await database.close();
  });

  it('reports liveness and readiness', async () => {
    expect((await t.app.inject({ url: '/health/live' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/health/ready' })).json()).toEqual({ status: 'ok' });
  });
});
