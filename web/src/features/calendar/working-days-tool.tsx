import { Alert, Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { SectionCard } from '../../components/section-card.js';
import { api, toQueryString } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { weekdayName, type WorkingDaysAnswer } from './calendar-api.js';

type Mode = 'add' | 'count';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The public "count working days" tool: n working days after a date, or the working days between two dates. */
export function WorkingDaysTool({ defaultFrom }: { defaultFrom: string }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>('add');
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState('');
  const [days, setDays] = useState<number | string>(5);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [answer, setAnswer] = useState<WorkingDaysAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      from: ISO_DATE.test(from) ? undefined : t('calendar.tool.required'),
      to: mode === 'count' && !ISO_DATE.test(to) ? t('calendar.tool.required') : undefined,
    };
    setErrors(problems);
    if (problems.from || problems.to) return;
    setBusy(true);
    setError(null);
    try {
      const query = mode === 'add' ? { from, days: Number(days) || 0 } : { from, to };
      setAnswer(await api.get<WorkingDaysAnswer>(`/calendar/working-days${toQueryString(query)}`));
    } catch (cause) {
      setAnswer(null);
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <SectionCard headingId="working-days-tool" title={t('calendar.tool.title')} description={t('calendar.tool.intro')}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="working-days-form">
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('calendar.tool.mode')}
            value={mode}
            onChange={(value) => {
              setMode(value as Mode);
              setAnswer(null);
            }}
            data={[
              { value: 'add', label: t('calendar.tool.modeAdd') },
              { value: 'count', label: t('calendar.tool.modeCount') },
            ]}
            fullWidth
            style={{ flexWrap: 'wrap' }}
          />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput type="date" label={t('calendar.tool.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} required data-testid="working-days-from" />
            {mode === 'add' ? (
              <NumberInput label={t('calendar.tool.days')} value={days} onChange={setDays} min={-3660} max={3660} allowDecimal={false} w={160} data-testid="working-days-days" />
            ) : (
              <TextInput type="date" label={t('calendar.tool.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} required data-testid="working-days-to" />
            )}
          </Group>
          <Group>
            <Button type="submit" loading={busy} data-testid="working-days-submit">
              {t('calendar.tool.submit')}
            </Button>
          </Group>
          <ErrorAlert error={error} />
          {answer ? (
            <Alert color={answer.isComplete ? 'teal' : 'yellow'} variant="light" role="status" data-testid="working-days-result">
              <Text size="sm" fw={600}>
                {mode === 'add'
                  ? t('calendar.tool.resultAdd', { days: answer.workingDays, from: date(answer.from), to: date(answer.to), weekday: weekdayName(answer.to, i18n.language) })
                  : t('calendar.tool.resultCount', { from: date(answer.from), to: date(answer.to), count: answer.workingDays })}
              </Text>
              {answer.isComplete ? null : (
                <Text size="sm" mt={4} data-testid="working-days-incomplete">
                  {t('calendar.tool.incomplete', { years: answer.incompleteYears.join(', ') })}
                </Text>
              )}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </SectionCard>
  );
}
