import { Box, Button, Card, Group, LoadingOverlay, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxSearch } from '../../app/router.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { TableScroll } from '../../components/table-scroll.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { PaginationBar } from '../../components/pagination-bar.js';
import { RequireAuth } from '../../components/require-auth.js';
import { toQueryString, type Page } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { OutboxStatusBadge } from './outbox-status.js';
import type { OutboxMessage } from '../../lib/api-types.js';

const routeApi = getRouteApi('/admin/outbox');
const PAGE_SIZE = 20;
const STATUSES = ['pending', 'sent', 'kept', 'failed'] as const;

/** E-mails the platform queued (sent, kept for review in demo mode, or failed). */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  return (
    <RequireAuth permission="admin.outbox.read">
      <OutboxContent />
    </RequireAuth>
  );
}

function OutboxContent() {
  const { t, i18n } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const page = search.page ?? 1;
  const list = useApiQuery<Page<OutboxMessage>>(
    `/outbox${toQueryString({ to: search.to, status: search.status, page, pageSize: PAGE_SIZE })}`,
  );
  const [filters, setFilters] = useState({ to: search.to ?? '', status: search.status ?? '' });
  const setSearch = (patch: Partial<OutboxSearch>) => void navigate({ search: (previous) => ({ ...previous, ...patch }) });

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.intro')}
        actions={
          <Button variant="default" onClick={list.reload} loading={list.isLoading} data-testid="outbox-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Card withBorder padding="md" mb="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSearch({
              to: filters.to.trim() || undefined,
              status: (filters.status || undefined) as OutboxSearch['status'],
              page: undefined,
            });
          }}
          data-testid="outbox-filters"
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('outbox.to')}
              type="search"
              value={filters.to}
              onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value })}
              style={{ flex: '1 1 240px' }}
              data-testid="outbox-filter-to"
            />
            <NativeSelect
              label={t('members.status')}
              value={filters.status}
              onChange={(event) => setFilters({ ...filters, status: event.currentTarget.value })}
              data={[{ value: '', label: t('common.all') }, ...STATUSES.map((status) => ({ value: status, label: t(`outbox.statuses.${status}`) }))]}
            />
            <Button type="submit">{t('common.filter')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setFilters({ to: '', status: '' });
                void navigate({ search: {} });
              }}
            >
              {t('common.reset')}
            </Button>
          </Group>
        </form>
      </Card>

      <ErrorAlert error={list.error} mb="md" />
      {!list.data && list.isLoading ? <PageLoader /> : null}
      {list.data ? (
        <Box pos="relative">
          <LoadingOverlay visible={list.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
          <TableScroll label={t('outbox.title')} minWidth={760}>
            <Table striped highlightOnHover data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outbox.createdAt')}</Table.Th>
                  <Table.Th>{t('outbox.to')}</Table.Th>
                  <Table.Th>{t('outbox.subject')}</Table.Th>
                  <Table.Th>{t('outbox.template')}</Table.Th>
                  <Table.Th>{t('members.status')}</Table.Th>
                  <Table.Th>{t('outbox.attempts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text size="sm" ta="center" py="md">
                        {t('common.noResults')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {list.data.items.map((message) => (
                  <Table.Tr
                    key={message.id}
                    data-testid="outbox-row"
                    data-to={message.to}
                    data-template={message.template}
                    style={{ cursor: 'pointer' }}
                    onClick={(event) => {
                      if ((event.target as HTMLElement).closest('a')) return;
                      void navigate({ to: '/admin/outbox/$id', params: { id: message.id } });
                    }}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(message.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>{message.to}</Table.Td>
                    <Table.Td>
                      <AnchorLink to="/admin/outbox/$id" params={{ id: message.id }} data-testid="outbox-open">
                        {message.subject}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {message.template}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <OutboxStatusBadge status={message.status} />
                    </Table.Td>
                    <Table.Td>{message.attempts}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(next) => setSearch({ page: next })} />
        </Box>
      ) : null}
    </>
  );
}
