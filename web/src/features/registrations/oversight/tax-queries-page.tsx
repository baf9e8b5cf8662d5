import { Badge, Container, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FilterCard } from '../../../components/filter-card.js';
import { AnchorLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import type { Page } from '../../../lib/api.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import type { TaxQuerySummary } from './oversight-api.js';

const routeApi = getRouteApi('/work/registrations/tax-queries');
const PAGE_SIZE = 20;

/** DOST: the Tax Department's questions about registered contracts (leaders see all, officers those of their cases). */
export function TaxQueriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('registrationOversight.queries.dostTitle'));
  return (
    <RequireAuth permission="registration.process">
      <Container size="xl" py="xl">
        <TaxQueriesContent />
      </Container>
    </RequireAuth>
  );
}

function TaxQueriesContent() {
  const { t, i18n } = useTranslation();
  const o = (key: string, params?: Record<string, unknown>) => t(`registrationOversight.queries.${key}`, params);
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), { filterKeys: ['status'], pageSize: PAGE_SIZE });
  const queries = useApiQuery<Page<TaxQuerySummary>>(`/registration-tax-queries${list.pageQuery}`);
  const status = (item: TaxQuerySummary) => (
    <Badge color={item.status === 'open' ? 'blue.9' : 'gray.8'} size="sm">
      {item.status === 'open' ? o('statusOpen') : o('statusClosed')}
    </Badge>
  );
  const link = (item: TaxQuerySummary) => (
    <AnchorLink to="/work/registrations/tax-queries/$queryId" params={{ queryId: item.id }} size="sm" data-testid="tax-query-link">
      {item.subject}
    </AnchorLink>
  );
  return (
    <>
      <PageHeader title={o('dostTitle')} description={o('dostIntro')} />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="tax-queries-filters">
        <NativeSelect
          label={o('status')}
          {...list.filterInput('status')}
          data={[
            { value: '', label: t('registrationOversight.common.all') },
            { value: 'open', label: o('statusOpen') },
            { value: 'closed', label: o('statusClosed') },
          ]}
        />
      </FilterCard>
      <ListTable
        query={queries}
        label={o('dostTitle')}
        minWidth={760}
        testId="tax-queries"
        pagination={list.pagination}
        columns={[o('subject'), t('registrationOversight.tax.columns.reference'), o('organisation'), o('lastActivity'), '']}
        renderRow={(item) => (
          <Table.Tr key={item.id} data-testid="tax-query-row">
            <Table.Td>
              {link(item)}
              <Text size="xs" c="dimmed">
                {o('messages', { n: item.messageCount })}
              </Text>
            </Table.Td>
            <Table.Td>{item.referenceNo}</Table.Td>
            <Table.Td>{item.organisationName}</Table.Td>
            <Table.Td>{formatDateTime(item.lastMessageAt ?? item.updatedAt, i18n.language)}</Table.Td>
            <Table.Td>{status(item)}</Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (item) => item.id,
          testId: 'tax-query-cards',
          render: (item) => (
            <Stack gap={4}>
              {link(item)}
              <Text size="xs" c="dimmed">
                {item.referenceNo} · {item.organisationName} · {formatDateTime(item.lastMessageAt ?? item.updatedAt, i18n.language)}
              </Text>
              {status(item)}
            </Stack>
          ),
        }}
      />
    </>
  );
}
