import type { NotificationListQuery, NotificationPage, NotificationView } from '../../../../common/src/api/notifications.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { queueMail } from '../../core/mail/mail.js';
import { userContacts } from '../users/index.js';
import * as q from './notifications.queries.js';
import type { NotificationParams, NotificationRow } from './notifications.tables.js';

/** Words of parameter names that would carry money or rates: a notification (and its e-mail copy) never does. */
const CONFIDENTIAL_WORDS = new Set(['price', 'prices', 'amount', 'value', 'rate', 'rates', 'fee', 'fees', 'vnd', 'royalty', 'royalties', 'cost', 'payment', 'percent']);
/** `contractValueVnd` → contract, value, vnd; `royalty_rate` → royalty, rate. */
const isConfidentialName = (key: string) => key.split(/(?=[A-Z])|[_.-]/).some((word) => CONFIDENTIAL_WORDS.has(word.toLowerCase()));

export interface NotifyInput {
  userIds: readonly string[];
  /** Message key: notifications.<kind>.title / .body in the `notifications` catalogs (e.g. registration.submitted). */
  kind: string;
  params: NotificationParams;
  /** Platform path the notification opens, e.g. /work/registrations/<id>. */
  link: string | null;
  /** Also e-mail each recipient in their own language. */
  email?: boolean | undefined;
}

/**
 * Tells some users about something in-app (one row each; duplicates and disabled users skipped) and, when asked,
 * by e-mail through the outbox in each user's language, in the caller's transaction. Parameters must not carry
 * prices, rates or other confidential values (a parameter named like one is a programming error), and the kind must
 * have its texts in the `notifications` catalogs (else a programming error too). No permission:
 * called by services after their own checks; no audit (the step that notifies is audited).
 */
export async function notify(ctx: Ctx, input: NotifyInput): Promise<{ notified: number }> {
  const bad = Object.keys(input.params).find(isConfidentialName);
  if (bad) throw new Error(`notification parameter ${bad} looks confidential`);
  if (input.link !== null && !/^\/[^/]/.test(input.link)) throw new Error(`notification link ${input.link} is not a platform path`);
  const titleKey = `notifications.${input.kind}.title`;
  if (translate('vi', titleKey) === titleKey || translate('en', titleKey) === titleKey) throw new Error(`notification kind ${input.kind} has no text in the notifications catalogs`);
  const contacts = await userContacts(ctx.db, [...new Set(input.userIds)]);
  if (contacts.length === 0) return { notified: 0 };
  return inTransaction(ctx, async (tx) => {
    await q.insertNotifications(
      tx.db,
      contacts.map((c) => ({ userId: c.id, kind: input.kind, params: input.params, link: input.link })),
    );
    if (input.email) {
      for (const contact of contacts) {
        const message = {
          name: contact.name,
          title: translate(contact.locale, `notifications.${input.kind}.title`, input.params),
          body: translate(contact.locale, `notifications.${input.kind}.body`, input.params),
          url: input.link ? `${ctx.config.PUBLIC_URL}${input.link}` : ctx.config.PUBLIC_URL,
        };
        await queueMail(tx, contact.email, contact.locale, 'notification', message);
      }
    }
    return { notified: contacts.length };
  });
}

function toView(row: NotificationRow): NotificationView {
  return { id: row.id, kind: row.kind, params: row.params, link: row.link, readAt: row.readAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}

/** The caller's own notifications, newest first, with their unread count. Permission: notifications.read. */
export async function listNotifications(ctx: Ctx, input: NotificationListQuery): Promise<NotificationPage> {
  assertCan(ctx.actor, 'notifications.read');
  const user = requireUser(ctx.actor);
  const [{ rows, total }, unreadCount] = await Promise.all([q.listForUser(ctx.db, { userId: user.userId, ...input }), q.countUnread(ctx.db, user.userId)]);
  return { items: rows.map(toView), total, page: input.page, pageSize: input.pageSize, unreadCount };
}

/** How many of the caller's notifications are unread (the bell). Permission: notifications.read. */
export async function countUnreadNotifications(ctx: Ctx): Promise<{ unreadCount: number }> {
  assertCan(ctx.actor, 'notifications.read');
  const user = requireUser(ctx.actor);
  return { unreadCount: await q.countUnread(ctx.db, user.userId) };
}

/**
 * Marks one of the caller's notifications read; someone else's (or an unknown id) is NOT_FOUND. Permission:
 * notifications.read. No audit: a personal read marker, not a decision.
 */
export async function markNotificationRead(ctx: Ctx, input: { id: string }): Promise<{ unreadCount: number }> {
  assertCan(ctx.actor, 'notifications.read');
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if (!(await q.markRead(tx.db, user.userId, input.id))) throw new AppError('NOT_FOUND');
    return { unreadCount: await q.countUnread(tx.db, user.userId) };
  });
}

/** Marks all the caller's notifications read. Permission: notifications.read. No audit (personal read marker). */
export async function markAllNotificationsRead(ctx: Ctx): Promise<{ unreadCount: number }> {
  assertCan(ctx.actor, 'notifications.read');
  const user = requireUser(ctx.actor);
  await q.markAllRead(ctx.db, user.userId);
  return { unreadCount: 0 };
}
