import { stringify } from 'csv-stringify';
import type { z } from 'zod';
import type { AuditListQuery } from '../../../../common/src/api/admin.js';
import { assertCan } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import * as q from './audit-log.queries.js';

type Query = z.infer<typeof AuditListQuery>;

/** Audit trail, filtered and paged. Permission: admin.audit.read. */
export async function listAudit(ctx: Ctx, input: Query) {
  assertCan(ctx.actor, 'admin.audit.read');
  return q.listAudit(ctx.db, input);
}

/** CSV of the filtered trail (at most 100,000 rows); the export itself is audited. Permission: admin.audit.read. Audit: audit.exported. */
export async function exportAuditCsv(ctx: Ctx, input: Omit<Query, 'page' | 'pageSize'>): Promise<NodeJS.ReadableStream> {
  assertCan(ctx.actor, 'admin.audit.read');
  await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'audit.exported', summary: { filter: input } }));
  const csv = stringify({
    header: true,
    bom: true,
    columns: ['id', 'occurred_at', 'actor_user_id', 'actor_email', 'actor_organisation_id', 'action', 'object_type', 'object_id', 'summary', 'ip', 'request_id', 'hash'],
  });
  (async () => {
    for await (const row of q.iterateAudit(ctx.db, input)) {
      const ok = csv.write([
        row.id,
        row.occurredAt.toISOString(),
        row.actorUserId,
        row.actorEmail,
        row.actorOrganisationId,
        row.action,
        row.objectType,
        row.objectId,
        JSON.stringify(row.summary),
        row.ip,
        row.requestId,
        row.hash,
      ]);
      if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
    }
    csv.end();
  })().catch((error: unknown) => csv.destroy(error as Error));
  return csv;
}
