import { Alert, Badge, Button, Group, Menu, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ListImports } from '../../../../common/src/api/technology-lists.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { closeVersion, exportUrl, localized, vietnamToday, type ListVersion, type ListVersions } from './technology-lists-api.js';
import { ListTypeBadge, VerifiedBadge } from './technology-lists-parts.js';

type ImportList = z.infer<typeof ListImports>;
type ImportEntry = ImportList['items'][number];

/** Administrators: list versions (validity, completeness), close one, export, see the latest imports. */
export function AdminTechnologyListsPage() {
  const { t } = useTranslation();
  usePageTitle(t('techLists.admin.title'));
  return (
    <RequireAuth permission="reference.manage">
      <AdminContent />
    </RequireAuth>
  );
}

function AdminContent() {
  const { t, i18n } = useTranslation();
  const versions = useApiQuery<ListVersions>('/technology-lists');
  const imports = useApiQuery<ImportList>('/technology-lists/imports');
  const [closing, setClosing] = useState<ListVersion | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={t('techLists.admin.title')}
        description={t('techLists.admin.intro')}
        actions={
          <ButtonLink to="/admin/technology-lists/import" data-testid="lists-import-link">
            {t('techLists.admin.importButton')}
          </ButtonLink>
        }
      />
      {notice ? (
        <Alert color="teal" variant="light" mb="md" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
          {notice}
        </Alert>
      ) : null}
      <ErrorAlert error={versions.error} mb="md" />
      {!versions.data && versions.isLoading ? <PageLoader /> : null}
      <Stack gap="lg">
        {versions.data ? (
          <DataTable
            items={versions.data.versions}
            label={t('techLists.admin.title')}
            minWidth={1060}
            testId="lists-versions-table"
            striped
            columns={[
              t('techLists.columns.version'),
              t('techLists.columns.sourceInstrument'),
              t('techLists.columns.listTypes'),
              t('techLists.columns.validFrom'),
              t('techLists.columns.validTo'),
              t('techLists.columns.completeness'),
              t('techLists.columns.items'),
              t('techLists.columns.actions'),
            ]}
            renderRow={(version) => (
              <Table.Tr key={version.id} data-testid="lists-version-row">
                <Table.Td>
                  <Text fw={600} size="sm">
                    {version.code}
                  </Text>
                  <Badge size="xs" color={version.inForce ? 'teal' : 'gray'} variant="light" c="dark.8">
                    {version.inForce ? t('techLists.inForce') : t('techLists.notInForce')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{localized(i18n.language, version.sourceInstrument, version.sourceInstrumentEn)}</Text>
                  <VerifiedBadge verified={version.verified} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {version.listTypes.map((listType) => (
                      <ListTypeBadge key={listType} listType={listType} />
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(version.validFrom, i18n.language)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{version.validTo ? formatDate(version.validTo, i18n.language) : t('techLists.openEnded')}</Table.Td>
                <Table.Td>
                  <Badge color={version.isComplete ? 'teal' : 'red'} variant="light" c={version.isComplete ? 'dark.8' : 'red.9'}>
                    {version.isComplete ? t('techLists.complete') : t('techLists.incomplete')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatNumber(version.itemCount, i18n.language)}</Text>
                  <Text size="xs" c="dimmed">
                    {(['encouraged', 'restricted', 'prohibited'] as const).map((type) => formatNumber(version.counts[type], i18n.language)).join(' / ')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Stack gap={6} align="flex-start">
                    <AnchorLink to="/technology-lists" search={{ versionId: version.id }} size="sm">
                      {t('techLists.admin.viewItems')}
                    </AnchorLink>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button size="xs" variant="default" aria-label={`${t('techLists.columns.actions')} ${version.code}`} data-testid={`lists-actions-${version.code}`}>
                          {t('techLists.columns.actions')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item component="a" href={exportUrl(`/technology-lists/versions/${version.id}/export`, {}, 'csv')} download>
                          {t('techLists.exportCsv')}
                        </Menu.Item>
                        <Menu.Item component="a" href={exportUrl(`/technology-lists/versions/${version.id}/export`, {}, 'xlsx')} download>
                          {t('techLists.exportXlsx')}
                        </Menu.Item>
                        {version.validTo === null ? (
                          <Menu.Item c="red.9" onClick={() => setClosing(version)} data-testid="lists-close">
                            {t('techLists.admin.close')}
                          </Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            )}
          />
        ) : null}

        <SectionCard headingId="lists-imports" title={t('techLists.admin.importsTitle')}>
          <ErrorAlert error={imports.error} mb="md" />
          {imports.data ? (
            imports.data.items.length === 0 ? (
              <Text size="sm">{t('techLists.admin.importsEmpty')}</Text>
            ) : (
              <DataTable
                items={imports.data.items}
                label={t('techLists.admin.importsTitle')}
                minWidth={860}
                testId="lists-imports-table"
                columns={[
                  t('techLists.admin.importedAt'),
                  t('techLists.columns.version'),
                  t('techLists.admin.file'),
                  t('techLists.admin.rows'),
                  t('techLists.admin.importedBy'),
                  t('techLists.admin.sha256'),
                ]}
                renderRow={(entry: ImportEntry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>{entry.versionCode}</Table.Td>
                    <Table.Td>
                      {entry.fileName} <Badge size="xs">{entry.format}</Badge>
                    </Table.Td>
                    <Table.Td>{formatNumber(entry.rowCount, i18n.language)}</Table.Td>
                    <Table.Td>{entry.createdByName ?? ''}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {entry.sha256}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              />
            )
          ) : null}
        </SectionCard>
      </Stack>
      <CloseVersionModal
        version={closing}
        onClose={() => setClosing(null)}
        onClosed={(version) => {
          setClosing(null);
          setNotice(t('techLists.admin.closed'));
          versions.setData((previous) => previous && { ...previous, versions: previous.versions.map((v) => (v.id === version.id ? version : v)) });
        }}
      />
    </>
  );
}

function CloseVersionModal({ version, onClose, onClosed }: { version: ListVersion | null; onClose: () => void; onClosed: (version: ListVersion) => void }) {
  const { t } = useTranslation();
  const form = useFormFields({ validTo: vietnamToday() });
  const submit = useFormSubmit(form, async (values) => onClosed(await closeVersion(version!.id, values.validTo)), {
    validate: (values) => ({
      validTo: !/^\d{4}-\d{2}-\d{2}$/.test(values.validTo)
        ? t('validation.required')
        : version && values.validTo < version.validFrom
          ? t('techLists.importErrors.valid_to_before_valid_from')
          : undefined,
    }),
  });
  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      title={version ? t('techLists.admin.closeTitle', { code: version.code }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="lists-close-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <Text size="sm">{t('techLists.admin.closeHelp')}</Text>
          <TextInput type="date" label={t('techLists.admin.closeValidTo')} required {...form.input('validTo')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('techLists.admin.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={submit.isSubmitting}>
              {t('techLists.admin.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
