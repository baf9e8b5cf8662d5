import { Badge, Box, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
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
import { AgencyNameLink, UnverifiedBadge, ValidityText } from './agency-parts.js';

const routeApi = getRouteApi('/admin/agencies');
const PAGE_SIZE = 25;
const SORT_FIELDS = ['name', 'code', 'kind', 'level', 'validFrom', 'validTo'] as const;

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
      {/* Phones show one block per agency without column headers, so the sort is chosen here instead. */}
      <Box hiddenFrom="sm" mb="sm">
        <NativeSelect
          label={t('agencies.sortBy')}
          value={`${list.sort ?? 'name'}:${list.order}`}
          onChange={(event) => {
            const [field, order] = event.currentTarget.value.split(':');
            list.onSort(field!, order === 'desc' ? 'desc' : 'asc');
          }}
          data={SORT_FIELDS.flatMap((field) => [
            { value: `${field}:asc`, label: t('agencies.sortAscending', { field: t(`agencies.sort.${field}`) }) },
            { value: `${field}:desc`, label: t('agencies.sortDescending', { field: t(`agencies.sort.${field}`) }) },
          ])}
          data-testid="agencies-sort"
        />
      </Box>
      <ListTable
        query={agencies}
        label={t('agencies.adminTitle')}
        minWidth={720}
        testId="agencies-table"
        pagination={list.pagination}
        columns={[
          <SortableTh label={t('agencies.sort.name')} field="name" {...sortable} />,
          <SortableTh label={t('agencies.sort.code')} field="code" {...sortable} />,
          <SortableTh label={t('agencies.sort.kind')} field="kind" {...sortable} />,
          <SortableTh label={t('agencies.validity')} field="validFrom" {...sortable} />,
          t('agencies.successors'),
        ]}
        renderRow={(agency) => (
          <Table.Tr key={agency.id} data-testid="agency-row">
            <Table.Td style={{ minWidth: 220 }}>
              <AgencyHeading agency={agency} />
              <Text size="xs" c="dimmed" mt={2}>
                {t('agencies.rolesCount', { count: agency.roles.length })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {agency.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <KindText agency={agency} />
            </Table.Td>
            <Table.Td>
              <ValidityText validFrom={agency.validFrom} validTo={agency.validTo} />
            </Table.Td>
            <Table.Td>
              <Successors agency={agency} />
            </Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (agency) => agency.id,
          testId: 'agencies-list',
          render: (agency) => (
            <Stack gap={4} data-testid="agency-item">
              <AgencyHeading agency={agency} />
              <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {agency.code}
              </Text>
              <KindText agency={agency} />
              <Text size="sm">
                {t('agencies.validity')}: <ValidityText validFrom={agency.validFrom} validTo={agency.validTo} />
              </Text>
              <Text size="sm">{t('agencies.rolesCount', { count: agency.roles.length })}</Text>
              {agency.successors.length > 0 ? (
                <Text size="sm" component="div">
                  {t('agencies.successors')}: <Successors agency={agency} />
                </Text>
              ) : null}
            </Stack>
          ),
        }}
      />
    </>
  );
}

/** Name (linking to the administration page), short name and the [unverified] mark; they wrap on narrow screens. */
function AgencyHeading({ agency }: { agency: AgencyListItem }) {
  const { i18n } = useTranslation();
  const shortName = agencyShortName(agency, i18n.language);
  return (
    <Group gap={6} wrap="wrap" justify="flex-start">
      <AgencyNameLink agency={agency} admin />
      {shortName ? (
        <Badge variant="outline" size="sm">
          {shortName}
        </Badge>
      ) : null}
      <UnverifiedBadge verified={agency.verified} />
    </Group>
  );
}

function KindText({ agency }: { agency: AgencyListItem }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm">{t(`agencies.kinds.${agency.kind}`)}</Text>
      <Text size="xs" c="dimmed">
        {t(`agencies.levels.${agency.level}`)}
      </Text>
    </div>
  );
}

function Successors({ agency }: { agency: AgencyListItem }) {
  return (
    <>
      {agency.successors.map((link, index) => (
        <span key={link.eventId}>
          {index > 0 ? '; ' : null}
          <AgencyNameLink agency={link.agency} admin />
        </span>
      ))}
    </>
  );
}
