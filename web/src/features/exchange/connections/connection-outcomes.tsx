import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONNECTION_OUTCOME_KINDS, type ConnectionDetail, type ConnectionOutcomeView } from '../../../../../common/src/api/exchange-connections.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { SectionCard } from '../../../components/section-card.js';
import { api } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';
import { useFormFields, useFormSubmit } from '../../../lib/forms.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

interface ConnectionOutcomesProps {
  connection: ConnectionDetail;
  onRecorded: (outcome: ConnectionOutcomeView) => void;
}

/** The outcome trail (append-only, oldest first) and, for a party, the form to add one. */
export function ConnectionOutcomes({ connection, onRecorded }: ConnectionOutcomesProps) {
  const { t, i18n } = useTranslation();
  return (
    <SectionCard headingId="connection-outcomes" title={t('exchangeConnections.outcomes.title')}>
      <Stack gap="md">
        {connection.outcomes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('exchangeConnections.outcomes.empty')}
          </Text>
        ) : (
          <Timeline active={connection.outcomes.length - 1} bulletSize={14} lineWidth={2} data-testid="outcome-trail">
            {connection.outcomes.map((outcome) => (
              <Timeline.Item key={outcome.id} title={t(`exchange.outcomes.${outcome.outcome}`)} data-testid="outcome-item" data-outcome={outcome.outcome}>
                <Text size="xs" c="dimmed">
                  {formatDate(outcome.occurredOn, i18n.language)} · {t('exchangeConnections.outcomes.by', { side: t(`exchangeConnections.sideAuthors.${outcome.side}`), name: outcome.recordedByName ?? '' })}
                </Text>
                {outcome.note ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {outcome.note}
                  </Text>
                ) : null}
                {outcome.registrationReference ? <Text size="sm">{t('exchangeConnections.outcomes.registration', { reference: outcome.registrationReference })}</Text> : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {connection.actions.includes('record_outcome') ? <OutcomeForm connectionId={connection.id} onRecorded={onRecorded} /> : null}
      </Stack>
    </SectionCard>
  );
}

function OutcomeForm({ connectionId, onRecorded }: { connectionId: string; onRecorded: (outcome: ConnectionOutcomeView) => void }) {
  const { t } = useTranslation();
  const empty = { outcome: 'meeting_held', occurredOn: today(), note: '', registrationCaseId: '' };
  const form = useFormFields(empty);
  const submit = useFormSubmit(
    form,
    async (values) => {
      const outcome = await api.post<ConnectionOutcomeView>(`/exchange/connections/${connectionId}/outcomes`, {
        outcome: values.outcome,
        occurredOn: values.occurredOn,
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
        ...(values.outcome === 'contract_signed' && values.registrationCaseId.trim() ? { registrationCaseId: values.registrationCaseId.trim() } : {}),
      });
      form.setValues(empty);
      onRecorded(outcome);
      return outcome;
    },
    {
      validate: (values) => ({
        occurredOn: !/^\d{4}-\d{2}-\d{2}$/.test(values.occurredOn) ? t('validation.required') : values.occurredOn > today() ? t('validation.date_in_future') : undefined,
        note: values.note.length > 2000 ? t('validation.too_big_string', { maximum: 2000 }) : undefined,
        registrationCaseId: values.outcome === 'contract_signed' && values.registrationCaseId.trim() && !UUID.test(values.registrationCaseId.trim()) ? t('validation.invalid_format') : undefined,
      }),
    },
  );
  return (
    <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="outcome-form">
      <Stack gap="xs">
        <Text fw={600}>{t('exchangeConnections.outcomes.record')}</Text>
        <ErrorAlert error={submit.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('exchangeConnections.outcomes.outcome')}
            data={CONNECTION_OUTCOME_KINDS.map((value) => ({ value, label: t(`exchange.outcomes.${value}`) }))}
            {...form.input('outcome')}
            data-testid="outcome-kind"
          />
          <TextInput type="date" label={t('exchangeConnections.outcomes.occurredOn')} required max={today()} {...form.input('occurredOn')} data-testid="outcome-date" />
        </SimpleGrid>
        <Textarea label={t('exchangeConnections.outcomes.note')} autosize minRows={2} maxLength={2000} {...form.input('note')} data-testid="outcome-note" />
        {form.values.outcome === 'contract_signed' ? (
          <TextInput
            label={t('exchangeConnections.outcomes.registrationCaseId')}
            description={t('exchangeConnections.outcomes.registrationCaseIdHint')}
            maxLength={36}
            {...form.input('registrationCaseId')}
            data-testid="outcome-case"
          />
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isSubmitting} data-testid="outcome-submit">
            {t('exchangeConnections.outcomes.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
