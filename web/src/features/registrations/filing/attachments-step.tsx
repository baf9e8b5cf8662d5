import { Badge, Button, Card, FileInput, Group, List, Progress, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSSIER_DOCUMENT_KINDS } from '../../../../../common/src/api/registration-dossier.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { DocumentList } from '../../cases/index.js';
import { documentUrl, removeDocument, uploadDocument, type RegistrationDetail } from './filing-api.js';

/** Largest PDF the form lets through before sending (the server checks its own limit, UPLOAD_MAX_BYTES). */
const CLIENT_MAX_BYTES = 25 * 1024 * 1024;

/**
 * The dossier's documents (Law 07/2017 art. 31(3)): what is required for this dossier and whether it is attached,
 * an upload form (PDF only, with progress) and the attached documents (removable while editing).
 */
export function AttachmentsStep({ detail, onChanged, onBack, onNext }: { detail: RegistrationDetail; onChanged: (revision?: number) => void; onBack: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | null>(detail.missingDocumentKinds[0] ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const kindLabel = (value: string) => t(`registrationFiling.documentKinds.${value}`, { defaultValue: value });
  const attached = new Set(detail.documents.map((document) => document.kind));

  const upload = async () => {
    setError(null);
    setFileError(undefined);
    if (!kind) return;
    if (!file) return setFileError(t('validation.required'));
    if (file.size > CLIENT_MAX_BYTES) return setFileError(t('registrationFiling.attachments.tooLarge'));
    setProgress(0);
    try {
      const uploaded = await uploadDocument(detail.id, { kind, revision: detail.revision, file }, setProgress);
      setFile(null);
      const next = detail.missingDocumentKinds.find((missing) => missing !== kind);
      setKind(next ?? kind);
      onChanged(uploaded.revision);
    } catch (cause) {
      setError(cause);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="lg" data-testid="step-form-attachments">
      <div>
        <Text component="h2" fz="xl" fw={700} mb={4}>
          {t('registrationFiling.steps.attachments')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('registrationFiling.stepIntro.attachments')}
        </Text>
      </div>
      <Card withBorder padding="md">
        <Text fw={600} mb="xs">
          {t('registrationFiling.attachments.required')}
        </Text>
        <List spacing={6} size="sm" data-testid="required-documents">
          {detail.requiredDocumentKinds.map((required) => (
            <List.Item key={required}>
              <Group gap="xs" wrap="wrap">
                <span>{kindLabel(required)}</span>
                <Badge color={attached.has(required) ? 'teal.9' : 'red.9'} variant="outline" tt="none">
                  {t(attached.has(required) ? 'registrationFiling.attachments.attached' : 'registrationFiling.attachments.missing')}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      </Card>
      <Card withBorder padding="md" component="form" onSubmit={(event) => { event.preventDefault(); void upload(); }} aria-label={t('registrationFiling.attachments.uploadTitle')}>
        <Text fw={600} mb="xs">
          {t('registrationFiling.attachments.uploadTitle')}
        </Text>
        <Group align="flex-end" wrap="wrap" gap="md">
          <Select
            label={t('registrationFiling.attachments.kind')}
            data={DOSSIER_DOCUMENT_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            w={{ base: '100%', sm: 320 }}
            data-testid="attachment-kind"
          />
          <FileInput
            label={t('registrationFiling.attachments.file')}
            accept="application/pdf"
            value={file}
            onChange={setFile}
            error={fileError}
            clearable
            w={{ base: '100%', sm: 320 }}
            data-testid="attachment-file"
          />
          <Button type="submit" loading={progress !== null} disabled={!kind} data-testid="attachment-upload">
            {t('registrationFiling.attachments.upload')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('registrationFiling.attachments.pdfOnly')}
        </Text>
        {progress !== null ? (
          <Progress value={Math.round(progress * 100)} mt="sm" aria-label={t('registrationFiling.attachments.progress', { percent: Math.round(progress * 100) })} data-testid="attachment-progress" />
        ) : null}
        <ErrorAlert error={error} mt="sm" />
      </Card>
      <DocumentList
        documents={detail.documents}
        kindLabel={kindLabel}
        downloadUrl={(document) => documentUrl(detail.id, document.id)}
        onRemove={async (document) => {
          const answer = await removeDocument(detail.id, document.id, detail.revision);
          onChanged(answer.revision);
        }}
      />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('registrationFiling.form.back')}
        </Button>
        <Button onClick={onNext} data-testid="attachments-next">
          {t('registrationFiling.form.next')}
        </Button>
      </Group>
    </Stack>
  );
}
