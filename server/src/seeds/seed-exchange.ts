import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../core/db/database.js';
import { roleGrants, users } from '../core/auth/auth.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { seedExchangeDemo, type ExchangeSeedParty } from '../modules/exchange/index.js';
import { DEMO_USERS } from './data.js';
import { EXCHANGE_DEMO_ACCOUNTS } from './exchange-accounts.js';

async function ensureOrganisation(db: Tx, org: NonNullable<(typeof EXCHANGE_DEMO_ACCOUNTS)[number]['organisation']>): Promise<string> {
  const [existing] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, org.name));
  if (existing) return existing.id;
  const [row] = await db.insert(organisations).values({ kind: org.kind, name: org.name, nameEn: org.nameEn, taxCode: org.taxCode ?? null, country: org.country }).returning({ id: organisations.id });
  return row!.id;
}

/** The exchange's extra demo accounts (exchange-accounts.ts), with the demo password of the platform's demo accounts. */
async function ensureExchangeAccounts(database: Database): Promise<void> {
  const [template] = await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, DEMO_USERS[0]!.email));
  if (!template) return;
  await database.db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    for (const account of EXCHANGE_DEMO_ACCOUNTS) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      if (existing) continue;
      const organisationId = account.organisation ? await ensureOrganisation(tx, account.organisation) : null;
      const [user] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, passwordHash: template.passwordHash, locale: account.locale, emailVerifiedAt: new Date() })
        .returning({ id: users.id });
      await tx.insert(roleGrants).values({ userId: user!.id, role: account.role, organisationId });
    }
  });
}

/**
 * The technology exchange demo (after seedDemo): its extra accounts, then listings, connections, messages and outcomes
 * (modules/exchange/exchange.seed.ts). Idempotent; run after the server listens, like the demo registrations.
 */
export async function seedDemoExchange(database: Database): Promise<{ listings: number; connections: number }> {
  await ensureExchangeAccounts(database);
  const parties = new Map<string, ExchangeSeedParty>();
  for (const email of [...DEMO_USERS.map((u) => u.email), ...EXCHANGE_DEMO_ACCOUNTS.map((a) => a.email)]) {
    const [row] = await database.db.select({ id: users.id, organisationId: roleGrants.organisationId }).from(users).innerJoin(roleGrants, eq(roleGrants.userId, users.id)).where(eq(users.email, email));
    if (row) parties.set(email, { userId: row.id, organisationId: row.organisationId });
  }
  const reviewer = parties.get('can-bo@demo.cgcn.vn');
  if (!reviewer) return { listings: 0, connections: 0 };
  return seedExchangeDemo({ database, parties, reviewerUserId: reviewer.userId });
}
