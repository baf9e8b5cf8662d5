import { Badge, Button, Container, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_SCOPES, STAFF_VISIBLE_STATUSES } from '../../../../../common/src/api/registration-processing.js';
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
import { useRowAction } from '../../../lib/use-row-action.js';
import { caseStep, type RegistrationQueue, type RegistrationQueueItem } from './processing-api.js';
import { QueueClock, StatusBadge, WARNING_COLOR } from './processing-parts.js';

const routeApi = getRouteApi('/work/registrations');
const PAGE_SIZE = 25;

export function RegistrationQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('registrationProcessing.queue.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="registration.process">
        <QueueContent />
      </RequireAuth>
    </Container>
  );
}

/** What the queue line says about the dossier: technology and transferor, or that it is confidential. */
function CaseCell({ item }: { item: RegistrationQueueItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {item.title}
      </Text>
      <Text size="xs">{item.organisationName}</Text>
      {item.summary ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {[item.summary.technologyName, item.summary.transferorName && `${item.summary.transferorName}${item.summary.transferorCountry ? ` (${item.summary.transferorCountry})` : ''}`]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" fs="italic">
          {t('registrationProcessing.queue.confidential')}
        </Text>
      )}
    </Stack>
  );
}

function FlagsCell({ item }: { item: RegistrationQueueItem }) {
  const { t } = useTranslation();
  if (!item.summary) return null;
  return (
    <Group gap={4}>
      {item.summary.flagCount > 0 ? (
        <Badge color={item.summary.highestSeverity === 'high' ? 'red.9' : item.summary.highestSeverity === 'warning' ? WARNING_COLOR : 'blue.9'} variant="filled" tt="none">
          {t('registrationProcessing.queue.flagCount', { count: item.summary.flagCount })}
        </Badge>
      ) : null}
      {item.summary.isLate ? (
        <Badge color={WARNING_COLOR} variant="outline" tt="none">
          {t('registrationProcessing.queue.lateBadge')}
        </Badge>
      ) : null}
    </Group>
  );
}

function QueueContent() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['scope', 'status', 'q', 'late', 'flagged'],
    defaults: { sort: 'due', order: 'asc' },
    pageSize: PAGE_SIZE,
  });
  const queue = useApiQuery<RegistrationQueue>(`/registration-cases${list.pageQuery}`);
  const [actionError, setActionError] = useState<unknown>(null);
  const action = useRowAction(setActionError);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const take = (item: RegistrationQueueItem) =>
    action.run(item.id, async () => {
      await caseStep(item.id, 'take', { revision: item.revision });
      await navigate({ to: '/work/registrations/$caseId', params: { caseId: item.id } });
    });
  const officerCell = (item: RegistrationQueueItem) =>
    item.officer ? (
      <Text size="sm">{item.officer.name}</Text>
    ) : (
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t('registrationProcessing.queue.unassigned')}
        </Text>
        <Button size="compact-xs" variant="light" loading={action.busy === item.id} onClick={() => void take(item)} aria-label={`${t('registrationProcessing.queue.take')} ${item.referenceNo}`} data-testid="queue-take">
          {t('registrationProcessing.queue.take')}
        </Button>
      </Group>
    );
  const reference = (item: RegistrationQueueItem) => (
    <AnchorLink to="/work/registrations/$caseId" params={{ caseId: item.id }} ff="monospace" size="sm" data-testid="queue-case-link">
      {item.referenceNo}
    </AnchorLink>
  );

  return (
    <>
      <PageHeader
        title={t('registrationProcessing.queue.title')}
        description={t('registrationProcessing.queue.intro')}
        actions={<ExportButtons path="/registration-cases/export" query={list.query} testId="queue-export" />}
      />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="queue-filters" grid>
        <NativeSelect
          label={t('registrationProcessing.queue.scope')}
          {...list.filterInput('scope')}
          data={QUEUE_SCOPES.map((value) => ({ value: value === 'all' ? '' : value, label: t(`registrationProcessing.queue.scopes.${value}`) }))}
        />
        <NativeSelect
          label={t('registrationProcessing.queue.status')}
          {...list.filterInput('status')}
          data={[{ value: '', label: t('registrationProcessing.queue.allOpen') }, ...STAFF_VISIBLE_STATUSES.map((value) => ({ value, label: t(`registrationProcessing.statuses.${value}`) }))]}
        />
        <NativeSelect
          label={t('registrationProcessing.queue.late')}
          {...list.filterInput('late')}
          data={[
            { value: '', label: t('common.all') },
            { value: 'true', label: t('registrationProcessing.queue.lateOnly') },
          ]}
        />
        <NativeSelect
          label={t('registrationProcessing.queue.flagged')}
          {...list.filterInput('flagged')}
          data={[
            { value: '', label: t('common.all') },
            { value: 'true', label: t('registrationProcessing.queue.flaggedOnly') },
          ]}
        />
        <TextInput label={t('registrationProcessing.queue.search')} {...list.filterInput('q')} maxLength={100} />
      </FilterCard>
      {queue.data ? (
        <Text size="sm" mb="xs" aria-live="polite" data-testid="queue-total">
          {t('registrationProcessing.queue.total', { count: queue.data.total })}
        </Text>
      ) : null}
      <ListTable
        query={queue}
        error={actionError}
        label={t('registrationProcessing.queue.title')}
        minWidth={1080}
        testId="queue-table"
        striped={false}
        pagination={list.pagination}
        columns={[
          <SortableTh key="reference" label={t('registrationProcessing.queue.columns.reference')} field="reference" {...sortable} />,
          t('registrationProcessing.queue.columns.case'),
          t('registrationProcessing.queue.columns.status'),
          <SortableTh key="received" label={t('registrationProcessing.queue.columns.received')} field="received" {...sortable} />,
          <SortableTh key="due" label={t('registrationProcessing.queue.columns.clock')} field="due" {...sortable} />,
          t('registrationProcessing.queue.columns.officer'),
          t('registrationProcessing.queue.columns.flags'),
        ]}
        renderRow={(item) => (
          <Table.Tr key={item.id} data-testid="queue-row" data-id={item.id} data-overdue={item.isOverdue ? 'true' : undefined} style={item.isOverdue ? { background: 'var(--mantine-color-red-0)' } : undefined}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{reference(item)}</Table.Td>
            <Table.Td style={{ minWidth: 260 }}>
              <CaseCell item={item} />
            </Table.Td>
            <Table.Td>
              <StatusBadge status={item.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.receivedOn, i18n.language)}</Table.Td>
            <Table.Td>
              <QueueClock item={item} />
            </Table.Td>
            <Table.Td>{officerCell(item)}</Table.Td>
            <Table.Td>
              <FlagsCell item={item} />
            </Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (item) => item.id,
          testId: 'queue-cards',
          render: (item) => (
            <Stack gap={6} data-testid="queue-card" data-overdue={item.isOverdue ? 'true' : undefined}>
              <Group justify="space-between" gap="xs">
                {reference(item)}
                <QueueClock item={item} />
              </Group>
              <CaseCell item={item} />
              <Group gap="xs">
                <StatusBadge status={item.status} />
                <FlagsCell item={item} />
              </Group>
              {officerCell(item)}
            </Stack>
          ),
        }}
      />
    </>
  );
}
