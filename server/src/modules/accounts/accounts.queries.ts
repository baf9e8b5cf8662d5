import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { STAFF_ROLES, type Role } from '../../../../common/src/roles.js';
import { authTokens, invitations, roleGrants, users } from '../../core/auth/auth.tables.js';

export async function findUserByEmail(db: Tx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Tx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Serialises sign-ups that share an e-mail or a tax code, until the end of the transaction (own advisory-lock namespace). */
export async function lockSignUpKeys(db: Tx, keys: (string | null | undefined)[]) {
  for (const key of [...new Set(keys.filter((k): k is string => !!k))].sort()) {
    await db.execute(sql`SELECT pg_advisory_xact_lock(8721, hashtext(${key}))`);
  }
}

/** Records a TOTP time step as used unless it (or a later one) already was; false means a replay. */
export async function claimTotpStep(db: Tx, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step, updatedAt: new Date() })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function hasStaffRole(db: Tx, userId: string): Promise<boolean> {
  const rows = await db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId));
  return rows.some((r) => STAFF_ROLES.includes(r.role as Role));
}

export async function insertUser(db: Tx, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(db: Tx, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, id)).returning();
  return row;
}

export async function insertGrant(db: Tx, values: typeof roleGrants.$inferInsert) {
  await db.insert(roleGrants).values(values);
}

export async function insertToken(db: Tx, values: typeof authTokens.$inferInsert) {
  await db.insert(authTokens).values(values);
}

/** Claims a live single-use token: marks it used and returns it, or nothing if unknown, used or expired. */
export async function consumeToken(db: Tx, tokenHash: string, purpose: 'verify_email' | 'password_reset') {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())))
    .returning();
  return row;
}

export async function invalidateTokens(db: Tx, userId: string, purpose: 'verify_email' | 'password_reset') {
  await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
}

export async function insertInvitation(db: Tx, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function findLiveInvitation(db: Tx, tokenHash: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  return row;
}

export async function markInvitationAccepted(db: Tx, id: string) {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return row;
}
