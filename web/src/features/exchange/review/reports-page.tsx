import { Badge, Button, Container, Modal, NativeSelect, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LISTING_KINDS } from '../../../../../common/src/api/exchange-listings.js';
import { REPORT_REASONS, REPORT_STATUSES, type ReportPage, type ReportView } from '../../../../../common/src/api/exchange-review.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { FilterCard } from '../../../components/filter-card.js';
import { AnchorLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { api } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { localTitle } from '../listings/listings-api.js';

const routeApi = getRouteApi('/work/exchange/reports');
const PAGE_SIZE = 25;
type Report = z.infer<typeof ReportView>;

/** DOST reports queue: dismiss a report, or uphold it (the listing is taken down with the note). */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeReview.reports.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="exchange.listings.review">
        <Reports />
      </RequireAuth>
    </Container>
  );
}

function HandleModal({ report, onClose, onDone }: { report: Report | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'dismiss' | 'uphold'>('dismiss');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!report) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/exchange/reports/${encodeURIComponent(report.id)}/handle`, { decision, note: note.trim() });
      setNote('');
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={report !== null} onClose={onClose} title={report ? t('exchangeReview.reports.handleTitle', { reference: report.reference }) : ''}>
      <Stack>
        {report?.details ? <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.details}</Text> : null}
        <ErrorAlert error={error} />
        <Radio.Group label={t('exchangeReview.reports.decision')} value={decision} onChange={(value) => setDecision(value as 'dismiss' | 'uphold')}>
          <Stack gap="xs" mt="xs">
            <Radio value="dismiss" label={t('exchangeReview.reports.decisions.dismiss')} />
            <Radio value="uphold" label={t('exchangeReview.reports.decisions.uphold')} data-testid="report-uphold" />
          </Stack>
        </Radio.Group>
        <Textarea label={t('exchangeReview.reports.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2000} autosize minRows={3} required />
        <Button loading={busy} onClick={() => void submit()} data-testid="report-handle-submit">
          {t('exchangeReview.reports.submit')}
        </Button>
      </Stack>
    </Modal>
  );
}

function Reports() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), { filterKeys: ['status', 'reason', 'kind'], defaults: { order: 'desc' }, pageSize: PAGE_SIZE });
  const query = useApiQuery<z.infer<typeof ReportPage>>(`/exchange/reports${list.pageQuery}`);
  const [handling, setHandling] = useState<Report | null>(null);
  const listing = (item: Report) => (
    <Stack gap={2}>
      <AnchorLink to="/work/exchange/review/$id" params={{ id: item.listingId }} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {localTitle(item.title, i18n.language) || item.reference}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {item.reference} · {t(`exchange.kinds.${item.kind}`)} · {t(`exchange.statuses.${item.listingStatus}`)}
      </Text>
    </Stack>
  );
  const handlingCell = (item: Report) =>
    item.status === 'open' ? (
      <Button size="compact-sm" variant="light" onClick={() => setHandling(item)} aria-label={`${t('exchangeReview.reports.handle')} ${item.reference}`} data-testid="report-handle">
        {t('exchangeReview.reports.handle')}
      </Button>
    ) : (
      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
        {t('exchangeReview.reports.handledBy', { name: item.handledByName ?? '—', date: formatDate(item.handledAt, i18n.language) })}
        {item.handlingNote ? ` · ${item.handlingNote}` : ''}
      </Text>
    );
  return (
    <>
      <PageHeader title={t('exchangeReview.reports.title')} description={t('exchangeReview.reports.intro')} actions={<ExportButtons path="/exchange/reports/export" query={list.query} testId="reports-export" />} />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="reports-filters" grid>
        <NativeSelect label={t('exchangeReview.reports.status')} {...list.filterInput('status')} data={[{ value: '', label: t('common.all') }, ...REPORT_STATUSES.map((value) => ({ value, label: t(`exchangeReview.reportStatus.${value}`) }))]} />
        <NativeSelect label={t('exchangeReview.reports.reason')} {...list.filterInput('reason')} data={[{ value: '', label: t('common.all') }, ...REPORT_REASONS.map((value) => ({ value, label: t(`exchangeReview.reason.${value}`) }))]} />
        <NativeSelect label={t('exchangeReview.reports.kind')} {...list.filterInput('kind')} data={[{ value: '', label: t('common.all') }, ...LISTING_KINDS.map((value) => ({ value, label: t(`exchange.kinds.${value}`) }))]} />
      </FilterCard>
      {query.data ? (
        <Text size="sm" mb="xs" aria-live="polite">
          {t('exchangeReview.reports.total', { count: query.data.total })}
        </Text>
      ) : null}
      <ListTable
        query={query}
        label={t('exchangeReview.reports.title')}
        minWidth={900}
        testId="reports-table"
        pagination={list.pagination}
        columns={[t('exchangeReview.reports.columns.created'), t('exchangeReview.reports.columns.listing'), t('exchangeReview.reports.columns.reason'), t('exchangeReview.reports.columns.status'), t('exchangeReview.reports.columns.handling')]}
        renderRow={(item) => (
          <Table.Tr key={item.id} data-testid="report-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.createdAt, i18n.language)}</Table.Td>
            <Table.Td style={{ minWidth: 240 }}>{listing(item)}</Table.Td>
            <Table.Td>
              {t(`exchangeReview.reason.${item.reason}`)}
              {item.details ? (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {item.details}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Badge variant={item.status === 'open' ? 'filled' : 'outline'} tt="none">
                {t(`exchangeReview.reportStatus.${item.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{handlingCell(item)}</Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (item) => item.id,
          testId: 'reports-cards',
          render: (item) => (
            <Stack gap={6}>
              {listing(item)}
              <Text size="xs">
                {formatDate(item.createdAt, i18n.language)} · {t(`exchangeReview.reason.${item.reason}`)} · {t(`exchangeReview.reportStatus.${item.status}`)}
              </Text>
              {handlingCell(item)}
            </Stack>
          ),
        }}
      />
      <HandleModal
        report={handling}
        onClose={() => setHandling(null)}
        onDone={() => {
          setHandling(null);
          query.reload();
        }}
      />
    </>
  );
}
