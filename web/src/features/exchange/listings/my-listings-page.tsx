import { Button, Container, Menu, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LISTING_KINDS, LISTING_STATUSES } from '../../../../../common/src/api/exchange-listings.js';
import { FilterCard } from '../../../components/filter-card.js';
import { AnchorLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SortableTh } from '../../../components/sortable-th.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { ListingStatusBadges } from './listing-parts.js';
import { localTitle, myListingsPath, type OwnListingPage, type OwnListingSummary } from './listings-api.js';

const routeApi = getRouteApi('/exchange/mine');
const PAGE_SIZE = 20;

/** "Tin của tôi": the listings of the caller's organisations with their statuses, filters and a "new listing" menu. */
export function MyListingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeListings.mine.title'));
  return (
    <Container size="lg" py="xl">
      <RequireAuth permission="exchange.listings.write">
        <MyListings />
      </RequireAuth>
    </Container>
  );
}

function NewListingMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button data-testid="listing-new">{t('exchangeListings.mine.new')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LISTING_KINDS.map((kind) => (
          <Menu.Item key={kind} onClick={() => void navigate({ to: '/exchange/mine/new', search: { kind } })} data-testid={`listing-new-${kind}`}>
            {t(`exchange.kinds.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function MyListings() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), { filterKeys: ['kind', 'status', 'q'], defaults: { sort: 'updated', order: 'desc' }, pageSize: PAGE_SIZE });
  const query = useApiQuery<OwnListingPage>(myListingsPath({ ...list.query, page: list.pagination.page, pageSize: PAGE_SIZE }));
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const title = (item: OwnListingSummary) => (
    <Stack gap={2}>
      <AnchorLink to="/exchange/mine/$id" params={{ id: item.id }} fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="my-listing-link">
        {localTitle(item.title, i18n.language) || item.reference}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {item.reference} · {t(`exchange.kinds.${item.kind}`)}
        {item.organisationName ? ` · ${item.organisationName}` : ''}
      </Text>
    </Stack>
  );
  return (
    <>
      <PageHeader title={t('exchangeListings.mine.title')} description={t('exchangeListings.mine.intro')} actions={<NewListingMenu />} />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="my-listings-filters" grid>
        <NativeSelect
          label={t('exchangeListings.mine.kind')}
          {...list.filterInput('kind')}
          data={[{ value: '', label: t('common.all') }, ...LISTING_KINDS.map((value) => ({ value, label: t(`exchange.kinds.${value}`) }))]}
        />
        <NativeSelect
          label={t('exchangeListings.mine.status')}
          {...list.filterInput('status')}
          data={[{ value: '', label: t('common.all') }, ...LISTING_STATUSES.map((value) => ({ value, label: t(`exchange.statuses.${value}`) }))]}
        />
        <TextInput label={t('exchangeListings.mine.search')} {...list.filterInput('q')} maxLength={200} />
      </FilterCard>
      {query.data ? (
        <Text size="sm" mb="xs" aria-live="polite">
          {t('exchangeListings.mine.total', { count: query.data.total })}
        </Text>
      ) : null}
      <ListTable
        query={query}
        label={t('exchangeListings.mine.title')}
        minWidth={820}
        testId="my-listings-table"
        pagination={list.pagination}
        columns={[
          <SortableTh key="reference" label={t('exchangeListings.mine.columns.listing')} field="reference" {...sortable} />,
          t('exchangeListings.mine.columns.status'),
          t('exchangeListings.mine.columns.visibility'),
          <SortableTh key="valid_until" label={t('exchangeListings.mine.columns.validUntil')} field="valid_until" {...sortable} />,
          <SortableTh key="updated" label={t('exchangeListings.mine.columns.updated')} field="updated" {...sortable} />,
        ]}
        renderRow={(item) => (
          <Table.Tr key={item.id} data-testid="my-listing-row">
            <Table.Td style={{ minWidth: 260 }}>{title(item)}</Table.Td>
            <Table.Td>
              <ListingStatusBadges status={item.status} workingRevisionStatus={item.workingRevisionStatus} />
            </Table.Td>
            <Table.Td>{t(`exchange.visibilities.${item.visibility}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.validUntil, i18n.language)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.updatedAt, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (item) => item.id,
          testId: 'my-listings-cards',
          render: (item) => (
            <Stack gap={6}>
              {title(item)}
              <ListingStatusBadges status={item.status} workingRevisionStatus={item.workingRevisionStatus} />
              {item.validUntil ? <Text size="xs">{t('exchange.validUntil', { date: formatDate(item.validUntil, i18n.language) })}</Text> : null}
            </Stack>
          ),
        }}
      />
    </>
  );
}
