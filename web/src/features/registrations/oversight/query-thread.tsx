import { Badge, Button, Card, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FormButtons } from '../../../components/form-buttons.js';
import { api } from '../../../lib/api.js';
import { formatDateTime } from '../../../lib/format.js';
import { tooShort, useFormFields, useFormSubmit, useSubmit } from '../../../lib/forms.js';
import { taxQueryPath, type TaxQueryThread } from './oversight-api.js';

interface QueryThreadProps {
  thread: TaxQueryThread;
  /** Called with the thread after a reply or closing (the caller reloads or replaces its copy). */
  onChanged: (thread: TaxQueryThread) => void;
}

/** A query thread between the Tax Department and DOST: messages in order, a reply box and "close" when allowed. */
export function QueryThread({ thread, onChanged }: QueryThreadProps) {
  const { t, i18n } = useTranslation();
  const o = (key: string, params?: Record<string, unknown>) => t(`registrationOversight.queries.${key}`, params);
  const [confirming, setConfirming] = useState(false);
  const form = useFormFields({ body: '' });
  const reply = useFormSubmit(
    form,
    async (values) => {
      const updated = await api.post<TaxQueryThread>(`${taxQueryPath(thread.id)}/messages`, { body: values.body.trim() });
      form.setValues({ body: '' });
      onChanged(updated);
      return updated;
    },
    { validate: (values) => ({ body: values.body.trim() ? undefined : t('validation.required') }) },
  );
  const close = useSubmit(async () => {
    const updated = await api.post<TaxQueryThread>(`${taxQueryPath(thread.id)}/close`);
    setConfirming(false);
    onChanged(updated);
    return updated;
  });
  const headingId = `thread-${thread.id}`;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-testid="tax-query-thread">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} size="h5" id={headingId}>
            {thread.subject}
          </Title>
          <Text size="xs" c="dimmed">
            {thread.referenceNo} · {thread.organisationName}
          </Text>
        </Stack>
        <Badge color={thread.status === 'open' ? 'blue.9' : 'gray.8'} data-testid="tax-query-status">
          {thread.status === 'open' ? o('statusOpen') : o('statusClosed')}
        </Badge>
      </Group>
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {thread.messages.map((message) => (
          <Paper component="li" key={message.id} withBorder p="sm" bg={message.side === 'tax' ? 'gray.0' : 'blue.0'} data-testid="tax-query-message">
            <Group gap="xs" mb={4} wrap="wrap">
              <Badge size="xs" variant="outline" color={message.side === 'tax' ? 'gray.8' : 'blue.9'}>
                {message.side === 'tax' ? o('sideTax') : o('sideDost')}
              </Badge>
              <Text size="xs" fw={600}>
                {message.authorName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(message.createdAt, i18n.language)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      {thread.canReply ? (
        <form onSubmit={(event) => void reply.onSubmit(event)} noValidate data-testid="tax-query-reply-form">
          <Stack gap="xs" mt="md">
            <ErrorAlert error={reply.error} />
            <Textarea label={o('reply')} description={o('noPriceHint')} autosize minRows={2} maxLength={4000} {...form.input('body')} data-testid="tax-query-reply" />
            <Group justify="flex-end" gap="sm">
              {thread.canClose ? (
                <Button variant="default" onClick={() => setConfirming(true)} data-testid="tax-query-close">
                  {o('close')}
                </Button>
              ) : null}
              <Button type="submit" loading={reply.isSubmitting} data-testid="tax-query-send">
                {o('send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={o('close')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void close.onSubmit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{o('closeConfirm')}</Text>
            <ErrorAlert error={close.error} />
            <FormButtons onCancel={() => setConfirming(false)} label={o('close')} submitting={close.isSubmitting} testId="tax-query-close-confirm" />
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

/** A tax officer opens a new thread about a registered contract. */
export function OpenQueryForm({ caseId, onOpened }: { caseId: string; onOpened: (thread: TaxQueryThread) => void }) {
  const { t } = useTranslation();
  const o = (key: string) => t(`registrationOversight.queries.${key}`);
  const form = useFormFields({ subject: '', body: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      const thread = await api.post<TaxQueryThread>(`/tax/registrations/${encodeURIComponent(caseId)}/queries`, { subject: values.subject.trim(), body: values.body.trim() });
      form.setValues({ subject: '', body: '' });
      onOpened(thread);
      return thread;
    },
    { validate: (values) => ({ subject: tooShort(t, values.subject, 3), body: values.body.trim() ? undefined : t('validation.required') }) },
  );
  return (
    <Card withBorder padding="md" component="section" aria-label={o('open')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="tax-query-open-form">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {o('open')}
          </Title>
          <ErrorAlert error={submit.error} />
          <TextInput label={o('subject')} required maxLength={200} {...form.input('subject')} data-testid="tax-query-subject" />
          <Textarea label={o('body')} description={o('noPriceHint')} required autosize minRows={3} maxLength={4000} {...form.input('body')} data-testid="tax-query-body" />
          <Group justify="flex-end">
            <Button type="submit" loading={submit.isSubmitting} data-testid="tax-query-submit">
              {o('send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
