import { Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { FilterCard } from '../../components/filter-card.js';
import { ListTable } from '../../components/list-table.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import type { Page } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useListSearch } from '../../lib/use-list-search.js';
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
  const navigate = routeApi.useNavigate();
  const list = useListSearch(routeApi.useSearch(), navigate, { filterKeys: ['to', 'status'], pageSize: PAGE_SIZE });
  const messages = useApiQuery<Page<OutboxMessage>>(`/outbox${list.pageQuery}`);

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.intro')}
        actions={
          <Button variant="default" onClick={messages.reload} loading={messages.isLoading} data-testid="outbox-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="outbox-filters">
        <TextInput
          label={t('outbox.to')}
          type="search"
          {...list.filterInput('to')}
          style={{ flex: '1 1 240px' }}
          data-testid="outbox-filter-to"
        />
        <NativeSelect
          label={t('members.status')}
          {...list.filterInput('status')}
          data={[{ value: '', label: t('common.all') }, ...STATUSES.map((status) => ({ value: status, label: t(`outbox.statuses.${status}`) }))]}
        />
      </FilterCard>

      <ListTable
        query={messages}
        label={t('outbox.title')}
        minWidth={760}
        testId="outbox-table"
        pagination={list.pagination}
        columns={[
          t('outbox.createdAt'),
          t('outbox.to'),
          t('outbox.subject'),
          t('outbox.template'),
          t('members.status'),
          t('outbox.attempts'),
        ]}
        renderRow={(message) => (
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
        )}
      />
    </>
  );
}
