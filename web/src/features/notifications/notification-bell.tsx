import { Indicator } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { refreshUnreadCount, useUnreadCount } from './unread-count.js';

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

/**
 * Header link to /notifications with the unread count (a red dot with the number; the count is also in the link's
 * accessible name). Refreshed on each page change and when the tab becomes visible again.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadCount();
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  useEffect(() => {
    void refreshUnreadCount();
  }, [pathname]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refreshUnreadCount();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const label = count > 0 ? t('notificationCenter.bellUnread', { count }) : t('notificationCenter.bell');
  return (
    <Link to="/notifications" className="notification-bell" aria-label={label} title={label} data-testid="nav-notifications">
      <Indicator label={count > 99 ? '99+' : count} size={18} color="red.8" disabled={count === 0} offset={2} data-testid="notification-count" data-count={count}>
        <BellIcon />
      </Indicator>
    </Link>
  );
}
