import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedDemoRegistrations } from '../../seeds/seed.js';
import { clientFor, countRows, createTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { DEMO_REGISTRATIONS } from './registration.seed-registrations.js';

/** The demo registrations: filed and decided through the services, idempotent, and usable by the demo accounts. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database, { memoryCost: 1024, timeCost: 1 }, t.config);
  await seedDemoRegistrations(t.database, t.config);
}, 300_000);
afterAll(() => t.close());

const byStatus = async () =>
  Object.fromEntries(
    (await t.database.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM cases WHERE reference_no LIKE 'CGCN-%' GROUP BY status`)).map((row) => [row.status, Number(row.n)]),
  );

async function demoUser(email: string): Promise<TestUser> {
  const [row] = await t.database.query<{ id: string; role: string; organisation_id: string | null }>(
    `SELECT u.id, g.role, g.organisation_id FROM users u JOIN role_grants g ON g.user_id = u.id WHERE u.email = $1`,
    [email],
  );
  return { id: row!.id, email, password: '', role: row!.role as TestUser['role'], organisationId: row!.organisation_id, totpSecret: null };
}

describe('demo registrations', () => {
  it('~30 registered contracts and open cases in several statuses, with flags, certificates and a tax query', async () => {
    expect(await byStatus()).toEqual({ issued: 29, revoked: 1, in_review: 1, submitted: 1, supplement_requested: 1, certificate_drafted: 1, refused: 1, draft: 1 });
    expect(await countRows(t.database, 'registration_certificates')).toBe(30);
    const flags = await t.database.query<{ code: string }>(`SELECT DISTINCT f->>'code' AS code FROM registration_dossiers, jsonb_array_elements(risk_flags) f ORDER BY 1`);
    expect(flags.map((f) => f.code)).toEqual(
      expect.arrayContaining(['royalty_rate_high', 'related_party_royalty', 'capital_without_valuation', 'equipment_too_old', 'equipment_low_capacity', 'late_filing', 'price_outlier', 'prohibited_technology']),
    );
    expect(await countRows(t.database, 'registration_tax_query_messages')).toBe(2);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await countRows(t.database, 'cases');
    await seedDemo(t.database, { memoryCost: 1024, timeCost: 1 }, t.config);
    expect(await seedDemoRegistrations(t.database, t.config)).toBe(0);
    expect(await countRows(t.database, 'cases')).toBe(before);
    expect(DEMO_REGISTRATIONS).toHaveLength(36);
  });

  it('the demo tax officer sees the registered contracts with flags; statistics count them', async () => {
    const tax = await clientFor(t, await demoUser('thue@demo.cgcn.vn'));
    const list = await tax.get('/api/v1/tax/registrations?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(30);
    expect(list.body.items.some((item: { flagCodes: string[] }) => item.flagCodes.length > 0)).toBe(true);
    const stats = await (await clientFor(t, await demoUser('lanh-dao@demo.cgcn.vn'))).get('/api/v1/registration-statistics');
    expect(stats.body.total.count).toBe(30);
    expect(stats.body.byDimension.country.length).toBeGreaterThan(8);
  });
});
