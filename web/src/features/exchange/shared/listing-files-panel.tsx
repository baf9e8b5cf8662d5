import { ActionIcon, Anchor, Badge, Button, Card, FileInput, Group, Image, Progress, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTING_FILE_LIMITS } from '../../../../../common/src/api/exchange-access.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { formatNumber } from '../../../lib/format.js';
import { fetchListingFiles, uploadListingFile, type ListingFileView } from './listing-files-api.js';

/**
 * Props of {@link ListingFilesPanel}.
 * - `listingId`: the listing the files belong to (it must exist: create the draft first).
 * - `fileIds`: the ids listed in the revision being edited (`content.fileIds`), in display order.
 * - `onChange(fileIds)`: called with the new list after an upload (id appended) or a removal; the form saves it with
 *   the revision (a file not listed in the published revision is never shown to readers).
 * - `editable`: false shows the list read-only (e.g. a revision in review).
 * - `files` (optional): the files already known (e.g. ListingView.detail.files); otherwise the panel fetches
 *   `GET /api/v1/exchange/listings/:id/files` (owner and DOST only).
 */
export interface ListingFilesPanelProps {
  listingId: string;
  fileIds: string[];
  onChange: (fileIds: string[]) => void;
  editable: boolean;
  files?: ListingFileView[];
}

const ACCEPT = [...LISTING_FILE_LIMITS.image.types, ...LISTING_FILE_LIMITS.document.types].join(',');

function sizeLabel(bytes: number, language: string): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, language)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`;
}

/** Images and documents of a listing: upload (with progress), list, remove from the revision. */
export function ListingFilesPanel({ listingId, fileIds, onChange, editable, files: given }: ListingFilesPanelProps) {
  const { t, i18n } = useTranslation();
  const [known, setKnown] = useState<ListingFileView[]>(given ?? []);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | undefined>();

  useEffect(() => {
    if (given) return setKnown(given);
    let live = true;
    fetchListingFiles(listingId)
      .then((answer) => live && setKnown(answer))
      .catch((cause: unknown) => live && setLoadError(cause));
    return () => {
      live = false;
    };
  }, [listingId, given]);

  const byId = new Map(known.map((item) => [item.id, item]));
  const shown = fileIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));

  const upload = async () => {
    setError(null);
    setFileError(undefined);
    if (!file) return setFileError(t('validation.required'));
    const limit = file.type === 'application/pdf' ? LISTING_FILE_LIMITS.document.maxBytes : LISTING_FILE_LIMITS.image.maxBytes;
    if (file.size > limit) return setFileError(t('exchangeDetail.files.tooLarge', { size: sizeLabel(limit, i18n.language) }));
    setProgress(0);
    try {
      const uploaded = await uploadListingFile(listingId, { file, caption: caption.trim() || undefined }, setProgress);
      setKnown((previous) => [...previous, uploaded]);
      setFile(null);
      setCaption('');
      onChange([...fileIds, uploaded.id]);
    } catch (cause) {
      setError(cause);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="sm" data-testid="listing-files-panel">
      <ErrorAlert error={loadError} />
      {shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('exchangeDetail.files.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {shown.map((item) => (
            <Card key={item.id} withBorder padding="sm" data-testid="listing-file">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  {item.role === 'image' ? <Image src={item.url} alt={item.caption ?? item.name} w={64} h={64} fit="cover" radius="sm" /> : null}
                  <Stack gap={2}>
                    <Anchor href={item.url} size="sm" style={{ wordBreak: 'break-all' }}>
                      {item.name}
                    </Anchor>
                    <Group gap={6}>
                      <Badge variant="light" size="xs">
                        {t(`exchangeDetail.files.roles.${item.role}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {sizeLabel(item.size, i18n.language)}
                      </Text>
                    </Group>
                    {item.caption ? <Text size="xs">{item.caption}</Text> : null}
                  </Stack>
                </Group>
                {editable ? (
                  <ActionIcon variant="subtle" color="red" aria-label={t('exchangeDetail.files.remove', { name: item.name })} onClick={() => onChange(fileIds.filter((id) => id !== item.id))} data-testid="listing-file-remove">
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {editable ? (
        <Card withBorder padding="md" component="form" onSubmit={(event) => { event.preventDefault(); void upload(); }} aria-label={t('exchangeDetail.files.uploadTitle')}>
          <Group align="flex-end" wrap="wrap" gap="md">
            <FileInput label={t('exchangeDetail.files.file')} accept={ACCEPT} value={file} onChange={setFile} error={fileError} clearable w={{ base: '100%', sm: 280 }} data-testid="listing-file-input" />
            <TextInput label={t('exchangeDetail.files.caption')} value={caption} onChange={(event) => setCaption(event.currentTarget.value)} maxLength={300} w={{ base: '100%', sm: 280 }} />
            <Button type="submit" loading={progress !== null} data-testid="listing-file-upload">
              {t('exchangeDetail.files.upload')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {t('exchangeDetail.files.limits')}
          </Text>
          {progress !== null ? <Progress value={Math.round(progress * 100)} mt="sm" aria-label={t('exchangeDetail.files.progress', { percent: Math.round(progress * 100) })} /> : null}
          <ErrorAlert error={error} mt="sm" />
        </Card>
      ) : null}
    </Stack>
  );
}
