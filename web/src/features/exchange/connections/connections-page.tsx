import { Badge, Container, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CONNECTION_DIRECTIONS,
  CONNECTION_OUTCOME_KINDS,
  CONNECTION_STATUSES,
  type ConnectionList,
  type ConnectionSummary,
} from '../../../../../common/src/api/exchange-connections.js';
import { LISTING_KINDS } from '../../../../../common/src/api/exchange-listings.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { FilterCard } from '../../../components/filter-card.js';
import { AnchorLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SortableTh } from '../../../components/sortable-th.js';
import { formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { ConnectionStatusBadge, ReplyTargetBadge } from './connection-badges.js';

const routeApi = getRouteApi('/exchange/connections');
const PAGE_SIZE = 20;

/** "Kết nối của tôi": the expressions of interest the user's organisations sent and received. */
export function ConnectionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeConnections.list.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="exchange.connect">
        <ConnectionsContent />
      </RequireAuth>
    </Container>
  );
}

function ConnectionsContent() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['direction', 'status', 'outcome', 'kind', 'search'],
    defaults: { sort: 'updated', order: 'desc' },
    pageSize: PAGE_SIZE,
  });
  const connections = useApiQuery<ConnectionList>(`/exchange/connections${list.pageQuery}`);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const all = { value: '', label: t('exchangeConnections.list.any') };

  return (
    <>
      <PageHeader
        title={t('exchangeConnections.list.title')}
        description={t('exchangeConnections.list.intro')}
        actions={<ExportButtons path="/exchange/connections/export" query={list.query} testId="connections-export" />}
      />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="connections-filters" grid>
        <NativeSelect
          label={t('exchangeConnections.list.direction')}
          {...list.filterInput('direction')}
          data={CONNECTION_DIRECTIONS.map((value) => ({ value: value === 'all' ? '' : value, label: t(`exchangeConnections.directions.${value}`) }))}
          data-testid="connections-direction"
        />
        <NativeSelect
          label={t('exchangeConnections.list.status')}
          {...list.filterInput('status')}
          data={[all, ...CONNECTION_STATUSES.map((value) => ({ value, label: t(`exchangeConnections.statuses.${value}`) }))]}
          data-testid="connections-status"
        />
        <NativeSelect
          label={t('exchangeConnections.list.outcome')}
          {...list.filterInput('outcome')}
          data={[all, ...CONNECTION_OUTCOME_KINDS.map((value) => ({ value, label: t(`exchange.outcomes.${value}`) }))]}
        />
        <NativeSelect label={t('exchangeConnections.list.kind')} {...list.filterInput('kind')} data={[all, ...LISTING_KINDS.map((value) => ({ value, label: t(`exchange.kinds.${value}`) }))]} />
        <TextInput label={t('exchangeConnections.list.search')} {...list.filterInput('search')} maxLength={100} data-testid="connections-search" />
      </FilterCard>

      <ListTable<ConnectionSummary>
        query={connections}
        label={t('exchangeConnections.list.title')}
        minWidth={980}
        testId="connections-table"
        pagination={list.pagination}
        columns={[
          t('exchangeConnections.list.direction'),
          t('exchangeConnections.list.listing'),
          t('exchangeConnections.list.otherParty'),
          t('exchangeConnections.list.status'),
          <SortableTh key="reply_due" label={t('exchangeConnections.list.replyDueOn')} field="reply_due" {...sortable} />,
          t('exchangeConnections.list.outcome'),
          <SortableTh key="updated" label={t('exchangeConnections.list.updatedAt')} field="updated" {...sortable} />,
        ]}
        renderRow={(connection) => (
          <Table.Tr key={connection.id} data-testid="connection-row" data-id={connection.id} data-status={connection.status}>
            <Table.Td>
              <Badge variant="outline" color={connection.side === 'owner' ? 'blue.9' : 'grape.9'} tt="none">
                {t(`exchangeConnections.sides.${connection.side}`)}
              </Badge>
            </Table.Td>
            <Table.Td style={{ minWidth: 260 }}>
              <AnchorLink to="/exchange/connections/$id" params={{ id: connection.id }} data-testid="connection-link">
                {connection.listingTitle}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {connection.listingReference} · {t(`exchange.kinds.${connection.listingKind}`)}
              </Text>
            </Table.Td>
            <Table.Td>{connection.otherPartyName || t('exchangeConnections.ownerUndisclosed')}</Table.Td>
            <Table.Td>
              <ConnectionStatusBadge status={connection.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <ReplyTargetBadge state={connection.replyTarget} dueOn={connection.replyDueOn} />
            </Table.Td>
            <Table.Td>{connection.latestOutcome ? t(`exchange.outcomes.${connection.latestOutcome}`) : ''}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(connection.updatedAt, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
