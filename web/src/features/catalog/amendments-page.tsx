import { Alert, Badge, Button, Card, Container, Group, NativeSelect, Table, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { FilterCard } from '../../components/filter-card.js';
import { ButtonLink } from '../../components/links.js';
import { ListTable } from '../../components/list-table.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SortableTh } from '../../components/sortable-th.js';
import { api } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useListSearch } from '../../lib/use-list-search.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useRowAction } from '../../lib/use-row-action.js';
import { AmendmentDetails, amendmentTitle } from './amendment-details.js';
import { localized, useSectorList, useVersions } from './catalog-api.js';
import { AMENDMENT_KINDS, AMENDMENT_STATUSES, type Amendment, type AmendmentList, type VersionState } from './catalog-work-api.js';
import { ProposeAmendmentModal } from './propose-amendment-modal.js';
import { ReasonModal } from './reason-modal.js';
import { RejectAmendmentModal } from './reject-amendment-modal.js';
import { VersionStatusBadge } from './version-status-badge.js';

const routeApi = getRouteApi('/catalog/amendments');
const PAGE_SIZE = 20;
const STATUS_COLORS = { proposed: 'blue', included: 'teal', rejected: 'red', withdrawn: 'gray' } as const;

export function AmendmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogWork.amendments.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="catalog.amendments.read">
        <AmendmentsContent />
      </RequireAuth>
    </Container>
  );
}

/** The version in preparation (draft or submitted), or the way to open one (DOST officer). */
function OpenVersionCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useSession();
  const versions = useVersions();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = versions.data?.items.find((v) => v.status === 'draft' || v.status === 'submitted');
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<VersionState>('/catalog/versions', {});
      await navigate({ to: '/catalog/drafts/$id', params: { id: created.id } });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  if (!versions.data) return null;
  return (
    <Card withBorder padding="md" mb="md" data-testid="open-version">
      <Group justify="space-between" gap="sm">
        {open ? (
          <Group gap="sm">
            <Text fw={600}>{t('catalogWork.amendments.openVersion', { label: open.label })}</Text>
            <VersionStatusBadge version={open} />
          </Group>
        ) : (
          <Text size="sm">{t('catalogWork.amendments.noOpenVersion')}</Text>
        )}
        {open ? (
          <ButtonLink to="/catalog/drafts/$id" params={{ id: open.id }} data-testid="open-version-link">
            {t('catalogWork.draft.open')}
          </ButtonLink>
        ) : hasPermission('catalog.versions.draft') ? (
          <Button onClick={() => void create()} loading={busy} data-testid="create-draft">
            {t('catalogWork.amendments.createDraft')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={error} mt="sm" />
    </Card>
  );
}

function AmendmentsContent() {
  const { t, i18n } = useTranslation();
  const { hasPermission } = useSession();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['status', 'kind', 'sectorCode', 'organisationId'],
    defaults: { sort: 'createdAt', order: 'desc' },
    pageSize: PAGE_SIZE,
  });
  const amendments = useApiQuery<AmendmentList>(`/catalog/amendments${list.pageQuery}`);
  const sectors = useSectorList();
  const [proposeOpen, setProposeOpen] = useState(false);
  const [proposed, setProposed] = useState<Amendment | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Amendment | null>(null);
  const [withdrawing, setWithdrawing] = useState<Amendment | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const action = useRowAction(setActionError);
  const canDecide = hasPermission('catalog.versions.draft');
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };

  const replace = (updated: Amendment) =>
    amendments.setData((previous) => (previous ? { ...previous, items: previous.items.map((item) => (item.id === updated.id ? updated : item)) } : previous));

  return (
    <>
      <PageHeader
        title={t('catalogWork.amendments.title')}
        description={t('catalogWork.amendments.intro')}
        actions={
          <>
            {hasPermission('catalog.amendments.propose') ? (
              <Button onClick={() => setProposeOpen(true)} data-testid="propose-open">
                {t('catalogWork.propose.open')}
              </Button>
            ) : null}
            <ExportButtons path="/catalog/amendments/export" query={list.query} testId="amendments-export" />
          </>
        }
      />
      <ProposeAmendmentModal
        opened={proposeOpen}
        onClose={() => setProposeOpen(false)}
        onProposed={(amendment) => {
          setProposeOpen(false);
          setProposed(amendment);
          amendments.reload();
        }}
      />
      {proposed ? (
        <Alert color="teal" variant="light" mb="md" withCloseButton onClose={() => setProposed(null)} closeButtonLabel={t('common.close')} data-testid="proposed-alert">
          {t('catalogWork.propose.done', { title: amendmentTitle(proposed, i18n.language) })}
        </Alert>
      ) : null}
      <OpenVersionCard />

      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="amendments-filters" grid>
        <NativeSelect
          label={t('catalogWork.amendments.status')}
          {...list.filterInput('status')}
          data={[{ value: '', label: t('common.all') }, ...AMENDMENT_STATUSES.map((value) => ({ value, label: t(`catalogWork.amendmentStatuses.${value}`) }))]}
        />
        <NativeSelect
          label={t('catalogWork.amendments.kind')}
          {...list.filterInput('kind')}
          data={[{ value: '', label: t('common.all') }, ...AMENDMENT_KINDS.map((value) => ({ value, label: t(`catalogWork.kinds.${value}`) }))]}
        />
        <NativeSelect
          label={t('catalogWork.amendments.sector')}
          {...list.filterInput('sectorCode')}
          data={[
            { value: '', label: t('common.all') },
            ...(sectors.data?.sectors ?? []).map((s) => ({ value: s.code, label: `${s.code} ${localized(i18n.language, s.nameVi, s.nameEn)}` })),
          ]}
        />
        <NativeSelect
          label={t('catalogWork.amendments.organisation')}
          {...list.filterInput('organisationId')}
          data={[{ value: '', label: t('common.all') }, ...(amendments.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))]}
        />
      </FilterCard>

      <ListTable
        query={amendments}
        error={actionError}
        label={t('catalogWork.amendments.title')}
        minWidth={980}
        testId="amendments-table"
        striped={false}
        pagination={list.pagination}
        columns={[
          <SortableTh key="createdAt" label={t('catalogWork.amendments.date')} field="createdAt" {...sortable} />,
          <SortableTh key="kind" label={t('catalogWork.amendments.kind')} field="kind" {...sortable} />,
          <SortableTh key="sector" label={t('catalogWork.amendments.code')} field="sector" {...sortable} />,
          t('catalogWork.amendments.content'),
          t('catalogWork.amendments.organisation'),
          <SortableTh key="status" label={t('catalogWork.amendments.status')} field="status" {...sortable} />,
          t('common.actions'),
        ]}
        renderRow={(amendment) => {
          const isOpen = expanded === amendment.id;
          const detailId = `amendment-detail-${amendment.id}`;
          return (
            <Fragment key={amendment.id}>
              <Table.Tr data-testid="amendment-row" data-id={amendment.id} data-status={amendment.status}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(amendment.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{t(`catalogWork.kinds.${amendment.kind}`)}</Table.Td>
                <Table.Td ff="monospace">{amendment.itemCode ?? amendment.requestedCode ?? amendment.sectorCode}</Table.Td>
                <Table.Td style={{ minWidth: 240 }}>{amendmentTitle(amendment, i18n.language)}</Table.Td>
                <Table.Td>{amendment.organisationName ?? ''}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[amendment.status]} variant="light" tt="none">
                    {t(`catalogWork.amendmentStatuses.${amendment.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" aria-expanded={isOpen} aria-controls={detailId} onClick={() => setExpanded(isOpen ? null : amendment.id)} data-testid="amendment-expand">
                      {isOpen ? t('common.hide') : t('common.details')}
                    </Button>
                    {amendment.canWithdraw ? (
                      <Button size="xs" variant="light" color="gray" loading={action.busy === amendment.id} onClick={() => setWithdrawing(amendment)} data-testid="amendment-withdraw">
                        {t('catalogWork.amendments.withdraw')}
                      </Button>
                    ) : null}
                    {canDecide && amendment.status === 'proposed' ? (
                      <Button size="xs" variant="light" color="red" onClick={() => setRejecting(amendment)} data-testid="amendment-reject">
                        {t('catalogWork.amendments.reject')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
              {isOpen ? (
                <Table.Tr id={detailId}>
                  <Table.Td colSpan={7}>
                    <AmendmentDetails amendment={amendment} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          );
        }}
      />
      <RejectAmendmentModal amendment={rejecting} onClose={() => setRejecting(null)} onRejected={replace} />
      <ReasonModal
        opened={withdrawing !== null}
        title={t('catalogWork.amendments.withdrawTitle')}
        description={withdrawing ? amendmentTitle(withdrawing, i18n.language) : undefined}
        confirmLabel={t('catalogWork.amendments.withdraw')}
        testId="withdraw-amendment-form"
        onClose={() => setWithdrawing(null)}
        onConfirm={async () => {
          const target = withdrawing;
          if (target) await action.run(target.id, async () => replace(await api.post<Amendment>(`/catalog/amendments/${target.id}/withdraw`)));
        }}
      />
    </>
  );
}
