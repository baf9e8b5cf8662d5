import { Anchor, Button, Card, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDetail, ConnectionMessageView } from '../../../../../common/src/api/exchange-connections.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { SectionCard } from '../../../components/section-card.js';
import { useSubmit } from '../../../lib/forms.js';
import { formatDateTime } from '../../../lib/format.js';
import { attachmentUrl, fileSize, postMessage } from './connections-api.js';

const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;

interface ConnectionThreadProps {
  connection: ConnectionDetail;
  onPosted: (message: ConnectionMessageView) => void;
}

/** The private thread: messages shown as plain text (never as markup), attachments as downloads, and the reply form. */
export function ConnectionThread({ connection, onPosted }: ConnectionThreadProps) {
  const { t, i18n } = useTranslation();
  const canWrite = connection.actions.includes('message');
  return (
    <SectionCard headingId="connection-thread" title={t('exchangeConnections.thread.title')}>
      <Stack gap="sm" data-testid="connection-messages">
        {connection.messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {connection.status === 'pending' ? t('exchangeConnections.thread.closed') : t('exchangeConnections.thread.empty')}
          </Text>
        ) : null}
        {connection.messages.map((message) => (
          <Card
            key={message.id}
            withBorder
            padding="sm"
            bg={message.side === connection.side ? 'var(--mantine-color-blue-light)' : undefined}
            data-testid="connection-message"
            data-side={message.side}
          >
            <Group justify="space-between" gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                {t('exchangeConnections.thread.you', { name: message.authorName ?? '', side: t(`exchangeConnections.sideAuthors.${message.side}`) })}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(message.createdAt, i18n.language)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="message-body">
              {message.body}
            </Text>
            {message.attachments.length > 0 ? (
              <Stack gap={2} mt="xs">
                {message.attachments.map((file) => (
                  <Anchor key={file.id} href={attachmentUrl(connection.id, file.id)} download size="sm" data-testid="message-attachment">
                    {t('exchangeConnections.thread.attachment', { name: file.name, size: fileSize(file.sizeBytes, i18n.language) })}
                  </Anchor>
                ))}
              </Stack>
            ) : null}
          </Card>
        ))}
        {canWrite ? <MessageForm connectionId={connection.id} onPosted={onPosted} /> : null}
      </Stack>
    </SectionCard>
  );
}

function MessageForm({ connectionId, onPosted }: { connectionId: string; onPosted: (message: ConnectionMessageView) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const submit = useSubmit(async () => {
    const message = await postMessage(connectionId, body.trim(), files);
    setBody('');
    setFiles([]);
    onPosted(message);
    return message;
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const tooBig = files.some((file) => file.size > MAX_BYTES);
    const bodyError = body.trim() ? (body.length > 8000 ? t('validation.too_big_string', { maximum: 8000 }) : undefined) : t('validation.required');
    const filesError = files.length > MAX_FILES ? t('validation.too_big_array', { maximum: MAX_FILES }) : tooBig ? t('errors.PAYLOAD_TOO_LARGE') : undefined;
    setFieldError(bodyError);
    setFileError(filesError);
    if (bodyError || filesError) return;
    void submit.onSubmit();
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="message-form">
      <Stack gap="xs">
        <ErrorAlert error={submit.error} />
        {submit.result ? (
          <Text size="sm" c="teal.9" role="status">
            {t('exchangeConnections.thread.sent')}
          </Text>
        ) : null}
        <Textarea
          label={t('exchangeConnections.thread.body')}
          required
          autosize
          minRows={3}
          maxLength={8000}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setFieldError(undefined);
          }}
          error={fieldError}
          data-testid="message-body-input"
        />
        <FileInput
          label={t('exchangeConnections.thread.files')}
          multiple
          clearable
          accept="application/pdf,image/png,image/jpeg"
          value={files}
          onChange={(value) => {
            setFiles(value);
            setFileError(undefined);
          }}
          error={fileError}
          data-testid="message-files"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isSubmitting} data-testid="message-send">
            {t('exchangeConnections.thread.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
