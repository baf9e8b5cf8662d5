import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const TIMING = /^app;dur=\d+\.\d$/;

describe('Server-Timing header', () => {
  it('reports the server time on successful answers, errors and unknown paths', async () => {
    const ready = await t.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['server-timing']).toMatch(TIMING);
    const missing = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['server-timing']).toMatch(TIMING);
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['server-timing']).toMatch(TIMING);
  });
});
