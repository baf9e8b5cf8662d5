import { BarChart, LineChart } from '@mantine/charts';
import { Box, Card, Container, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_KINDS, type CountryCount, type ExchangeStatistics, type MonthCount, type SectorCount } from '../../../../../common/src/api/exchange-statistics.js';
import { DataTable } from '../../../components/data-table.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { SectionCard } from '../../../components/section-card.js';
import { toQueryString } from '../../../lib/api.js';
import { countryName, formatDate, formatNumber } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { STATISTICS_PERIODS } from './statistics.routes.js';

const routeApi = getRouteApi('/exchange/statistics');
const TOTALS = ['offers', 'demands', 'experts', 'intermediaries', 'connections', 'outcomes'] as const;
const OUTCOME_COLORS: Record<(typeof OUTCOME_KINDS)[number], string> = { no_deal: 'gray.6', meeting_held: 'cyan.6', mou_signed: 'violet.6', contract_signed: 'green.7' };

/** Public: the exchange in figures — listings by sector and country, connections and outcomes by month. */
export function ExchangeStatisticsPage() {
  const { t, i18n } = useTranslation();
  const s = (key: string, params?: Record<string, unknown>) => t(`exchangeStatistics.${key}`, params);
  usePageTitle(s('title'));
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const months = search.months ?? '12';
  const result = useApiQuery<ExchangeStatistics>(`/exchange/statistics${toQueryString({ months })}`);
  const data = result.data;
  return (
    <Container size="xl" py="xl">
      <PageHeader title={s('title')} description={s('intro')} actions={<ExportButtons path="/exchange/statistics/export" query={{ months }} testId="exchange-statistics-export" />} />
      <Group justify="space-between" mb="md" wrap="wrap">
        <SegmentedControl
          aria-label={s('months')}
          data-testid="exchange-statistics-period"
          value={months}
          onChange={(value) => void navigate({ search: { months: value as (typeof STATISTICS_PERIODS)[number] } })}
          data={STATISTICS_PERIODS.map((value) => ({ value, label: s('monthsOption', { count: Number(value) }) }))}
        />
        {data ? (
          <Text size="sm" c="dimmed" data-testid="exchange-statistics-as-of">
            {s('asOf', { date: formatDate(data.asOf, i18n.language) })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={result.error} mb="md" />
      {!data && result.isLoading ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
            {TOTALS.map((key) => (
              <Card withBorder padding="md" key={key}>
                <Text size="sm" c="dimmed">
                  {s(`totals.${key}`)}
                </Text>
                <Text size="xl" fw={700} data-testid={`exchange-statistics-total-${key}`}>
                  {formatNumber(data.totals[key], i18n.language)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <SectorSection rows={data.bySector} />
          <CountrySection rows={data.byCountry} />
          <MonthSection rows={data.byMonth} />
        </Stack>
      ) : null}
    </Container>
  );
}

/** The chart is a picture of the table under it: screen readers get one sentence and then the table. */
function ChartFigure({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box role="img" aria-label={t('exchangeStatistics.chartLabel', { title })} mb="md">
      {children}
    </Box>
  );
}

function useSeriesLabels() {
  const { t } = useTranslation();
  return {
    offers: t('exchangeStatistics.columns.offers'),
    demands: t('exchangeStatistics.columns.demands'),
    connections: t('exchangeStatistics.columns.connections'),
    accepted: t('exchangeStatistics.columns.accepted'),
    outcome: (kind: (typeof OUTCOME_KINDS)[number]) => t(`exchange.outcomes.${kind}`),
  };
}

function SectorSection({ rows }: { rows: SectorCount[] }) {
  const { t, i18n } = useTranslation();
  const labels = useSeriesLabels();
  const title = t('exchangeStatistics.sections.bySector');
  const name = (row: SectorCount) => (i18n.language === 'en' ? row.nameEn : row.nameVi) ?? row.sectorCode;
  return (
    <SectionCard headingId="exchange-statistics-sector" title={title}>
      {rows.length ? (
        <ChartFigure title={title}>
          <BarChart
            h={280}
            data={rows.map((row) => ({ sector: row.sectorCode, offers: row.offers, demands: row.demands }))}
            dataKey="sector"
            series={[
              { name: 'offers', label: labels.offers, color: 'blue.6' },
              { name: 'demands', label: labels.demands, color: 'orange.6' },
            ]}
            withLegend
          />
        </ChartFigure>
      ) : null}
      <DataTable
        items={rows}
        label={title}
        minWidth={560}
        testId="exchange-statistics-sector-table"
        columns={[t('exchangeStatistics.columns.sector'), labels.offers, labels.demands]}
        renderRow={(row) => (
          <Table.Tr key={row.sectorCode}>
            <Table.Td>
              {row.sectorCode} – {name(row)}
            </Table.Td>
            <Table.Td>{formatNumber(row.offers, i18n.language)}</Table.Td>
            <Table.Td>{formatNumber(row.demands, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
    </SectionCard>
  );
}

function CountrySection({ rows }: { rows: CountryCount[] }) {
  const { t, i18n } = useTranslation();
  const labels = useSeriesLabels();
  const title = t('exchangeStatistics.sections.byCountry');
  const label = (code: string) => (code === 'unknown' ? t('exchangeStatistics.unknown') : `${countryName(code, i18n.language)} (${code})`);
  return (
    <SectionCard headingId="exchange-statistics-country" title={title} description={t('exchangeStatistics.countryNote')}>
      {rows.length ? (
        <ChartFigure title={title}>
          <BarChart
            h={280}
            data={rows.map((row) => ({ country: row.country === 'unknown' ? '?' : row.country, offers: row.offers, demands: row.demands }))}
            dataKey="country"
            type="stacked"
            series={[
              { name: 'offers', label: labels.offers, color: 'blue.6' },
              { name: 'demands', label: labels.demands, color: 'orange.6' },
            ]}
            withLegend
          />
        </ChartFigure>
      ) : null}
      <DataTable
        items={rows}
        label={title}
        minWidth={480}
        testId="exchange-statistics-country-table"
        columns={[t('exchangeStatistics.columns.country'), labels.offers, labels.demands]}
        renderRow={(row) => (
          <Table.Tr key={row.country}>
            <Table.Td>{label(row.country)}</Table.Td>
            <Table.Td>{formatNumber(row.offers, i18n.language)}</Table.Td>
            <Table.Td>{formatNumber(row.demands, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      />
    </SectionCard>
  );
}

function MonthSection({ rows }: { rows: MonthCount[] }) {
  const { t, i18n } = useTranslation();
  const labels = useSeriesLabels();
  const title = t('exchangeStatistics.sections.byMonth');
  const monthLabel = (month: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <SectionCard headingId="exchange-statistics-month" title={title}>
      <ChartFigure title={title}>
        <LineChart
          h={280}
          data={rows.map((row) => ({ ...row, month: monthLabel(row.month) }))}
          dataKey="month"
          series={[
            { name: 'connections', label: labels.connections, color: 'blue.6' },
            { name: 'accepted', label: labels.accepted, color: 'teal.6' },
            ...OUTCOME_KINDS.map((kind) => ({ name: kind, label: labels.outcome(kind), color: OUTCOME_COLORS[kind] })),
          ]}
          withLegend
          curveType="linear"
        />
      </ChartFigure>
      <DataTable
        items={rows}
        label={title}
        minWidth={760}
        testId="exchange-statistics-month-table"
        columns={[t('exchangeStatistics.columns.month'), labels.connections, labels.accepted, ...OUTCOME_KINDS.map((kind) => labels.outcome(kind))]}
        renderRow={(row) => (
          <Table.Tr key={row.month}>
            <Table.Td>{monthLabel(row.month)}</Table.Td>
            <Table.Td>{formatNumber(row.connections, i18n.language)}</Table.Td>
            <Table.Td>{formatNumber(row.accepted, i18n.language)}</Table.Td>
            {OUTCOME_KINDS.map((kind) => (
              <Table.Td key={kind}>{formatNumber(row[kind], i18n.language)}</Table.Td>
            ))}
          </Table.Tr>
        )}
      />
    </SectionCard>
  );
}
