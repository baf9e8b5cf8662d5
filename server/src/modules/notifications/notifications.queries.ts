import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { notifications } from './notifications.tables.js';

export async function insertNotifications(db: Tx, values: (typeof notifications.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(notifications).values(values).returning({ id: notifications.id, userId: notifications.userId });
}

/** A page of one user's notifications, newest first (only theirs: the user id is part of every query). */
export async function listForUser(db: Tx, input: { userId: string; unreadOnly: boolean; page: number; pageSize: number }) {
  const where = and(eq(notifications.userId, input.userId), input.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(notifications).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}

export async function countUnread(db: Tx, userId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.value ?? 0);
}

/** Marks one of the user's notifications read; undefined when it is not theirs (or does not exist). */
export async function markRead(db: Tx, userId: string, id: string) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (row) return row;
  const [existing] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return existing;
}

export async function markAllRead(db: Tx, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
