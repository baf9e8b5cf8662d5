import { Button, Code, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../common/src/api/admin.js';
import { FilterCard } from '../../components/filter-card.js';
import { ListTable } from '../../components/list-table.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { API_BASE, toQueryString, type Page } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useListSearch } from '../../lib/use-list-search.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const routeApi = getRouteApi('/admin/audit');
const PAGE_SIZE = 25;

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <RequireAuth permission="admin.audit.read">
      <AuditContent />
    </RequireAuth>
  );
}

function AuditContent() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['action', 'actor', 'objectType', 'objectId', 'from', 'to'],
    defaults: { order: 'desc' },
    pageSize: PAGE_SIZE,
  });
  const entries = useApiQuery<Page<AuditEntry>>(`/audit${list.pageQuery}`);
  const [expanded, setExpanded] = useState<number | null>(null);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          <Button component="a" href={`${API_BASE}/audit/export.csv${toQueryString(list.query)}`} variant="light" data-testid="audit-export" download>
            {t('audit.exportCsv')}
          </Button>
        }
      />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="audit-filters" grid>
        <TextInput label={t('audit.action')} {...list.filterInput('action')} />
        <TextInput label={t('audit.actor')} {...list.filterInput('actor')} />
        <TextInput label={t('audit.objectType')} {...list.filterInput('objectType')} />
        <TextInput label={t('audit.objectId')} {...list.filterInput('objectId')} />
        <TextInput label={t('audit.from')} type="date" {...list.filterInput('from')} />
        <TextInput label={t('audit.to')} type="date" {...list.filterInput('to')} />
        <NativeSelect
          label={t('audit.order')}
          value={list.order}
          onChange={(event) => list.setSearch({ order: event.currentTarget.value === 'asc' ? 'asc' : 'desc', page: undefined })}
          data={[
            { value: 'desc', label: t('audit.newestFirst') },
            { value: 'asc', label: t('audit.oldestFirst') },
          ]}
        />
      </FilterCard>

      <ListTable
        query={entries}
        label={t('audit.title')}
        minWidth={860}
        testId="audit-table"
        striped={false}
        pagination={list.pagination}
        columns={[
          t('audit.time'),
          t('audit.actor'),
          t('audit.action'),
          t('audit.object'),
          t('audit.ip'),
          t('common.details'),
        ]}
        renderRow={(entry) => {
          const isOpen = expanded === entry.id;
          const detailId = `audit-detail-${entry.id}`;
          return (
            <Fragment key={entry.id}>
              <Table.Tr data-testid="audit-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt, i18n.language)}</Table.Td>
                <Table.Td>{entry.actorEmail ?? t('audit.system')}</Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  {entry.objectType ? (
                    <Text size="sm">
                      {entry.objectType}
                      {entry.objectId ? (
                        <Text span size="xs" c="dimmed" ff="monospace" display="block">
                          {entry.objectId}
                        </Text>
                      ) : null}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{entry.ip ?? ''}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-expanded={isOpen}
                    aria-controls={detailId}
                    onClick={() => setExpanded(isOpen ? null : entry.id)}
                    data-testid="audit-expand"
                  >
                    {isOpen ? t('common.hide') : t('common.show')}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {isOpen ? (
                <Table.Tr id={detailId}>
                  <Table.Td colSpan={6}>
                    <Stack gap="xs">
                      <Text size="sm" fw={600}>
                        {t('audit.summary')}
                      </Text>
                      <pre className="pre-text pre-code" data-testid="audit-summary">
                        {JSON.stringify(entry.summary, null, 2)}
                      </pre>
                      <Text size="xs" c="dimmed">
                        {t('audit.requestId')}: {entry.requestId ?? ''}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {t('audit.hash')}:{' '}
                        <Text span ff="monospace" fz="xs">
                          {entry.hash}
                        </Text>
                      </Text>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          );
        }}
      />
    </>
  );
}
