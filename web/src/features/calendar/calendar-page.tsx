import { Badge, Box, Container, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { SectionCard } from '../../components/section-card.js';
import { formatDate } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { chooseYear, daysByMonth, useCalendarYear, useCalendarYears, vietnamToday, weekdayName, type CalendarDay, type CalendarYearSummary } from './calendar-api.js';
import { CalendarExportButtons, KindBadge, SourceLinks, VerifiedBadge, YearStatus } from './calendar-parts.js';
import { WorkingDaysTool } from './working-days-tool.js';

const routeApi = getRouteApi('/calendar');

/** Public page: one year's official days off and working Saturdays, with sources, and the working-day counter. */
export function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendar.title'));
  const search = routeApi.useSearch();
  const years = useCalendarYears();
  const year = years.data ? chooseYear(years.data.years, search.year) : null;
  const summary = years.data?.years.find((y) => y.year === year);

  return (
    <Container size="xl" py="xl">
      <PageHeader title={t('calendar.title')} description={t('calendar.intro')} />
      <Text size="sm" c="dimmed" mb="md">
        {t('calendar.legalBasis')}
      </Text>
      <ErrorAlert error={years.error} mb="md" />
      {!years.data && !years.error ? <PageLoader /> : null}
      {years.data ? <YearNav years={years.data.years} current={year} admin={false} /> : null}
      <Stack gap="lg" mt="md">
        {summary ? <YearDays summary={summary} /> : null}
        <WorkingDaysTool defaultFrom={vietnamToday()} />
      </Stack>
    </Container>
  );
}

/** Links to each year (the current one marked), on the public or the administration page. */
export function YearNav({ years, current, admin }: { years: readonly CalendarYearSummary[]; current: number | null; admin: boolean }) {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t('calendar.yearsNav')} gap="xs" wrap="wrap" data-testid="calendar-years">
      {years.map((y) => (
        <ButtonLink
          key={y.year}
          to={admin ? '/admin/calendar' : '/calendar'}
          search={{ year: y.year }}
          variant={y.year === current ? 'filled' : 'default'}
          aria-current={y.year === current ? 'page' : undefined}
        >
          {y.year}
          {y.isComplete ? null : (
            <>
              <span aria-hidden="true">{'\u00a0*'}</span>
              <VisuallyHidden>{` (${t('calendar.incompleteBadge')})`}</VisuallyHidden>
            </>
          )}
        </ButtonLink>
      ))}
    </Group>
  );
}

function YearDays({ summary }: { summary: CalendarYearSummary }) {
  const { t } = useTranslation();
  const year = useCalendarYear(summary.year);
  return (
    <SectionCard headingId="calendar-days" title={t('calendar.daysHeading', { year: summary.year })}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Badge color={summary.isComplete ? 'teal' : 'yellow'} variant="light" size="lg">
            {summary.isComplete ? t('calendar.completeBadge') : t('calendar.incompleteBadge')}
          </Badge>
          <CalendarExportButtons year={summary.year} />
        </Group>
        <YearStatus year={summary} />
        <ErrorAlert error={year.error} />
        {year.isLoading && !year.data ? <PageLoader /> : null}
        {year.data && year.data.days.length === 0 ? <Text size="sm">{t('calendar.noDays')}</Text> : null}
        {year.data && year.data.year === summary.year
          ? daysByMonth(year.data.days).map(([month, days]) => (
              <section key={month} aria-labelledby={`month-${month}`}>
                <Title order={3} fz="md" mb="xs" id={`month-${month}`}>
                  {t('calendar.monthHeading', { month })}
                </Title>
                <Box visibleFrom="sm">
                  <DaysTable days={days} label={t('calendar.monthHeading', { month })} />
                </Box>
                <DaysList days={days} />
              </section>
            ))
          : null}
      </Stack>
    </SectionCard>
  );
}

function DaysTable({ days, label }: { days: CalendarDay[]; label: string }) {
  const { t, i18n } = useTranslation();
  const name = (day: CalendarDay) => (i18n.language === 'en' ? day.nameEn : day.nameVi);
  return (
    <DataTable
      items={days}
      label={label}
      minWidth={760}
      testId="calendar-days-table"
      striped
      columns={[t('calendar.columns.date'), t('calendar.columns.weekday'), t('calendar.columns.kind'), t('calendar.columns.name'), t('calendar.columns.source'), t('calendar.columns.verified')]}
      renderRow={(day) => (
        <Table.Tr key={day.id} data-testid="calendar-day" data-day={day.day}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(day.day, i18n.language)}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{weekdayName(day.day, i18n.language)}</Table.Td>
          <Table.Td>
            <KindBadge kind={day.kind} />
          </Table.Td>
          <Table.Td style={{ minWidth: 220 }}>{name(day)}</Table.Td>
          <Table.Td style={{ minWidth: 140 }}>
            <SourceLinks sourceUrl={day.sourceUrl} />
          </Table.Td>
          <Table.Td>
            <VerifiedBadge verified={day.verified} />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

/** Phones: one compact block per day instead of a wide table. */
function DaysList({ days }: { days: CalendarDay[] }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap={0} hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="calendar-days-list">
      {days.map((day) => (
        <Box component="li" key={day.id} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={700}>
              {formatDate(day.day, i18n.language)} · {weekdayName(day.day, i18n.language)}
            </Text>
            <VerifiedBadge verified={day.verified} />
          </Group>
          <Group gap="xs" mt={4} wrap="wrap">
            <KindBadge kind={day.kind} />
            <Text size="sm">{i18n.language === 'en' ? day.nameEn : day.nameVi}</Text>
          </Group>
          <Box mt={4}>
            <SourceLinks sourceUrl={day.sourceUrl} />
          </Box>
        </Box>
      ))}
    </Stack>
  );
}
