import { Badge, Button, NativeSelect, Table, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../common/src/api/organisations.js';
import { ORGANISATION_KINDS } from '../../../../common/src/roles.js';
import { AnchorLink } from '../../components/links.js';
import { FilterCard } from '../../components/filter-card.js';
import { ListTable } from '../../components/list-table.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SortableTh } from '../../components/sortable-th.js';
import type { Page } from '../../lib/api.js';
import { countryName, formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useListSearch } from '../../lib/use-list-search.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { organisationName } from '../organisations/organisation-labels.js';
import { CreateOrganisationModal } from './create-organisation-modal.js';
import { agencyName, useAllAgencies } from '../agencies/agencies-api.js';
import { LinkAgencyModal } from '../agencies/link-agency-modal.js';

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
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['q', 'kind'],
    defaults: { sort: 'createdAt', order: 'desc' },
    pageSize: PAGE_SIZE,
  });
  const organisations = useApiQuery<Page<Organisation>>(
    `/organisations${list.pageQuery}`,
  );
  const [createOpen, setCreateOpen] = useState(false);
  const [linking, setLinking] = useState<Organisation | null>(null);
  const agencies = useAllAgencies();
  const agencyById = new Map((agencies.data?.items ?? []).map((agency) => [agency.id, agency]));
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };

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
          organisations.reload();
        }}
      />

      {linking ? (
        <LinkAgencyModal
          organisation={linking}
          agencies={agencies.data?.items}
          onClose={() => setLinking(null)}
          onDone={() => {
            setLinking(null);
            organisations.reload();
          }}
        />
      ) : null}

      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="organisations-filters">
        <TextInput label={t('organisations.search')} type="search" {...list.filterInput('q')} style={{ flex: '1 1 220px' }} />
        <NativeSelect
          label={t('organisations.kind')}
          {...list.filterInput('kind')}
          data={[
            { value: '', label: t('common.all') },
            ...ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) })),
          ]}
        />
      </FilterCard>

      <ListTable
        query={organisations}
        label={t('organisations.title')}
        minWidth={980}
        testId="organisations-table"
        pagination={list.pagination}
        columns={[
          <SortableTh label={t('organisations.name')} field="name" {...sortable} />,
          <SortableTh label={t('organisations.kind')} field="kind" {...sortable} />,
          t('organisations.taxCode'),
          t('organisations.country'),
          t('organisations.status'),
          t('organisations.members'),
          t('agencies.linkedAgency'),
          <SortableTh label={t('users.createdAt')} field="createdAt" {...sortable} />,
        ]}
        renderRow={(organisation) => (
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
            <Table.Td>
              {organisation.agencyId && agencyById.get(organisation.agencyId) ? (
                <AnchorLink to="/admin/agencies/$id" params={{ id: organisation.agencyId }}>
                  {agencyName(agencyById.get(organisation.agencyId)!, i18n.language)}
                </AnchorLink>
              ) : null}
              {organisation.kind === 'agency' ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setLinking(organisation)}
                  aria-label={t('agencies.linkAgencyNamed', { name: organisation.name })}
                  data-testid="organisation-link-agency"
                >
                  {t('agencies.linkAgency')}
                </Button>
              ) : null}
            </Table.Td>
            <Table.Td>{formatDate(organisation.createdAt, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
