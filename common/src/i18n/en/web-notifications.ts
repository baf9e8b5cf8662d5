import type { webNotifications as vi } from '../vi/web-notifications.js';

/** Notification bell and page, English. Message texts: notifications.ts. */
export const webNotifications: typeof vi = {
  notificationCenter: {
    title: 'Notifications',
    intro: 'Notifications sent to you, newest first.',
    bell: 'Notifications',
    bellUnread_one: 'Notifications: {{count}} unread',
    bellUnread_other: 'Notifications: {{count}} unread',
    unreadOnly: 'Show unread only',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    markReadNamed: 'Mark as read: {{title}}',
    unread: 'Unread',
    open: 'Open',
    empty: 'No notifications.',
    listLabel: 'Notifications',
  },
};
