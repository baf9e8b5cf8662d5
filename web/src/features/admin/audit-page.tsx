import { Button, Card, Code, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../common/src/api/admin.js';
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
    defaultOrder: 'desc',
  });
  const entries = useApiQuery<Page<AuditEntry>>(`/audit${toQueryString({ ...list.query, page: list.page, pageSize: PAGE_SIZE })}`);
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
      <Card withBorder padding="md" mb="md">
        <form onSubmit={list.applyFilters} data-testid="audit-filters">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
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
            <Group align="flex-end" gap="sm">
              <Button type="submit">{t('common.filter')}</Button>
              <Button variant="default" onClick={list.resetFilters}>
                {t('common.reset')}
              </Button>
            </Group>
          </SimpleGrid>
        </form>
      </Card>

      <ListTable
        query={entries}
        label={t('audit.title')}
        minWidth={860}
        testId="audit-table"
        striped={false}
        columnCount={6}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        head={
          <>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.object')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
            <Table.Th>{t('common.details')}</Table.Th>
          </>
        }
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
