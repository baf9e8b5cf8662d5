import { z } from 'zod';
import { pageOf, Uuid } from './shared.js';

/**
 * In-app notifications. `kind` is a message key: the web shows `notifications.<kind>.title` / `.body` filled with
 * `params` (never confidential values such as prices or rates); `link` is the page it opens.
 */
export const NotificationView = z.object({
  id: Uuid,
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationPage = pageOf(NotificationView).extend({ unreadCount: z.number().int() });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ unreadCount: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
