import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, createUser, type Client, type TestApp, type TestUser } from '../../../test/harness.js';
import { issuedCase } from './certificates.test-factory.js';

/** Review R1 (issue 5, state and data integrity): idempotency keys never give one request's result to another. */
let t: TestApp;
let applicant: TestUser;
let officer: TestUser;
let leader: TestUser;
let client: Client;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  client = await clientFor(t, applicant);
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[]) => Number((await t.database.query<{ n: number }>(sql, params))[0]!.n);

describe('idempotency (review R1)', () => {
  it('a doubled create with one key opens one draft, even when both arrive at once', async () => {
    const key = `dbl-${Date.now()}`;
    const [a, b] = await Promise.all([0, 1].map(() => client.request('POST', '/api/v1/registrations', {}, { 'idempotency-key': key })));
    expect([a!.status, b!.status].sort()).toEqual([200, 201]);
    expect(a!.body.id).toBe(b!.body.id);
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE idempotency_key = $1`, [key])).toBe(1);
  });

  it('an amendment key sent again for an extension of the same registration is refused, not answered with the amendment', async () => {
    const issued = await issuedCase(t, { applicant, officer, leader });
    const key = `amend-${Date.now()}`;
    const first = await client.request('POST', `/api/v1/registrations/${issued.caseId}/amendments`, { purpose: 'amendment' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const again = await client.request('POST', `/api/v1/registrations/${issued.caseId}/amendments`, { purpose: 'amendment' }, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await client.request('POST', `/api/v1/registrations/${issued.caseId}/amendments`, { purpose: 'extension' }, { 'idempotency-key': key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE parent_case_id = $1`, [issued.caseId])).toBe(1);
  });
});
