import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/database.js';
import { authThrottles } from './auth.tables.js';

/**
 * Failed sign-in throttling (ASVS 6.3.1 without victim lock-out, 6.1.1):
 * - per account: after 5 failures in 15 minutes, a pause that doubles from 1 minute and never exceeds 15 minutes;
 *   staff accounts (officers, leaders, administrators) pause 15 minutes at once (security plan T-A1; the owner is told);
 * - per client IP: after 30 failures in 15 minutes, a 15-minute pause (stops stuffing across many accounts).
 * Keys are built from what was typed, so the answer is the same whether the account exists or not.
 */
export const THROTTLE = {
  windowMinutes: 15,
  accountFreeFailures: 5,
  accountMaxPauseMinutes: 15,
  ipFreeFailures: 30,
  ipPauseMinutes: 15,
};

export const accountKey = (email: string) => `acct:${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds until the key may try again, or 0. */
export async function throttleWait(db: Db, key: string): Promise<number> {
  const [row] = await db.select({ blockedUntil: authThrottles.blockedUntil }).from(authThrottles).where(eq(authThrottles.key, key));
  if (!row?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((row.blockedUntil.getTime() - Date.now()) / 1000));
}

/** Counts one failure; returns the failure count in the window and whether this failure started a pause. */
export async function recordFailure(
  db: Db,
  key: string,
  kind: 'account' | 'ip',
  options: { isStaff?: boolean } = {},
): Promise<{ failures: number; paused: boolean; pauseMinutes: number }> {
  const window = `${THROTTLE.windowMinutes} minutes`;
  const rows = await rowsOf<{ failures: number }>(db, sql`
    INSERT INTO auth_throttles (key, failures, window_started_at, updated_at) VALUES (${key}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.window_started_at < now() - ${window}::interval THEN 1 ELSE auth_throttles.failures + 1 END,
      window_started_at = CASE WHEN auth_throttles.window_started_at < now() - ${window}::interval THEN now() ELSE auth_throttles.window_started_at END,
      updated_at = now()
    RETURNING failures`);
  const failures = Number(rows[0]?.failures ?? 1);
  let pauseMinutes = 0;
  if (kind === 'account' && failures >= THROTTLE.accountFreeFailures) {
    pauseMinutes = options.isStaff ? THROTTLE.accountMaxPauseMinutes : Math.min(THROTTLE.accountMaxPauseMinutes, 2 ** (failures - THROTTLE.accountFreeFailures));
  } else if (kind === 'ip' && failures >= THROTTLE.ipFreeFailures) {
    pauseMinutes = THROTTLE.ipPauseMinutes;
  }
  if (pauseMinutes > 0) {
    await db.update(authThrottles).set({ blockedUntil: new Date(Date.now() + pauseMinutes * 60_000) }).where(eq(authThrottles.key, key));
  }
  return { failures, paused: pauseMinutes > 0, pauseMinutes };
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(authThrottles).where(eq(authThrottles.key, key));
}
