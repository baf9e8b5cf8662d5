import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { auditEvents } from '../../core/audit/audit.tables.js';

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  order: 'asc' | 'desc';
}

const actorEmail = sql<string | null>`(SELECT u.email FROM users u WHERE u.id = audit_events.actor_user_id)`;

function conditionOf(filter: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.action) where.push(sql`${auditEvents.action} LIKE ${`${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.actor) where.push(sql`${auditEvents.actorUserId} IN (SELECT u.id FROM users u WHERE u.email = ${filter.actor.toLowerCase()})`);
  if (filter.objectType) where.push(eq(auditEvents.objectType, filter.objectType));
  if (filter.objectId) where.push(eq(auditEvents.objectId, filter.objectId));
  if (filter.from) where.push(gte(auditEvents.occurredAt, new Date(`${filter.from}T00:00:00+07:00`)));
  if (filter.to) where.push(lt(auditEvents.occurredAt, new Date(new Date(`${filter.to}T00:00:00+07:00`).getTime() + 86400_000)));
  return where.length ? and(...where) : undefined;
}

export async function listAudit(db: Tx, filter: AuditFilter & { page: number; pageSize: number }) {
  const condition = conditionOf(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...getColumns(), actorEmail })
      .from(auditEvents)
      .where(condition)
      .orderBy(filter.order === 'asc' ? asc(auditEvents.id) : desc(auditEvents.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ value: count() }).from(auditEvents).where(condition),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** Streams the filtered audit rows in pages of 1,000 (for CSV export). */
export async function* iterateAudit(db: Tx, filter: AuditFilter, max = 100_000) {
  const condition = conditionOf(filter);
  let seen = 0;
  let cursor: number | null = null;
  while (seen < max) {
    const pageCondition: SQL | undefined =
      cursor === null ? condition : and(condition, filter.order === 'asc' ? sql`${auditEvents.id} > ${cursor}` : lt(auditEvents.id, cursor));
    const rows = await db
      .select({ ...getColumns(), actorEmail })
      .from(auditEvents)
      .where(pageCondition)
      .orderBy(filter.order === 'asc' ? asc(auditEvents.id) : desc(auditEvents.id))
      .limit(1000);
    if (rows.length === 0) return;
    for (const row of rows) yield row;
    seen += rows.length;
    cursor = rows[rows.length - 1]!.id;
  }
}

function getColumns() {
  return {
    id: auditEvents.id,
    occurredAt: auditEvents.occurredAt,
    actorUserId: auditEvents.actorUserId,
    actorOrganisationId: auditEvents.actorOrganisationId,
    action: auditEvents.action,
    objectType: auditEvents.objectType,
    objectId: auditEvents.objectId,
    summary: auditEvents.summary,
    ip: auditEvents.ip,
    requestId: auditEvents.requestId,
    hash: auditEvents.hash,
  };
}
