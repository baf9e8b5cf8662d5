import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../../../../common/src/reference-rules.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { api } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useRowAction } from '../../lib/use-row-action.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { chooseYear, useCalendarYear, useCalendarYears, weekdayName, type CalendarDay, type CalendarYearSummary } from './calendar-api.js';
import { CalendarDayModal } from './calendar-day-modal.js';
import { CalendarExportButtons, KindBadge, SourceLinks, VerifiedBadge } from './calendar-parts.js';
import { YearNav } from './calendar-page.js';

const routeApi = getRouteApi('/admin/calendar');

export function AdminCalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendar.admin.title'));
  return (
    <RequireAuth permission="reference.manage">
      <AdminCalendar />
    </RequireAuth>
  );
}

function AdminCalendar() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const years = useCalendarYears();
  const year = years.data ? chooseYear(years.data.years, search.year) : null;
  const summary = years.data?.years.find((y) => y.year === year) ?? null;
  const days = useCalendarYear(year);
  const [editing, setEditing] = useState<CalendarDay | 'new' | null>(null);

  const reload = () => {
    years.reload();
    days.reload();
  };

  return (
    <>
      <PageHeader
        title={t('calendar.admin.title')}
        description={t('calendar.admin.intro')}
        actions={
          <>
            <ButtonLink to="/calendar" search={year ? { year } : {}} variant="default">
              {t('calendar.admin.publicPage')}
            </ButtonLink>
            <Button onClick={() => setEditing('new')} disabled={year === null} data-testid="calendar-add-day">
              {t('calendar.admin.addDay')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={years.error} mb="md" />
      {!years.data && !years.error ? <PageLoader /> : null}
      {years.data ? (
        <Group justify="space-between" align="flex-end" gap="md" wrap="wrap" mb="md">
          <YearNav years={years.data.years} current={year} admin />
          <AddYearForm onAdded={(added) => void navigate({ search: { year: added } }).then(reload)} />
        </Group>
      ) : null}
      {summary ? (
        <Stack gap="lg">
          <YearSettings key={`${summary.year}-${summary.isComplete}-${summary.noteVi}-${summary.noteEn}`} summary={summary} onSaved={reload} />
          <SectionCard headingId="calendar-admin-days" title={t('calendar.daysHeading', { year: summary.year })}>
            <Group justify="flex-end" mb="sm">
              <CalendarExportButtons year={summary.year} />
            </Group>
            <ErrorAlert error={days.error} mb="sm" />
            {days.data && days.data.year === summary.year ? (
              <AdminDaysTable days={days.data.days} onEdit={setEditing} onDeleted={reload} />
            ) : (
              <PageLoader />
            )}
          </SectionCard>
        </Stack>
      ) : null}
      {year !== null ? (
        <CalendarDayModal
          opened={editing !== null}
          year={year}
          day={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}

function AddYearForm({ onAdded }: { onAdded: (year: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    const year = Number(value);
    if (!Number.isInteger(year)) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(`/calendar/years/${year}`, { isComplete: false, noteVi: null, noteEn: null });
      setValue('');
      onAdded(year);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <NumberInput
          label={t('calendar.admin.newYear')}
          value={value}
          onChange={setValue}
          min={MIN_CALENDAR_YEAR}
          max={MAX_CALENDAR_YEAR}
          allowDecimal={false}
          w={120}
          data-testid="calendar-new-year"
        />
        <Button variant="light" onClick={() => void add()} loading={busy} disabled={value === ''} data-testid="calendar-add-year">
          {t('calendar.admin.addYearAction')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

function YearSettings({ summary, onSaved }: { summary: CalendarYearSummary; onSaved: () => void }) {
  const { t } = useTranslation();
  const [isComplete, setIsComplete] = useState(summary.isComplete);
  const [noteVi, setNoteVi] = useState(summary.noteVi ?? '');
  const [noteEn, setNoteEn] = useState(summary.noteEn ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setSaved(false), [isComplete, noteVi, noteEn]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/calendar/years/${summary.year}`, { isComplete, noteVi: noteVi.trim() || null, noteEn: noteEn.trim() || null });
      setSaved(true);
      onSaved();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <SectionCard headingId="calendar-year-settings" title={t('calendar.admin.yearSettings', { year: summary.year })}>
      <Stack gap="sm">
        <Checkbox
          label={t('calendar.admin.isComplete')}
          description={t('calendar.admin.isCompleteHint')}
          checked={isComplete}
          onChange={(event) => setIsComplete(event.currentTarget.checked)}
          data-testid="calendar-year-complete"
        />
        <Text size="sm" c="dimmed">
          {t('calendar.admin.noteHint')}
        </Text>
        <Textarea label={t('calendar.admin.noteVi')} autosize minRows={2} value={noteVi} onChange={(e) => setNoteVi(e.currentTarget.value)} />
        <Textarea label={t('calendar.admin.noteEn')} autosize minRows={2} value={noteEn} onChange={(e) => setNoteEn(e.currentTarget.value)} />
        <ErrorAlert error={error} />
        {saved ? (
          <Alert color="teal" variant="light" role="status">
            {t('calendar.admin.yearSaved', { year: summary.year })}
          </Alert>
        ) : null}
        <Group>
          <Button onClick={() => void save()} loading={busy} data-testid="calendar-year-save">
            {t('calendar.admin.saveYear')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

function AdminDaysTable({ days, onEdit, onDeleted }: { days: CalendarDay[]; onEdit: (day: CalendarDay) => void; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const action = useRowAction(setError);
  const [deleting, setDeleting] = useState<CalendarDay | null>(null);
  const date = (day: CalendarDay) => formatDate(day.day, i18n.language);

  const remove = async () => {
    if (!deleting) return;
    const target = deleting;
    setDeleting(null);
    await action.run(target.id, async () => {
      await api.delete(`/calendar/days/${target.id}`);
      onDeleted();
    });
  };

  return (
    <>
      <ErrorAlert error={error} mb="sm" />
      <DataTable
        items={days}
        label={t('calendar.admin.title')}
        minWidth={760}
        testId="calendar-admin-table"
        striped
        highlightOnHover
        columns={[
          t('calendar.columns.date'),
          t('calendar.columns.kind'),
          t('calendar.columns.name'),
          t('calendar.columns.source'),
          t('calendar.columns.verified'),
          t('calendar.columns.actions'),
        ]}
        renderRow={(day) => (
          <Table.Tr key={day.id} data-testid="calendar-admin-day" data-day={day.day}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {date(day)}
              <Text size="xs" c="dimmed">
                {weekdayName(day.day, i18n.language)}
              </Text>
            </Table.Td>
            <Table.Td>
              <KindBadge kind={day.kind} />
            </Table.Td>
            <Table.Td style={{ minWidth: 220 }}>
              <Text size="sm">{day.nameVi}</Text>
              <Text size="xs" c="dimmed">
                {day.nameEn}
              </Text>
              {day.note ? <Text size="xs">{day.note}</Text> : null}
            </Table.Td>
            <Table.Td style={{ minWidth: 140 }}>
              <SourceLinks sourceUrl={day.sourceUrl} />
            </Table.Td>
            <Table.Td>
              <VerifiedBadge verified={day.verified} />
            </Table.Td>
            <Table.Td>
              <DayActions day={day} busy={action.busy === day.id} onEdit={onEdit} onDelete={setDeleting} />
            </Table.Td>
          </Table.Tr>
        )}
        cards={{
          key: (day) => day.id,
          testId: 'calendar-admin-list',
          render: (day) => (
            <Stack gap={4} data-testid="calendar-admin-item" data-day={day.day}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={700}>
                  {date(day)} · {weekdayName(day.day, i18n.language)}
                </Text>
                <VerifiedBadge verified={day.verified} />
              </Group>
              <Group gap="xs" wrap="wrap">
                <KindBadge kind={day.kind} />
              </Group>
              <Text size="sm">{day.nameVi}</Text>
              <Text size="xs" c="dimmed">
                {day.nameEn}
              </Text>
              {day.note ? <Text size="xs">{day.note}</Text> : null}
              <SourceLinks sourceUrl={day.sourceUrl} />
              <DayActions day={day} busy={action.busy === day.id} onEdit={onEdit} onDelete={setDeleting} />
            </Stack>
          ),
        }}
      />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('calendar.admin.delete')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="md">
          <Text size="sm">{deleting ? t('calendar.admin.confirmDelete', { date: date(deleting) }) : ''}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void remove()} data-testid="calendar-delete-confirm">
              {t('calendar.admin.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface DayActionsProps {
  day: CalendarDay;
  busy: boolean;
  onEdit: (day: CalendarDay) => void;
  onDelete: (day: CalendarDay) => void;
}

/** Edit and delete of one day; each button's accessible name starts with its visible text and names the date. */
function DayActions({ day, busy, onEdit, onDelete }: DayActionsProps) {
  const { t, i18n } = useTranslation();
  const date = formatDate(day.day, i18n.language);
  return (
    <Group gap={6} wrap="wrap">
      <Button size="xs" variant="light" onClick={() => onEdit(day)} aria-label={t('calendar.admin.editNamed', { date })} data-testid="calendar-edit-day">
        {t('calendar.admin.editDay')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        loading={busy}
        onClick={() => onDelete(day)}
        aria-label={t('calendar.admin.deleteNamed', { date })}
        data-testid="calendar-delete-day"
      >
        {t('calendar.admin.delete')}
      </Button>
    </Group>
  );
}
