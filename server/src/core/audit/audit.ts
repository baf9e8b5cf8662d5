import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { auditEvents } from './audit.tables.js';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_CHAIN_LOCK = 872_0001;

export interface AuditInput {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  /** Before/after summary. Never put secrets or confidential values here. */
  summary?: Record<string, unknown>;
  organisationId?: string | null;
  /** Overrides the actor (e.g. a sign-in before the session exists). */
  actorUserId?: string | null;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

interface HashedFields {
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

export function auditHash(prevHash: string, row: HashedFields): string {
  const material = JSON.stringify([
    prevHash,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorOrganisationId,
    row.action,
    row.objectType,
    row.objectId,
    canonical(row.summary),
    row.ip,
    row.requestId,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Appends one audit record inside the caller's transaction (ctx.db must be a transaction), chained to the
 * previous record by hash. The chain lock serialises writers so the chain has no forks.
 */
export async function recordAudit(ctx: Ctx, input: AuditInput): Promise<void> {
  await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await ctx.db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    occurredAt: new Date(),
    actorUserId: input.actorUserId !== undefined ? input.actorUserId : ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    actorOrganisationId: input.organisationId ?? null,
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    summary: input.summary ?? {},
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
  await ctx.db.insert(auditEvents).values({ ...fields, prevHash, hash: auditHash(prevHash, fields) });
}

export interface ChainReport {
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Recomputes the whole chain; names the first row whose hash or link does not match. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(batchSize);
    if (rows.length === 0) return { checked, firstBrokenId: null, reason: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { checked, firstBrokenId: row.id, reason: 'link to the previous record does not match (a record was removed or reordered)' };
      if (auditHash(prevHash, row) !== row.hash) return { checked, firstBrokenId: row.id, reason: 'content does not match its hash (the record was altered)' };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
