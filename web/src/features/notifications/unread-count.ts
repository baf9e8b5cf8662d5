import { useSyncExternalStore } from 'react';
import type { UnreadCount } from '../../../../common/src/api/notifications.js';
import { api } from '../../lib/api.js';

/*
 * The unread count shared by the header bell and the notifications page. It is fetched when the user moves to
 * another page or comes back to the tab, never on a timer: a poll would keep an idle session alive forever.
 */
let unread = 0;
const listeners = new Set<() => void>();

export function setUnreadCount(count: number): void {
  unread = count;
  for (const listener of listeners) listener();
}

export async function refreshUnreadCount(): Promise<void> {
  try {
    setUnreadCount((await api.get<UnreadCount>('/notifications/unread-count')).unreadCount);
  } catch {
    // The bell is a hint: a failed count (offline, signed out) keeps the last value.
  }
}

export function useUnreadCount(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => unread,
  );
}
