import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../core/db/database.js';
import { roleGrants, users } from '../core/auth/auth.tables.js';
import { hashPassword, type HashCost } from '../core/auth/passwords.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { seedCatalog } from '../modules/catalog/index.js';
import { resolvePlanRole, seedAgencies } from '../modules/agencies/index.js';
import { seedCalendar } from '../modules/calendar/index.js';
import { seedLegalRules } from '../modules/legal-rules/index.js';
import { seedTechnologyLists } from '../modules/technology-lists/index.js';
import { seedVsic } from '../modules/vsic/index.js';
import { seedGlossary } from '../modules/exchange/index.js';
import { seedRegistrationDemo, type DemoUser } from '../modules/contract-registration/index.js';
import { linkOrganisationToAgencyByName } from '../modules/organisations/index.js';
import type { Config } from '../core/config.js';
import { ANONYMOUS } from '../core/context.js';
import type { OrganisationKind, Role } from '../../../common/src/roles.js';
import { REFERENCE_ORGANISATIONS, DEMO_ORGANISATIONS, DEMO_USERS, DEMO_PASSWORD } from './data.js';

async function ensureOrganisation(db: Tx, org: { key: string; kind: OrganisationKind; name: string; nameEn?: string; taxCode?: string; country?: string }) {
  const [existing] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, org.name));
  if (existing) return existing.id;
  const [row] = await db
    .insert(organisations)
    .values({ kind: org.kind, name: org.name, nameEn: org.nameEn ?? null, taxCode: org.taxCode ?? null, country: org.country ?? 'VN' })
    .returning({ id: organisations.id });
  return row!.id;
}

/** Reference data, always present: the priority catalog and the agencies that run the plan. Idempotent. */
export async function seedReference(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await seedCatalog(tx as unknown as Tx);
    await seedCalendar(tx as unknown as Tx);
    await seedLegalRules(tx as unknown as Tx);
    await seedVsic(tx as unknown as Tx);
    await seedTechnologyLists(tx as unknown as Tx);
    await seedGlossary(tx as unknown as Tx);
    for (const org of REFERENCE_ORGANISATIONS) await ensureOrganisation(tx as unknown as Tx, org);
    await seedAgencies(tx as unknown as Tx); // after the reference organisations, which it links to their agencies
  });
}

export interface DemoAccount {
  email: string;
  role: Role;
  organisation: string | null;
  totpSecret: string | null;
}

/**
 * Fictional enterprises, suppliers and officers for trying the platform; given the configuration, the demo Tax
 * Department is linked to the agency holding its plan role. Never run in production. Idempotent.
 */
export async function seedDemo(database: Database, cost: HashCost, config?: Config): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, cost);
  const ids = new Map<string, string>();
  await database.db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    for (const org of [...REFERENCE_ORGANISATIONS, ...DEMO_ORGANISATIONS]) ids.set(org.key, await ensureOrganisation(tx, org));
    for (const u of DEMO_USERS) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      const organisationId = u.organisation ? ids.get(u.organisation)! : null;
      if (existing) continue;
      const [user] = await tx
        .insert(users)
        .values({
          email: u.email,
          name: u.name,
          passwordHash,
          locale: u.locale ?? 'vi',
          emailVerifiedAt: new Date(),
          totpSecret: u.totpSecret ?? null,
          totpEnabledAt: u.totpSecret ? new Date() : null,
        })
        .returning({ id: users.id });
      await tx.insert(roleGrants).values({ userId: user!.id, role: u.role, organisationId });
    }
  });
  if (config) {
    const ctx = { db: database.db, database, actor: ANONYMOUS, locale: 'vi' as const, requestId: 'demo-seed', ip: null, config };
    // A demo organisation standing for an agency (the Tax Department) is linked to the agency holding the plan role.
    for (const org of DEMO_ORGANISATIONS.filter((o) => o.agencyOfPlanRole)) {
      const [holder] = await resolvePlanRole(ctx, { role: org.agencyOfPlanRole! });
      if (holder) await linkOrganisationToAgencyByName(database.db, org.name, holder.id);
    }
  }
  return DEMO_USERS.map((u) => ({
    email: u.email,
    role: u.role,
    organisation: u.organisation ? ([...REFERENCE_ORGANISATIONS, ...DEMO_ORGANISATIONS].find((o) => o.key === u.organisation)?.name ?? null) : null,
    totpSecret: u.totpSecret ?? null,
  }));
}

/**
 * The demo registrations (after seedDemo): filed, processed and decided through the contract-registration services,
 * one transaction each, skipping those already there. Slow on a first run (about a minute on the embedded database),
 * so the server runs it after it starts listening. Returns how many were created.
 */
export async function seedDemoRegistrations(database: Database, config: Config): Promise<number> {
  const demoUsers = new Map<string, DemoUser>();
  for (const u of DEMO_USERS) {
    const [row] = await database.db
      .select({ id: users.id, organisationId: roleGrants.organisationId })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .where(eq(users.email, u.email));
    if (row) demoUsers.set(u.email, { id: row.id, email: u.email, name: u.name, role: u.role, organisationId: row.organisationId });
  }
  const details = new Map<string, { name: string; taxCode: string | null }>();
  for (const org of [...REFERENCE_ORGANISATIONS, ...DEMO_ORGANISATIONS]) {
    const [row] = await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, org.name));
    if (row) details.set(row.id, { name: org.name, taxCode: org.taxCode ?? null });
  }
  return seedRegistrationDemo({ database, config, users: demoUsers, organisations: details });
}
