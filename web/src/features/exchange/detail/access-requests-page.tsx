import { Badge, Button, Container, Group, Modal, NativeSelect, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessRequestList, AccessRequestView } from '../../../../../common/src/api/exchange-access.js';
import { ACCESS_REQUEST_STATUSES } from '../../../../../common/src/api/exchange-listings.js';
import { useSession } from '../../../app/session.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { FilterCard } from '../../../components/filter-card.js';
import { AnchorLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SortableTh } from '../../../components/sortable-th.js';
import { api } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { pickText } from './listing-text.js';

const routeApi = getRouteApi('/exchange/access-requests');
const PAGE_SIZE = 20;
const STATUS_COLORS: Record<string, string> = { pending: 'blue', approved: 'teal', declined: 'red', revoked: 'gray', withdrawn: 'gray' };

type Action = AccessRequestView['actions'][number];

/**
 * Access requests to on-request listings (issue 4 §2): "received" (the owner's inbox: approve, decline, revoke) and
 * "sent" (the requester's own: withdraw). Filters, sort, pages and CSV/XLSX export; the state is in the URL.
 */
export function AccessRequestsPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeDetail.requests.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="exchange.access.request">
        <AccessRequestsContent />
      </RequireAuth>
    </Container>
  );
}

function AccessRequestsContent() {
  const { t, i18n } = useTranslation();
  const { hasPermission } = useSession();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const mayOwn = hasPermission('exchange.listings.write');
  const side = search.side ?? (mayOwn ? 'incoming' : 'mine');
  const list = useListSearch(search, navigate, { filterKeys: ['status', 'q', 'listingId'], defaults: { sort: 'createdAt', order: 'desc' }, pageSize: PAGE_SIZE });
  const requests = useApiQuery<AccessRequestList>(`/exchange/access-requests/${side}${list.pageQuery}`);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const [pending, setPending] = useState<{ request: AccessRequestView; action: Action } | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);

  const act = async (request: AccessRequestView, action: Action, withNote?: string) => {
    setError(null);
    setIsSending(true);
    try {
      await api.post(`/exchange/access-requests/${request.id}/${action}`, { note: withNote?.trim() || undefined });
      setPending(null);
      setNote('');
      requests.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('exchangeDetail.requests.title')}
        description={t('exchangeDetail.requests.intro')}
        actions={<ExportButtons path={`/exchange/access-requests/${side}/export`} query={list.query} testId="access-requests-export" />}
      />
      {mayOwn ? (
        <SegmentedControl
          mb="md"
          value={side}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, side: value as 'incoming' | 'mine', page: undefined }) })}
          data={[
            { value: 'incoming', label: t('exchangeDetail.requests.sides.incoming') },
            { value: 'mine', label: t('exchangeDetail.requests.sides.mine') },
          ]}
          data-testid="access-requests-side"
        />
      ) : null}
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="access-requests-filters" grid>
        <NativeSelect
          label={t('exchangeDetail.requests.status')}
          {...list.filterInput('status')}
          data={[{ value: '', label: t('exchangeDetail.requests.any') }, ...ACCESS_REQUEST_STATUSES.map((value) => ({ value, label: t(`exchangeDetail.requestStatuses.${value}`) }))]}
          data-testid="access-requests-status"
        />
        <TextInput label={t('exchangeDetail.requests.search')} {...list.filterInput('q')} maxLength={200} data-testid="access-requests-search" />
      </FilterCard>
      <ErrorAlert error={error} mb="md" />
      <ListTable<AccessRequestView>
        query={requests}
        label={t('exchangeDetail.requests.title')}
        minWidth={960}
        testId="access-requests-table"
        pagination={list.pagination}
        columns={[
          <SortableTh key="createdAt" label={t('exchangeDetail.requests.createdAt')} field="createdAt" {...sortable} />,
          t('exchangeDetail.requests.listing'),
          side === 'incoming' ? t('exchangeDetail.requests.requester') : t('exchangeDetail.requests.ndaAcknowledgedAt'),
          t('exchangeDetail.requests.message'),
          <SortableTh key="status" label={t('exchangeDetail.requests.status')} field="status" {...sortable} />,
          <SortableTh key="decidedAt" label={t('exchangeDetail.requests.decidedAt')} field="decidedAt" {...sortable} />,
          t('exchangeDetail.requests.actions'),
        ]}
        renderRow={(request) => {
          const title = pickText(request.listing.title, i18n.language, request.listing.title.vi ? 'vi' : 'en');
          return (
            <Table.Tr key={request.id} data-testid="access-request-row" data-id={request.id} data-status={request.status}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(request.createdAt, i18n.language)}</Table.Td>
              <Table.Td style={{ minWidth: 240 }}>
                <AnchorLink to="/exchange/listings/$id" params={{ id: request.listing.id }} lang={title.language}>
                  {title.text || request.listing.reference}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {request.listing.reference} · {t(`exchange.kinds.${request.listing.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                {side === 'incoming' ? (
                  <>
                    <Text size="sm">{request.requester.name}</Text>
                    {request.requester.organisationName ? (
                      <Text size="xs" c="dimmed">
                        {request.requester.organisationName}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  formatDate(request.ndaAcknowledgedAt, i18n.language)
                )}
              </Table.Td>
              <Table.Td style={{ maxWidth: 280 }}>
                <Text size="sm" lineClamp={3}>
                  {request.message ?? ''}
                </Text>
                {request.decisionNote ? (
                  <Text size="xs" c="dimmed">
                    {t('exchangeDetail.requests.noteLabel', { note: request.decisionNote })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[request.status]} variant="light" tt="none">
                  {t(`exchangeDetail.requestStatuses.${request.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{request.decidedAt ? formatDate(request.decidedAt, i18n.language) : ''}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {request.actions.map((action) => (
                    <Button
                      key={action}
                      size="xs"
                      variant={action === 'approve' ? 'filled' : 'light'}
                      color={action === 'approve' ? 'teal' : action === 'withdraw' ? 'gray' : 'red'}
                      onClick={() => (action === 'withdraw' ? void act(request, action) : setPending({ request, action }))}
                      loading={isSending && pending === null}
                      data-testid={`access-request-${action}`}
                    >
                      {t(`exchangeDetail.requests.actionLabels.${action}`)}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending ? t(`exchangeDetail.requests.actionLabels.${pending.action}`) : ''}>
        {pending ? (
          <Stack gap="sm" component="form" onSubmit={(event) => { event.preventDefault(); void act(pending.request, pending.action, note); }}>
            <Text size="sm">{t('exchangeDetail.requests.confirm', { name: pending.request.requester.name, reference: pending.request.listing.reference })}</Text>
            <Text size="xs" c="dimmed">
              {t('exchangeDetail.requests.ndaShown', { date: formatDate(pending.request.ndaAcknowledgedAt, i18n.language) })}
            </Text>
            <Textarea label={t('exchangeDetail.requests.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2000} autosize minRows={2} />
            <ErrorAlert error={error} />
            <Button type="submit" loading={isSending} data-testid="access-request-confirm">
              {t(`exchangeDetail.requests.actionLabels.${pending.action}`)}
            </Button>
          </Stack>
        ) : null}
      </Modal>
      <Text size="xs" c="dimmed" mt="md">
        {t('exchangeDetail.requests.footer')}
      </Text>
    </>
  );
}
