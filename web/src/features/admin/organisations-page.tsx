import { Badge, Box, Button, Card, Group, LoadingOverlay, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../common/src/api/organisations.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../../common/src/roles.js';
import type { OrganisationListSearch } from '../../app/router.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { TableScroll } from '../../components/table-scroll.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { PaginationBar } from '../../components/pagination-bar.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SortableTh } from '../../components/sortable-th.js';
import { toQueryString, type Page } from '../../lib/api.js';
import { countryName, formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { organisationName } from '../organisations/organisation-labels.js';
import { CreateOrganisationModal } from './create-organisation-modal.js';

const routeApi = getRouteApi('/admin/organisations');
const PAGE_SIZE = 20;

export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.title'));
  return (
    <RequireAuth permission="organisations.read_all">
      <OrganisationsContent />
    </RequireAuth>
  );
}

function OrganisationsContent() {
  const { t, i18n } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const sort = search.sort ?? 'createdAt';
  const order = search.order ?? 'desc';
  const page = search.page ?? 1;
  const list = useApiQuery<Page<Organisation>>(
    `/organisations${toQueryString({ q: search.q, kind: search.kind, sort, order, page, pageSize: PAGE_SIZE })}`,
  );
  const [filters, setFilters] = useState({ q: search.q ?? '', kind: search.kind ?? '' });
  const [createOpen, setCreateOpen] = useState(false);

  const setSearch = (patch: Partial<OrganisationListSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }) });
  const onSort = (field: string, next: 'asc' | 'desc') =>
    setSearch({ sort: field as OrganisationListSearch['sort'], order: next, page: undefined });

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.intro')}
        actions={
          <Button onClick={() => setCreateOpen(true)} data-testid="organisation-create-open">
            {t('organisations.create')}
          </Button>
        }
      />
      <CreateOrganisationModal
        opened={createOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={() => {
          setCreateOpen(false);
          list.reload();
        }}
      />

      <Card withBorder padding="md" mb="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSearch({ q: filters.q.trim() || undefined, kind: (filters.kind || undefined) as OrganisationKind | undefined, page: undefined });
          }}
          data-testid="organisations-filters"
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('organisations.search')}
              type="search"
              value={filters.q}
              onChange={(event) => setFilters({ ...filters, q: event.currentTarget.value })}
              style={{ flex: '1 1 220px' }}
            />
            <NativeSelect
              label={t('organisations.kind')}
              value={filters.kind}
              onChange={(event) => setFilters({ ...filters, kind: event.currentTarget.value })}
              data={[
                { value: '', label: t('common.all') },
                ...ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) })),
              ]}
            />
            <Button type="submit">{t('common.filter')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setFilters({ q: '', kind: '' });
                void navigate({ search: {} });
              }}
            >
              {t('common.reset')}
            </Button>
          </Group>
        </form>
      </Card>

      <ErrorAlert error={list.error} mb="md" />
      {!list.data && list.isLoading ? <PageLoader /> : null}
      {list.data ? (
        <Box pos="relative">
          <LoadingOverlay visible={list.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
          <TableScroll label={t('organisations.title')} minWidth={820}>
            <Table striped highlightOnHover data-testid="organisations-table">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh label={t('organisations.name')} field="name" sort={sort} order={order} onSort={onSort} />
                  <SortableTh label={t('organisations.kind')} field="kind" sort={sort} order={order} onSort={onSort} />
                  <Table.Th>{t('organisations.taxCode')}</Table.Th>
                  <Table.Th>{t('organisations.country')}</Table.Th>
                  <Table.Th>{t('organisations.status')}</Table.Th>
                  <Table.Th>{t('organisations.members')}</Table.Th>
                  <SortableTh label={t('users.createdAt')} field="createdAt" sort={sort} order={order} onSort={onSort} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm" ta="center" py="md">
                        {t('common.noResults')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {list.data.items.map((organisation) => (
                  <Table.Tr key={organisation.id} data-testid="organisation-row">
                    <Table.Td>
                      <AnchorLink to="/organisations/$id/members" params={{ id: organisation.id }}>
                        {organisationName(organisation, i18n.language)}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t(`organisationKinds.${organisation.kind}`)}</Table.Td>
                    <Table.Td>{organisation.taxCode ?? ''}</Table.Td>
                    <Table.Td>{countryName(organisation.country, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={organisation.status === 'active' ? 'teal' : 'gray'}>
                        {t(`organisations.statuses.${organisation.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{organisation.memberCount}</Table.Td>
                    <Table.Td>{formatDate(organisation.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(next) => setSearch({ page: next })} />
        </Box>
      ) : null}
    </>
  );
}
