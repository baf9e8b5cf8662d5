import { Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, AGENCY_LEVELS } from '../../../../common/src/api/agencies.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { FilterCard } from '../../components/filter-card.js';
import { ListTable } from '../../components/list-table.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SortableTh } from '../../components/sortable-th.js';
import type { Page } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useListSearch } from '../../lib/use-list-search.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { agencyShortName, vietnamToday, type AgencyListItem } from './agencies-api.js';
import { AgencyFormModal } from './agency-modals.js';
import { AgencyNameLink, UnverifiedBadge } from './agency-parts.js';

const routeApi = getRouteApi('/admin/agencies');
const PAGE_SIZE = 25;

/** Administration: the agency register with filters (date, scope, kind, level, name), sorting, export and creation. */
export function AdminAgenciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('agencies.adminTitle'));
  return (
    <RequireAuth permission="reference.manage">
      <AdminAgenciesContent />
    </RequireAuth>
  );
}

function AdminAgenciesContent() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['q', 'scope', 'at', 'kind', 'level'],
    defaults: { sort: 'name', order: 'asc' },
    pageSize: PAGE_SIZE,
  });
  const agencies = useApiQuery<Page<AgencyListItem>>(`/agencies${list.pageQuery}`);
  const [createOpen, setCreateOpen] = useState(false);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };

  return (
    <>
      <PageHeader
        title={t('agencies.adminTitle')}
        description={t('agencies.adminIntro')}
        actions={
          <>
            <ExportButtons path="/agencies/export" query={list.query} testId="admin-agencies-export" />
            <Button onClick={() => setCreateOpen(true)} data-testid="agency-create-open">
              {t('agencies.create')}
            </Button>
          </>
        }
      />
      {createOpen ? (
        <AgencyFormModal
          opened
          onClose={() => setCreateOpen(false)}
          onDone={() => {
            setCreateOpen(false);
            agencies.reload();
          }}
        />
      ) : null}

      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="agencies-filters" grid>
        <TextInput label={t('agencies.search')} description={t('agencies.searchHint')} type="search" {...list.filterInput('q')} />
        <NativeSelect
          label={t('agencies.scope')}
          {...list.filterInput('scope')}
          data={[
            { value: '', label: t('agencies.scopes.in_force') },
            { value: 'all', label: t('agencies.scopes.all') },
          ]}
        />
        <TextInput label={t('agencies.at')} description={t('agencies.atHint')} type="date" {...list.filterInput('at')} />
        <NativeSelect
          label={t('agencies.kind')}
          {...list.filterInput('kind')}
          data={[{ value: '', label: t('common.all') }, ...AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`agencies.kinds.${kind}`) }))]}
        />
        <NativeSelect
          label={t('agencies.level')}
          {...list.filterInput('level')}
          data={[{ value: '', label: t('common.all') }, ...AGENCY_LEVELS.map((level) => ({ value: level, label: t(`agencies.levels.${level}`) }))]}
        />
      </FilterCard>

      {agencies.data ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="admin-agencies-count">
          {list.query.scope === 'all'
            ? t('agencies.allCount', { count: agencies.data.total })
            : t('agencies.inForceOn', { date: formatDate(String(list.query.at ?? vietnamToday()), i18n.language), count: agencies.data.total })}
        </Text>
      ) : null}
      <ListTable
        query={agencies}
        label={t('agencies.adminTitle')}
        minWidth={960}
        testId="agencies-table"
        pagination={list.pagination}
        columns={[
          <SortableTh label={t('agencies.sort.name')} field="name" {...sortable} />,
          <SortableTh label={t('agencies.sort.code')} field="code" {...sortable} />,
          <SortableTh label={t('agencies.sort.kind')} field="kind" {...sortable} />,
          <SortableTh label={t('agencies.sort.validFrom')} field="validFrom" {...sortable} />,
          <SortableTh label={t('agencies.sort.validTo')} field="validTo" {...sortable} />,
          t('agencies.tabs.roles'),
          t('agencies.successors'),
        ]}
        renderRow={(agency) => (
          <Table.Tr key={agency.id} data-testid="agency-row">
            <Table.Td>
              <Group gap={6} wrap="wrap">
                <AgencyNameLink agency={agency} admin />
                {agencyShortName(agency, i18n.language) ? <Badge variant="outline" size="sm">{agencyShortName(agency, i18n.language)}</Badge> : null}
                <UnverifiedBadge verified={agency.verified} />
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {agency.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`agencies.kinds.${agency.kind}`)}</Text>
              <Text size="xs" c="dimmed">
                {t(`agencies.levels.${agency.level}`)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(agency.validFrom, i18n.language)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{agency.validTo ? formatDate(agency.validTo, i18n.language) : t('agencies.stillInForce')}</Table.Td>
            <Table.Td>{agency.roles.length}</Table.Td>
            <Table.Td>
              {agency.successors.map((link, index) => (
                <span key={link.eventId}>
                  {index > 0 ? '; ' : null}
                  <AgencyNameLink agency={link.agency} admin />
                </span>
              ))}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
