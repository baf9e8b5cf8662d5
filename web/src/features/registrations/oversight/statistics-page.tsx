import { Alert, Button, Card, Container, Group, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STATISTICS_DIMENSIONS } from '../../../../../common/src/api/registration-oversight.js';
import { DataTable } from '../../../components/data-table.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { API_BASE, toQueryString } from '../../../lib/api.js';
import { countryName, formatNumber } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import type { RegistrationStatistics, StatisticsBucket, StatisticsDimension } from './oversight-api.js';

const routeApi = getRouteApi('/registrations/statistics');

/** DOST and city leaders: registered contracts by year, sector, country, payment method…, with an XLSX export. */
export function RegistrationStatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('registrationOversight.statistics.title'));
  return (
    <RequireAuth permission="registration.statistics">
      <Container size="xl" py="xl">
        <StatisticsContent />
      </Container>
    </RequireAuth>
  );
}

function StatisticsContent() {
  const { t, i18n } = useTranslation();
  const s = (key: string) => t(`registrationOversight.statistics.${key}`);
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const [draft, setDraft] = useState({ fromYear: search.fromYear ? String(search.fromYear) : '', toYear: search.toYear ? String(search.toYear) : '' });
  const query = toQueryString({ fromYear: search.fromYear, toYear: search.toYear });
  const result = useApiQuery<RegistrationStatistics>(`/registration-statistics${query}`);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: { fromYear: Number(draft.fromYear) || undefined, toYear: Number(draft.toYear) || undefined } });
  };
  const exportHref = `${API_BASE}/registration-statistics/export${toQueryString({ fromYear: search.fromYear, toYear: search.toYear, format: 'xlsx' })}`;
  const vnd = (value: number | null) => (value === null ? s('valueWithheld') : `${formatNumber(value, i18n.language)} ₫`);

  return (
    <>
      <PageHeader
        title={s('title')}
        description={s('intro')}
        actions={
          <Button component="a" href={exportHref} download variant="light" data-testid="statistics-export">
            {s('exportXlsx')}
          </Button>
        }
      />
      <Card withBorder padding="md" mb="md">
        <form onSubmit={apply} data-testid="statistics-filters">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput w={140} label={s('fromYear')} type="number" min={2000} max={2999} value={draft.fromYear} onChange={(e) => setDraft({ ...draft, fromYear: e.currentTarget.value })} />
            <TextInput w={140} label={s('toYear')} type="number" min={2000} max={2999} value={draft.toYear} onChange={(e) => setDraft({ ...draft, toYear: e.currentTarget.value })} />
            <Button type="submit">{t('common.filter')}</Button>
          </Group>
        </form>
      </Card>
      <Alert color="yellow" variant="light" mb="md" data-testid="statistics-form-note">
        {s('formNote')} {s('valueNote')}
      </Alert>
      <ErrorAlert error={result.error} mb="md" />
      {!result.data && result.isLoading ? <PageLoader /> : null}
      {result.data ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Summary label={s('total')} value={formatNumber(result.data.total.count, i18n.language)} testId="statistics-total" />
            <Summary label={s('totalValue')} value={vnd(result.data.total.totalValueVnd)} testId="statistics-total-value" />
            <Summary label={s('revoked')} value={formatNumber(result.data.revokedCount, i18n.language)} testId="statistics-revoked" />
          </SimpleGrid>
          {result.data.total.count === 0 ? <Text c="dimmed">{s('empty')}</Text> : null}
          {STATISTICS_DIMENSIONS.map((dimension) => (
            <DimensionTable key={dimension} dimension={dimension} buckets={result.data!.byDimension[dimension] ?? []} total={result.data!.total.count} sectorNames={result.data!.sectorNames} />
          ))}
        </Stack>
      ) : null}
    </>
  );
}

function Summary({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function useGroupLabel(sectorNames: RegistrationStatistics['sectorNames']) {
  const { t, i18n } = useTranslation();
  return (dimension: StatisticsDimension, key: string): string => {
    if (key === 'unknown') return t('registrationOversight.common.unknown');
    const path = { paymentMethod: 'paymentMethods', direction: 'directions', form: 'forms', valueBand: 'valueBands', purpose: 'purposes' } as Partial<Record<StatisticsDimension, string>>;
    if (path[dimension]) return t(`registrationOversight.${path[dimension]}.${key}`);
    if (dimension === 'country') return `${countryName(key, i18n.language)} (${key})`;
    const sector = dimension === 'sector' ? sectorNames[key] : undefined;
    if (sector) return `${key} – ${i18n.language === 'en' ? sector.en : sector.vi}`;
    return key;
  };
}

/** One dimension as a table with a bar per group (share of the contracts): readable without a chart library. */
function DimensionTable({ dimension, buckets, total, sectorNames }: { dimension: StatisticsDimension; buckets: StatisticsBucket[]; total: number; sectorNames: RegistrationStatistics['sectorNames'] }) {
  const { t, i18n } = useTranslation();
  const s = (key: string) => t(`registrationOversight.statistics.${key}`);
  const label = useGroupLabel(sectorNames);
  const title = s(`dimensions.${dimension}`);
  const share = (bucket: StatisticsBucket) => (total ? Math.round((bucket.count / total) * 100) : 0);
  const value = (bucket: StatisticsBucket) => (bucket.totalValueVnd === null ? s('valueWithheld') : formatNumber(bucket.totalValueVnd, i18n.language));
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={`statistics-${dimension}`}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <DataTable
        items={buckets}
        label={title}
        minWidth={560}
        testId={`statistics-table-${dimension}`}
        columns={[s('group'), s('count'), s('share'), s('value')]}
        renderRow={(bucket) => (
          <Table.Tr key={bucket.key}>
            <Table.Td>{label(dimension, bucket.key)}</Table.Td>
            <Table.Td>{formatNumber(bucket.count, i18n.language)}</Table.Td>
            <Table.Td style={{ minWidth: 140 }}>
              <Group gap="xs" wrap="nowrap">
                <Progress value={share(bucket)} w={80} aria-label={`${label(dimension, bucket.key)}: ${share(bucket)}%`} />
                <Text size="xs">{share(bucket)}%</Text>
              </Group>
            </Table.Td>
            <Table.Td>{value(bucket)}</Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (bucket) => bucket.key,
          testId: `statistics-cards-${dimension}`,
          render: (bucket) => (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {label(dimension, bucket.key)}
              </Text>
              <Progress value={share(bucket)} aria-label={`${label(dimension, bucket.key)}: ${share(bucket)}%`} />
              <Text size="xs" c="dimmed">
                {s('count')}: {formatNumber(bucket.count, i18n.language)} · {s('value')}: {value(bucket)}
              </Text>
            </Stack>
          ),
        }}
      />
    </Card>
  );
}
