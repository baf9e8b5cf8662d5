import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { rowsOf, type Db } from '../db/database.js';
import { hashToken, newToken } from './tokens.js';
import { sessions, users } from './auth.tables.js';
import type { Grant } from '../context.js';
import type { Role } from '../../../../common/src/roles.js';

/** Writes of last_seen_at are spread out: the idle clock is precise to this many seconds. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  isMfaVerified: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** New opaque session (256-bit token; only its hash is stored). Called at every sign-in, so IDs rotate. */
export async function createSession(
  db: Db,
  config: Config,
  input: { userId: string; isMfaVerified: boolean; ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionRecord }> {
  const token = newToken();
  const now = new Date();
  const row = {
    id: hashToken(token),
    userId: input.userId,
    csrfToken: newToken(),
    isMfaVerified: input.isMfaVerified,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.SESSION_ABSOLUTE_HOURS * 3600_000),
  };
  await db.insert(sessions).values(row);
  return { token, session: row };
}

/** Finds a live session by cookie token; idle or absolute expiry deletes it. */
export async function resolveSession(db: Db, config: Config, token: string): Promise<SessionRecord | null> {
  const id = hashToken(token);
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000 <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  }
  return row;
}

export async function markSessionMfaVerified(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ isMfaVerified: true }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  const ids = rows.map((r) => r.id).filter((id) => id !== exceptSessionId);
  if (ids.length) await db.delete(sessions).where(inArray(sessions.id, ids));
}

export async function pruneSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export interface IdentityRow {
  id: string;
  email: string;
  name: string;
  locale: 'vi' | 'en';
  status: 'active' | 'disabled';
  totpEnabled: boolean;
}

/** The user and their role grants, read fresh on every request so role changes apply at once (ASVS 8.3.2). */
export async function loadIdentity(db: Db, userId: string): Promise<{ user: IdentityRow; grants: Grant[] } | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, status: users.status, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const rows = await rowsOf<{ role: Role; organisation_id: string | null; organisation_name: string | null }>(
    db,
    // organisations belong to another module; a read-only join on its public columns is allowed for identity
    sql`SELECT g.role, g.organisation_id, o.name AS organisation_name
      FROM role_grants g LEFT JOIN organisations o ON o.id = g.organisation_id
     WHERE g.user_id = ${userId} AND (o.id IS NULL OR o.status = 'active') ORDER BY g.created_at`,
  );
  const grants = rows.map((r) => ({ role: r.role, organisationId: r.organisation_id, organisationName: r.organisation_name }));
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, status: user.status, totpEnabled: user.totpEnabledAt !== null },
    grants,
  };
}

