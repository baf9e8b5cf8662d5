import { Checkbox, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_DAY_KINDS } from '../../../../common/src/reference-rules.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { api } from '../../lib/api.js';
import { tooShort, useFormFields, useFormSubmit } from '../../lib/forms.js';
import type { CalendarDay } from './calendar-api.js';

interface CalendarDayModalProps {
  opened: boolean;
  year: number;
  /** The day to correct, or null to add one. */
  day: CalendarDay | null;
  onClose: () => void;
  onSaved: (day: CalendarDay) => void;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function valuesOf(year: number, day: CalendarDay | null) {
  return {
    day: day?.day ?? '',
    kind: day?.kind ?? 'holiday',
    nameVi: day?.nameVi ?? '',
    nameEn: day?.nameEn ?? '',
    sourceUrl: day?.sourceUrl ?? '',
    verified: day?.verified ? 'yes' : '',
    note: day?.note ?? '',
    year: String(year),
  };
}

/** Adds or corrects one calendar day; the server checks the date, the kind against the weekday and duplicates. */
export function CalendarDayModal({ opened, year, day, onClose, onSaved }: CalendarDayModalProps) {
  const { t } = useTranslation();
  const form = useFormFields(valuesOf(year, day));
  const { setValues } = form;
  useEffect(() => {
    if (opened) setValues(valuesOf(year, day));
  }, [opened, year, day, setValues]);

  const submit = useFormSubmit(
    form,
    async (values) => {
      const body = {
        day: values.day,
        kind: values.kind,
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim(),
        sourceUrl: values.sourceUrl.trim() || null,
        verified: values.verified === 'yes',
        note: values.note.trim() || null,
      };
      const saved = day ? await api.put<CalendarDay>(`/calendar/days/${day.id}`, body) : await api.post<CalendarDay>('/calendar/days', { ...body, year });
      onSaved(saved);
    },
    {
      validate: (values) => ({
        day: !ISO_DATE.test(values.day) ? t('validation.required') : values.day.slice(0, 4) !== String(year) ? t('calendar.errors.dateOutsideYear', { year }) : undefined,
        nameVi: tooShort(t, values.nameVi),
        nameEn: tooShort(t, values.nameEn),
      }),
    },
  );

  const title = day ? t('calendar.admin.editDay') : t('calendar.admin.addDay');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="calendar-day-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <TextInput type="date" label={t('calendar.admin.fields.day')} required min={`${year}-01-01`} max={`${year}-12-31`} {...form.input('day')} data-testid="calendar-day-date" />
          <NativeSelect
            label={t('calendar.admin.fields.kind')}
            data={CALENDAR_DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))}
            {...form.input('kind')}
            data-testid="calendar-day-kind"
          />
          <TextInput label={t('calendar.admin.fields.nameVi')} required {...form.input('nameVi')} data-testid="calendar-day-name-vi" />
          <TextInput label={t('calendar.admin.fields.nameEn')} required {...form.input('nameEn')} data-testid="calendar-day-name-en" />
          <TextInput label={t('calendar.admin.fields.sourceUrl')} description={t('calendar.admin.fields.sourceUrlHint')} type="url" {...form.input('sourceUrl')} />
          <Checkbox
            label={t('calendar.admin.fields.verified')}
            checked={form.values.verified === 'yes'}
            onChange={(event) => form.setValue('verified', event.currentTarget.checked ? 'yes' : '')}
          />
          <Textarea label={t('calendar.admin.fields.note')} autosize minRows={2} {...form.input('note')} />
          <FormButtons onCancel={onClose} label={t('common.save')} submitting={submit.isSubmitting} testId="calendar-day-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
