import { Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_STATUSES } from '../../../../../common/src/api/registration-dossier.js';
import { DataTable } from '../../../components/data-table.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { PaginationBar } from '../../../components/pagination-bar.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { StatusBadge } from '../processing/processing-parts.js';
import { registrationsPath, type RegistrationList, type RegistrationSummary } from './filing-api.js';
import { SummaryClock } from './filing-parts.js';

const PAGE_SIZE = 20;

/** "Hồ sơ đăng ký của tôi": the organisation's registrations with status, clock and a link to each. */
export function RegistrationsPage() {
  return (
    <RequireAuth permission="registration.file">
      <RegistrationsList />
    </RequireAuth>
  );
}

function RegistrationsList() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('registrationFiling.list.title'));
  const search = useSearch({ from: '/registrations' });
  const navigate = useNavigate({ from: '/registrations' });
  const page = search.page ?? 1;
  const query = useApiQuery<RegistrationList>(registrationsPath({ status: search.status, page, sort: search.sort ?? 'updated', order: search.order ?? 'desc' }));
  const data = query.data;

  const name = (item: RegistrationSummary) => (
    <Stack gap={2}>
      <AnchorLink to="/registrations/$caseId" params={{ caseId: item.id }} fw={600} data-testid="registration-link">
        {item.contractName ?? item.title}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {item.referenceNo}
        {item.transferorName ? ` · ${item.transferorName}` : ''}
      </Text>
    </Stack>
  );

  return (
    <Box maw={1100} mx="auto" px="md" py="xl">
      <PageHeader
        title={t('registrationFiling.list.title')}
        description={t('registrationFiling.list.intro')}
        actions={
          <ButtonLink to="/registrations/new" data-testid="registration-new">
            {t('registrationFiling.list.new')}
          </ButtonLink>
        }
      />
      <Group mb="md">
        <Select
          label={t('registrationFiling.list.statusFilter')}
          data={REGISTRATION_STATUSES.map((status) => ({ value: status, label: t(`registrationProcessing.statuses.${status}`) }))}
          value={search.status ?? null}
          clearable
          placeholder={t('registrationFiling.list.allStatuses')}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, status: (value as (typeof REGISTRATION_STATUSES)[number] | null) ?? undefined, page: undefined }) })}
          data-testid="registration-status-filter"
          w={260}
        />
      </Group>
      <ErrorAlert error={query.error} mb="md" />
      {!data ? (
        <PageLoader />
      ) : (
        <DataTable
          items={data.items}
          label={t('registrationFiling.list.title')}
          minWidth={860}
          testId="registrations-table"
          columns={[t('registrationFiling.list.contract'), t('registrationFiling.list.status'), t('registrationFiling.list.clock'), t('registrationFiling.list.signedOn'), t('registrationFiling.list.updated')]}
          renderRow={(item) => (
            <Table.Tr key={item.id} data-testid="registration-row">
              <Table.Td>{name(item)}</Table.Td>
              <Table.Td>
                <StatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <SummaryClock item={item} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.signedOn, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.updatedAt, i18n.language)}</Table.Td>
            </Table.Tr>
          )}
          cards={{
            key: (item) => item.id,
            testId: 'registrations-cards',
            render: (item) => (
              <Stack gap={6}>
                {name(item)}
                <Group gap="xs" wrap="wrap">
                  <StatusBadge status={item.status} />
                  <SummaryClock item={item} />
                </Group>
              </Stack>
            ),
          }}
        />
      )}
      {data ? <PaginationBar page={page} pageSize={PAGE_SIZE} total={data.total} onChange={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} /> : null}
    </Box>
  );
}
