import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, MATRIX, type Caller } from './authorization-matrix.js';
import { Client, clientFor, createTestApp, createUser, type TestApp, type TestUser } from './harness.js';

/**
 * T-Z1: every operation of the OpenAPI document × every caller. An operation missing from the matrix fails the run;
 * an allowed caller must not be refused, a refused caller must get 401/403/404 and change nothing.
 */
let t: TestApp;
let operations: string[] = [];
const users = new Map<Caller, TestUser>();
let otherOrganisationId = '';

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'MFA_REQUIRED', 'MFA_ENROLMENT_REQUIRED']);
let writeTables: string[] = [];

async function fingerprint(): Promise<string> {
  // A refusal of a signed-in user writes exactly one `authz.denied` audit record (checked below); nothing else may change.
  const counts = await Promise.all(
    writeTables.map((table) =>
      t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}${table === 'audit_events' ? ` WHERE action <> 'authz.denied'` : ''}`),
    ),
  );
  const statuses = await t.database.query<{ s: string }>(`SELECT string_agg(status || name || email, ',' ORDER BY id) AS s FROM users`);
  const roles = await t.database.query<{ s: string }>(`SELECT string_agg(role, ',' ORDER BY id) AS s FROM role_grants`);
  return JSON.stringify([counts.map((c) => c[0]?.n), statuses[0]?.s, roles[0]?.s]);
}

beforeAll(async () => {
  t = await createTestApp();
  // Every table of the schema: a refused request must not add or remove a row anywhere.
  writeTables = (
    await t.database.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((row) => row.name);
  const spec = (await new Client(t.app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  for (const caller of CALLERS) if (caller !== 'anonymous') users.set(caller, await createUser(t.database, caller));
  otherOrganisationId = (await createUser(t.database, 'enterprise_admin')).organisationId!;
});
afterAll(() => t.close());

describe('authorization matrix (T-Z1)', () => {
  it('covers every operation in the OpenAPI document, and nothing more', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((op) => !MATRIX[op])).toEqual([]);
    expect(Object.keys(MATRIX).filter((op) => !operations.includes(op))).toEqual([]);
  });

  for (const [operation, entry] of Object.entries(MATRIX)) {
    describe(operation, () => {
      for (const caller of CALLERS) {
        const allowed = entry.allow.includes(caller);
        it(`${caller} is ${allowed ? 'allowed' : 'refused'}`, async () => {
          const me = users.get(caller) ?? null;
          const client = me ? await clientFor(t, me) : new Client(t.app);
          if (!me) await client.refresh();
          const [method] = operation.split(' ');
          const request = await entry.request({ t, me, otherOrganisationId });
          const before = allowed ? '' : await fingerprint();
          const [mark] = await t.database.query<{ id: string | null }>('SELECT max(id) AS id FROM audit_events');
          const deniedMark = Number(mark?.id ?? 0);
          const res = await client.request(method!, request.url, method === 'GET' ? undefined : (request.body ?? {}));
          const code = typeof res.body === 'object' && res.body ? (res.body as { code?: string }).code : undefined;
          if (allowed) {
            expect(res.status, `${operation} as ${caller}: ${JSON.stringify(res.body).slice(0, 200)}`).not.toBe(403);
            expect(code === undefined || !REFUSALS.has(code), `${operation} as ${caller} answered ${code}`).toBe(true);
            expect(res.status).toBeLessThan(500);
          } else {
            expect([401, 403, 404], `${operation} as ${caller}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
            expect(REFUSALS.has(code ?? '')).toBe(true);
            expect(await fingerprint()).toBe(before);
            const denials = await t.database.query<{ n: number; route: string | null }>(
              `SELECT count(*)::int AS n, max(summary->>'route') AS route FROM audit_events WHERE action = 'authz.denied' AND id > $1`,
              [deniedMark],
            );
            expect(Number(denials[0]!.n)).toBe(code === 'FORBIDDEN' ? 1 : 0);
          }
        });
      }
    });
  }
});
