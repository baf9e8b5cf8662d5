import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { OutboxListQuery } from '../../../../common/src/api/admin.js';
import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { mailOutbox } from '../../core/mail/mail.tables.js';

/** Outgoing e-mail (kept here when no SMTP server is configured). Permission: admin.outbox.read. */
export async function listOutbox(ctx: Ctx, input: z.infer<typeof OutboxListQuery>) {
  assertCan(ctx.actor, 'admin.outbox.read');
  const where: SQL[] = [];
  if (input.to) where.push(eq(mailOutbox.toAddress, input.to.toLowerCase()));
  if (input.status) where.push(eq(mailOutbox.status, input.status));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(mailOutbox)
      .where(condition)
      .orderBy(input.order === 'asc' ? mailOutbox.createdAt : desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ value: count() }).from(mailOutbox).where(condition),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function getOutboxMessage(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'admin.outbox.read');
  const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.id, input.id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
