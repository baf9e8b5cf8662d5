import { Box, Button, Card, Code, Group, LoadingOverlay, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../common/src/api/admin.js';
import type { AuditSearch } from '../../app/router.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { TableScroll } from '../../components/table-scroll.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { PaginationBar } from '../../components/pagination-bar.js';
import { RequireAuth } from '../../components/require-auth.js';
import { API_BASE, toQueryString, type Page } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const routeApi = getRouteApi('/admin/audit');
const PAGE_SIZE = 25;
const FILTER_KEYS = ['action', 'actor', 'objectType', 'objectId', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <RequireAuth permission="admin.audit.read">
      <AuditContent />
    </RequireAuth>
  );
}

function emptyFilters(search: AuditSearch): Record<FilterKey, string> {
  return {
    action: search.action ?? '',
    actor: search.actor ?? '',
    objectType: search.objectType ?? '',
    objectId: search.objectId ?? '',
    from: search.from ?? '',
    to: search.to ?? '',
  };
}

function AuditContent() {
  const { t, i18n } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const order = search.order ?? 'desc';
  const page = search.page ?? 1;
  const filterQuery = {
    action: search.action,
    actor: search.actor,
    objectType: search.objectType,
    objectId: search.objectId,
    from: search.from,
    to: search.to,
    order,
  };
  const list = useApiQuery<Page<AuditEntry>>(`/audit${toQueryString({ ...filterQuery, page, pageSize: PAGE_SIZE })}`);
  const [filters, setFilters] = useState(() => emptyFilters(search));
  const [expanded, setExpanded] = useState<number | null>(null);

  const setSearch = (patch: Partial<AuditSearch>) => void navigate({ search: (previous) => ({ ...previous, ...patch }) });
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const patch: Partial<AuditSearch> = { page: undefined };
    for (const key of FILTER_KEYS) patch[key] = filters[key].trim() || undefined;
    setSearch(patch);
  };
  const filterInput = (key: FilterKey, type: 'text' | 'date' = 'text') => ({
    value: filters[key],
    type,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, [key]: event.currentTarget.value }),
  });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          <Button component="a" href={`${API_BASE}/audit/export.csv${toQueryString(filterQuery)}`} variant="light" data-testid="audit-export" download>
            {t('audit.exportCsv')}
          </Button>
        }
      />
      <Card withBorder padding="md" mb="md">
        <form onSubmit={apply} data-testid="audit-filters">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <TextInput label={t('audit.action')} {...filterInput('action')} />
            <TextInput label={t('audit.actor')} {...filterInput('actor')} />
            <TextInput label={t('audit.objectType')} {...filterInput('objectType')} />
            <TextInput label={t('audit.objectId')} {...filterInput('objectId')} />
            <TextInput label={t('audit.from')} {...filterInput('from', 'date')} />
            <TextInput label={t('audit.to')} {...filterInput('to', 'date')} />
            <NativeSelect
              label={t('audit.order')}
              value={order}
              onChange={(event) => setSearch({ order: event.currentTarget.value === 'asc' ? 'asc' : 'desc', page: undefined })}
              data={[
                { value: 'desc', label: t('audit.newestFirst') },
                { value: 'asc', label: t('audit.oldestFirst') },
              ]}
            />
            <Group align="flex-end" gap="sm">
              <Button type="submit">{t('common.filter')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  setFilters(emptyFilters({}));
                  void navigate({ search: {} });
                }}
              >
                {t('common.reset')}
              </Button>
            </Group>
          </SimpleGrid>
        </form>
      </Card>

      <ErrorAlert error={list.error} mb="md" />
      {!list.data && list.isLoading ? <PageLoader /> : null}
      {list.data ? (
        <Box pos="relative">
          <LoadingOverlay visible={list.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
          <TableScroll label={t('audit.title')} minWidth={860}>
            <Table highlightOnHover data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.time')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.object')}</Table.Th>
                  <Table.Th>{t('audit.ip')}</Table.Th>
                  <Table.Th>{t('common.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text size="sm" ta="center" py="md">
                        {t('common.noResults')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {list.data.items.map((entry) => {
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
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(next) => setSearch({ page: next })} />
        </Box>
      ) : null}
    </>
  );
}
