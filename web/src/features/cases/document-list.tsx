import { Anchor, Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocumentView } from '../../../../common/src/api/cases.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';

export interface DocumentListProps {
  documents: readonly CaseDocumentView[];
  /** The module's name for a document kind (e.g. t(`registrationFiling.documentKinds.${kind}`)). */
  kindLabel: (kind: string) => string;
  /** Download address of a document (the module's route), or null when this reader may not download it. */
  downloadUrl: (document: CaseDocumentView) => string | null;
  /** Removes a document (the page calls its endpoint and reloads); shown only when given and the document is current. */
  onRemove?: (document: CaseDocumentView) => Promise<void>;
  testId?: string;
}

function useFileSize() {
  const { t, i18n } = useTranslation();
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('cases.documents.sizeMb', { value: formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, i18n.language) })
      : t('cases.documents.sizeKb', { value: formatNumber(Math.max(1, Math.round(bytes / 1024)), i18n.language) });
}

/**
 * The documents of a case: kind, file name (download link), size, upload time and the start of the SHA-256 (the
 * full hash in the tooltip and accessible name, to compare with a copy). One block per document on phones.
 */
export function DocumentList({ documents, kindLabel, downloadUrl, onRemove, testId = 'document-list' }: DocumentListProps) {
  const { t, i18n } = useTranslation();
  const fileSize = useFileSize();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (documents.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('cases.documents.empty')}
      </Text>
    );
  }

  const remove = async (document: CaseDocumentView) => {
    if (!onRemove) return;
    setBusyId(document.id);
    setError(null);
    try {
      await onRemove(document);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusyId(null);
    }
  };

  const name = (document: CaseDocumentView) => {
    const url = downloadUrl(document);
    return url && document.removedAt === null ? (
      <Anchor href={url} download aria-label={t('cases.documents.downloadNamed', { name: document.fileName })} style={{ overflowWrap: 'anywhere' }}>
        {document.fileName}
      </Anchor>
    ) : (
      <Text span size="sm" style={{ overflowWrap: 'anywhere' }} td={document.removedAt ? 'line-through' : undefined}>
        {document.fileName}
      </Text>
    );
  };
  const hash = (document: CaseDocumentView) => (
    <Tooltip label={document.sha256} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Code tabIndex={0} aria-label={t('cases.documents.sha256Label', { sha256: document.sha256 })}>
        {document.sha256.slice(0, 12)}…
      </Code>
    </Tooltip>
  );
  const actions = (document: CaseDocumentView) =>
    document.removedAt ? (
      <Badge color="gray" variant="light">
        {t('cases.documents.removed')}
      </Badge>
    ) : onRemove ? (
      <Button
        size="xs"
        variant="default"
        color="red"
        loading={busyId === document.id}
        onClick={() => void remove(document)}
        aria-label={t('cases.documents.removeNamed', { name: document.fileName })}
        data-testid="document-remove"
      >
        {t('cases.documents.remove')}
      </Button>
    ) : null;

  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      <DataTable
        items={documents}
        label={t('cases.documents.tableLabel')}
        minWidth={720}
        testId={testId}
        columns={[t('cases.documents.kind'), t('cases.documents.name'), t('cases.documents.size'), t('cases.documents.uploadedAt'), t('cases.documents.sha256'), onRemove ? t('cases.documents.actions') : null]}
        renderRow={(document) => (
          <Table.Tr key={document.id} data-testid="case-document">
            <Table.Td>{kindLabel(document.kind)}</Table.Td>
            <Table.Td>{name(document)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fileSize(document.sizeBytes)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(document.uploadedAt, i18n.language)}</Table.Td>
            <Table.Td>{hash(document)}</Table.Td>
            {onRemove ? <Table.Td>{actions(document)}</Table.Td> : null}
          </Table.Tr>
        )}
        cards={{
          key: (document) => document.id,
          testId: `${testId}-cards`,
          render: (document) => (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {kindLabel(document.kind)}
              </Text>
              {name(document)}
              <Group gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {fileSize(document.sizeBytes)} · {formatDateTime(document.uploadedAt, i18n.language)}
                </Text>
                {hash(document)}
              </Group>
              {actions(document)}
            </Stack>
          ),
        }}
      />
    </Stack>
  );
}
