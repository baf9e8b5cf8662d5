import { Badge, Container, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TRANSFER_DIRECTIONS } from '../../../../../common/src/api/legal-rules.js';
import { PAYMENT_METHODS } from '../../../../../common/src/api/registration-dossier.js';
import { CERTIFICATE_STATES, VALUE_BAND_CODES } from '../../../../../common/src/api/registration-oversight.js';
import { RISK_FLAG_CODES } from '../../../../../common/src/api/registration-risk.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { FilterCard } from '../../../components/filter-card.js';
import { AnchorLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SortableTh } from '../../../components/sortable-th.js';
import type { Page } from '../../../lib/api.js';
import { countryName, formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import type { TaxRegistrationItem } from './oversight-api.js';

const routeApi = getRouteApi('/tax/registrations');
const PAGE_SIZE = 20;

/** Tax Department: registered contracts with value bands and flags (no prices, rates or files), filters in the URL. */
export function TaxRegistrationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('registrationOversight.tax.title'));
  return (
    <RequireAuth permission="registration.tax_view">
      <Container size="xl" py="xl">
        <TaxRegistrationsContent />
      </Container>
    </RequireAuth>
  );
}

function TaxRegistrationsContent() {
  const { t, i18n } = useTranslation();
  const search = routeApi.useSearch();
  const list = useListSearch(search, routeApi.useNavigate(), {
    filterKeys: ['q', 'year', 'certificateStatus', 'paymentMethod', 'direction', 'valueBand', 'flag', 'flagged'],
    defaults: { sort: 'issued', order: 'desc' },
    pageSize: PAGE_SIZE,
  });
  const registrations = useApiQuery<Page<TaxRegistrationItem>>(`/tax/registrations${list.pageQuery}`);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const o = (key: string) => t(`registrationOversight.${key}`);
  const all = { value: '', label: o('common.all') };

  return (
    <>
      <PageHeader title={o('tax.title')} description={o('tax.intro')} actions={<ExportButtons path="/tax/registrations/export" query={list.query} testId="tax-export" />} />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="tax-filters" grid>
        <TextInput label={o('tax.filters.q')} type="search" {...list.filterInput('q')} />
        <TextInput label={o('tax.filters.year')} type="number" min={2000} max={2999} {...list.filterInput('year')} />
        <NativeSelect label={o('tax.filters.certificateStatus')} {...list.filterInput('certificateStatus')} data={[all, ...CERTIFICATE_STATES.map((s) => ({ value: s, label: o(`certificateStatus.${s}`) }))]} />
        <NativeSelect label={o('tax.filters.paymentMethod')} {...list.filterInput('paymentMethod')} data={[all, ...PAYMENT_METHODS.map((m) => ({ value: m, label: o(`paymentMethods.${m}`) }))]} />
        <NativeSelect label={o('tax.filters.direction')} {...list.filterInput('direction')} data={[all, ...TRANSFER_DIRECTIONS.map((d) => ({ value: d, label: o(`directions.${d}`) }))]} />
        <NativeSelect label={o('tax.filters.valueBand')} {...list.filterInput('valueBand')} data={[all, ...VALUE_BAND_CODES.map((b) => ({ value: b, label: o(`valueBands.${b}`) }))]} />
        <NativeSelect label={o('tax.filters.flag')} {...list.filterInput('flag')} data={[all, ...RISK_FLAG_CODES.map((c) => ({ value: c, label: o(`flags.codes.${c}.title`) }))]} />
        <NativeSelect label={o('tax.filters.flaggedOnly')} {...list.filterInput('flagged')} data={[all, { value: 'true', label: o('common.yes') }]} data-testid="tax-filter-flagged" />
      </FilterCard>
      <ListTable
        query={registrations}
        label={o('tax.title')}
        minWidth={980}
        testId="tax-registrations"
        pagination={list.pagination}
        columns={[
          <SortableTh label={o('tax.columns.issuedOn')} field="issued" {...sortable} />,
          o('tax.columns.certificate'),
          <SortableTh label={o('tax.columns.transferee')} field="transferee" {...sortable} />,
          o('tax.columns.transferor'),
          o('tax.columns.contract'),
          o('tax.columns.payment'),
          o('tax.columns.valueBand'),
          o('tax.columns.flags'),
        ]}
        renderRow={(item) => (
          <Table.Tr key={item.caseId} data-testid="tax-registration-row">
            <Table.Td>{formatDate(item.issuedOn, i18n.language)}</Table.Td>
            <Table.Td>
              <AnchorLink to="/tax/registrations/$caseId" params={{ caseId: item.caseId }} size="sm" data-testid="tax-registration-link">
                {item.certificateNumber}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {item.referenceNo}
              </Text>
              {item.certificateStatus === 'revoked' ? (
                <Badge color="gray.8" size="xs">
                  {o('certificateStatus.revoked')}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{item.transfereeName}</Table.Td>
            <Table.Td>
              {item.transferorName}
              {item.transferorCountry ? (
                <Text size="xs" c="dimmed">
                  {countryName(item.transferorCountry, i18n.language)}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td style={{ minWidth: 200 }}>
              <Text size="sm">{item.contractName}</Text>
              <Text size="xs" c="dimmed">
                {item.technologyName}
              </Text>
            </Table.Td>
            <Table.Td>{item.paymentMethods.map((m) => o(`paymentMethods.${m}`)).join('; ')}</Table.Td>
            <Table.Td>{item.valueBand ? o(`valueBands.${item.valueBand}`) : o('common.unknown')}</Table.Td>
            <Table.Td>
              <FlagBadges item={item} />
            </Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (item) => item.caseId,
          testId: 'tax-registration-cards',
          render: (item) => (
            <Stack gap={4}>
              <AnchorLink to="/tax/registrations/$caseId" params={{ caseId: item.caseId }} fw={600}>
                {item.contractName}
              </AnchorLink>
              <Text size="sm">
                {item.transfereeName} · {item.transferorName}
              </Text>
              <Text size="xs" c="dimmed">
                {item.certificateNumber} · {formatDate(item.issuedOn, i18n.language)} · {item.valueBand ? o(`valueBands.${item.valueBand}`) : o('common.unknown')}
              </Text>
              <FlagBadges item={item} />
            </Stack>
          ),
        }}
      />
    </>
  );
}

function FlagBadges({ item }: { item: TaxRegistrationItem }) {
  const { t } = useTranslation();
  if (item.flagCodes.length === 0 && item.openQueryCount === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {item.flagCodes.map((code) => (
        <Badge key={code} color="yellow" variant="light" size="sm" style={{ textTransform: 'none' }}>
          {t(`registrationOversight.flags.codes.${code}.title`)}
        </Badge>
      ))}
      {item.openQueryCount > 0 ? (
        <Badge color="blue.9" variant="outline" size="sm" style={{ textTransform: 'none' }}>
          {t('registrationOversight.tax.columns.queries')}: {item.openQueryCount}
        </Badge>
      ) : null}
    </Group>
  );
}
