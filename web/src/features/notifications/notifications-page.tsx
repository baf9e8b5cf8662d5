import { Badge, Box, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPage, NotificationView, UnreadCount } from '../../../../common/src/api/notifications.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { PaginationBar } from '../../components/pagination-bar.js';
import { RequireAuth } from '../../components/require-auth.js';
import { api, toQueryString } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { setUnreadCount } from './unread-count.js';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  return (
    <RequireAuth permission="notifications.read">
      <NotificationsList />
    </RequireAuth>
  );
}

function NotificationsList() {
  const { t } = useTranslation();
  usePageTitle(t('notificationCenter.title'));
  const search = useSearch({ from: '/notifications' });
  const navigate = useNavigate({ from: '/notifications' });
  const page = search.page ?? 1;
  const query = useApiQuery<NotificationPage>(`/notifications${toQueryString({ page, pageSize: PAGE_SIZE, unreadOnly: search.unread ? 'true' : undefined })}`);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data, setData } = query;

  useEffect(() => {
    if (data) setUnreadCount(data.unreadCount);
  }, [data]);

  const markRead = async (item: NotificationView) => {
    setBusy(item.id);
    setError(null);
    try {
      const { unreadCount } = await api.post<UnreadCount>(`/notifications/${item.id}/read`);
      setUnreadCount(unreadCount);
      setData((previous) => previous && { ...previous, unreadCount, items: previous.items.map((n) => (n.id === item.id ? { ...n, readAt: new Date().toISOString() } : n)) });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  const markAll = async () => {
    setBusy('all');
    setError(null);
    try {
      await api.post<UnreadCount>('/notifications/read-all');
      setUnreadCount(0);
      query.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box maw={880} mx="auto" px="md" py="xl">
      <PageHeader
        title={t('notificationCenter.title')}
        description={t('notificationCenter.intro')}
        actions={
          <Button variant="default" onClick={() => void markAll()} loading={busy === 'all'} disabled={!data || data.unreadCount === 0} data-testid="notifications-read-all">
            {t('notificationCenter.markAllRead')}
          </Button>
        }
      />
      <Checkbox
        mb="md"
        label={t('notificationCenter.unreadOnly')}
        checked={search.unread === true}
        onChange={(event) => void navigate({ search: { unread: event.currentTarget.checked ? true : undefined } })}
        data-testid="notifications-unread-only"
      />
      <ErrorAlert error={query.error ?? error} mb="md" />
      {!data ? (
        <PageLoader />
      ) : data.items.length === 0 ? (
        <Text c="dimmed" data-testid="notifications-empty">
          {t('notificationCenter.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('notificationCenter.listLabel')} data-testid="notifications-list">
          {data.items.map((item) => (
            <NotificationItem key={item.id} item={item} isBusy={busy === item.id} onRead={() => void markRead(item)} />
          ))}
        </Stack>
      )}
      {data ? <PaginationBar page={page} pageSize={PAGE_SIZE} total={data.total} onChange={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} /> : null}
    </Box>
  );
}

function NotificationItem({ item, isBusy, onRead }: { item: NotificationView; isBusy: boolean; onRead: () => void }) {
  const { t, i18n } = useTranslation();
  const router = useRouter();
  const title = t(`notifications.${item.kind}.title`, { ...item.params, defaultValue: item.kind });
  const body = t(`notifications.${item.kind}.body`, { ...item.params, defaultValue: '' });
  const isUnread = item.readAt === null;

  const open = () => {
    if (isUnread) onRead();
    if (item.link) router.history.push(item.link);
  };

  return (
    <Box component="li" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="notification-item" data-unread={isUnread}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            {isUnread ? (
              <Badge color="harbour" variant="light" size="sm">
                {t('notificationCenter.unread')}
              </Badge>
            ) : null}
            <Text fw={isUnread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Text>
          </Group>
          {body ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {body}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt}>
            {formatDateTime(item.createdAt, i18n.language)}
          </Text>
        </Stack>
        <Group gap="xs">
          {item.link ? (
            <Button size="xs" onClick={open} data-testid="notification-open">
              {t('notificationCenter.open')}
            </Button>
          ) : null}
          {isUnread ? (
            <Button size="xs" variant="default" loading={isBusy} onClick={onRead} aria-label={t('notificationCenter.markReadNamed', { title })} data-testid="notification-read">
              {t('notificationCenter.markRead')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Box>
  );
}
