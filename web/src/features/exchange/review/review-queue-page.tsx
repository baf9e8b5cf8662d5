import { Badge, Container, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LISTING_KINDS } from '../../../../../common/src/api/exchange-listings.js';
import type { ReviewQueueItem, ReviewQueuePage as QueuePageSchema } from '../../../../../common/src/api/exchange-review.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { FilterCard } from '../../../components/filter-card.js';
import { AnchorLink, ButtonLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SortableTh } from '../../../components/sortable-th.js';
import { formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { localTitle } from '../listings/listings-api.js';

const routeApi = getRouteApi('/work/exchange/review');
const PAGE_SIZE = 25;
type Item = z.infer<typeof ReviewQueueItem>;

/** DOST review queue: submitted listings and edits, oldest first, with filters and export. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeReview.queue.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="exchange.listings.review">
        <Queue />
      </RequireAuth>
    </Container>
  );
}

function Queue() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), { filterKeys: ['kind', 'type', 'minAgeDays', 'q'], defaults: { sort: 'submitted', order: 'asc' }, pageSize: PAGE_SIZE });
  const query = useApiQuery<z.infer<typeof QueuePageSchema>>(`/exchange/review-queue${list.pageQuery}`);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const listing = (item: Item) => (
    <Stack gap={2}>
      <AnchorLink to="/work/exchange/review/$id" params={{ id: item.listingId }} fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="review-link">
        {localTitle(item.title, i18n.language) || item.reference}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {item.reference} · {t(`exchange.kinds.${item.kind}`)}
        {item.organisationName ? ` · ${item.organisationName}` : ''}
      </Text>
    </Stack>
  );
  const warning = (item: Item) =>
    item.warning ? (
      <Badge color={item.warning === 'prohibited' ? 'red.9' : 'orange.9'} variant="filled" tt="none">
        {t(`exchangeReview.warning.${item.warning}`)}
      </Badge>
    ) : null;
  return (
    <>
      <PageHeader
        title={t('exchangeReview.queue.title')}
        description={t('exchangeReview.queue.intro')}
        actions={
          <Group gap="xs">
            <ButtonLink to="/work/exchange/reports" variant="light">
              {t('exchangeReview.queue.reportsLink')}
            </ButtonLink>
            <ExportButtons path="/exchange/review-queue/export" query={list.query} testId="review-export" />
          </Group>
        }
      />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="review-filters" grid>
        <NativeSelect label={t('exchangeReview.queue.kind')} {...list.filterInput('kind')} data={[{ value: '', label: t('common.all') }, ...LISTING_KINDS.map((value) => ({ value, label: t(`exchange.kinds.${value}`) }))]} />
        <NativeSelect
          label={t('exchangeReview.queue.type')}
          {...list.filterInput('type')}
          data={[
            { value: '', label: t('common.all') },
            { value: 'new', label: t('exchangeReview.type.new') },
            { value: 'edit', label: t('exchangeReview.type.edit') },
          ]}
        />
        <TextInput label={t('exchangeReview.queue.minAgeDays')} type="number" min={1} {...list.filterInput('minAgeDays')} />
        <TextInput label={t('exchangeReview.queue.search')} {...list.filterInput('q')} maxLength={200} />
      </FilterCard>
      {query.data ? (
        <Text size="sm" mb="xs" aria-live="polite">
          {t('exchangeReview.queue.total', { count: query.data.total })}
        </Text>
      ) : null}
      <ListTable
        query={query}
        label={t('exchangeReview.queue.title')}
        minWidth={900}
        testId="review-table"
        pagination={list.pagination}
        columns={[
          <SortableTh key="reference" label={t('exchangeReview.queue.columns.listing')} field="reference" {...sortable} />,
          t('exchangeReview.queue.columns.type'),
          <SortableTh key="submitted" label={t('exchangeReview.queue.columns.submitted')} field="submitted" {...sortable} />,
          t('exchangeReview.queue.columns.age'),
          t('exchangeReview.queue.columns.warning'),
        ]}
        renderRow={(item) => (
          <Table.Tr key={item.revisionId} data-testid="review-row">
            <Table.Td style={{ minWidth: 280 }}>{listing(item)}</Table.Td>
            <Table.Td>{t(`exchangeReview.type.${item.type}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.submittedAt, i18n.language)}</Table.Td>
            <Table.Td>{t('exchangeReview.queue.ageDays', { count: item.ageDays })}</Table.Td>
            <Table.Td>{warning(item)}</Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (item) => item.revisionId,
          testId: 'review-cards',
          render: (item) => (
            <Stack gap={6}>
              {listing(item)}
              <Text size="xs">
                {t(`exchangeReview.type.${item.type}`)} · {formatDate(item.submittedAt, i18n.language)} · {t('exchangeReview.queue.ageDays', { count: item.ageDays })}
              </Text>
              {warning(item)}
            </Stack>
          ),
        }}
      />
    </>
  );
}
