import { Alert, Button, Checkbox, FileInput, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_ROWS, LIST_TYPES } from '../../../../common/src/api/technology-lists.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useFormFields, useSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { exportUrl, importProblems, postImport, type ImportProblem, type ImportResult, type ListType } from './technology-lists-api.js';
import { ListTypeBadge } from './technology-lists-parts.js';

const EMPTY = { code: '', sourceInstrument: '', sourceInstrumentEn: '', validFrom: '', validTo: '', noteVi: '', noteEn: '', sourceUrl: '' };

/** Administrators: upload a list file, check it (preview, nothing stored), then import it; every problem is listed. */
export function TechnologyListImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('techLists.import.title'));
  return (
    <RequireAuth permission="reference.manage">
      <ImportContent />
    </RequireAuth>
  );
}

function ImportContent() {
  const { t, i18n } = useTranslation();
  const form = useFormFields(EMPTY);
  const [listTypes, setListTypes] = useState<string[]>([...LIST_TYPES]);
  const [isComplete, setIsComplete] = useState(false);
  const [verified, setVerified] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const send = (dryRun: boolean) => async () => {
    if (!file) {
      setFileError(t('techLists.import.chooseFile'));
      return undefined;
    }
    const data = new FormData();
    for (const [name, value] of Object.entries(form.values)) data.append(name, value.trim());
    data.append('listTypes', listTypes.join(','));
    data.append('isComplete', String(isComplete));
    data.append('verified', String(verified));
    data.append('dryRun', String(dryRun));
    data.append('file', file, file.name);
    const result = await postImport(data, i18n.language);
    if (dryRun) setPreview(result);
    else {
      setPreview(null);
      setDone(result);
    }
    return result;
  };
  const check = useSubmit(send(true));
  const save = useSubmit(send(false));
  const error = save.error ?? check.error;
  const problems = importProblems(error);
  /** Any edit invalidates the preview: the import must be checked again. */
  const edited = () => {
    setPreview(null);
    check.reset();
    save.reset();
  };

  if (done) {
    return (
      <>
        <PageHeader title={t('techLists.import.title')} />
        <ResultPanel result={done} onAnother={() => { setDone(null); setFile(null); form.setValues(EMPTY); }} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('techLists.import.title')} description={t('techLists.import.intro')} />
      <Stack gap="lg">
        <SectionCard headingId="import-template" title={t('techLists.import.templateTitle')} description={t('techLists.import.templateHelp')}>
          <Group gap="sm">
            <Button component="a" variant="light" href={exportUrl('/technology-lists/template', {}, 'csv')} download>
              {t('techLists.import.templateCsv')}
            </Button>
            <Button component="a" variant="light" href={exportUrl('/technology-lists/template', {}, 'xlsx')} download>
              {t('techLists.import.templateXlsx')}
            </Button>
          </Group>
        </SectionCard>

        <form onSubmit={(event) => void check.onSubmit(event)} onChange={edited} noValidate data-testid="lists-import-form">
          <Stack gap="lg">
            <SectionCard headingId="import-version" title={t('techLists.import.versionTitle')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput label={t('techLists.import.code')} required {...form.input('code')} data-testid="import-code" />
                <TextInput label={t('techLists.import.sourceUrl')} {...form.input('sourceUrl')} />
                <TextInput label={t('techLists.import.sourceInstrument')} required {...form.input('sourceInstrument')} />
                <TextInput label={t('techLists.import.sourceInstrumentEn')} required {...form.input('sourceInstrumentEn')} />
                <TextInput type="date" label={t('techLists.import.validFrom')} required {...form.input('validFrom')} data-testid="import-valid-from" />
                <TextInput type="date" label={t('techLists.import.validTo')} {...form.input('validTo')} />
              </SimpleGrid>
              <Checkbox.Group label={t('techLists.import.listTypes')} value={listTypes} onChange={(value) => { setListTypes(value); edited(); }} mt="md" required>
                <Group gap="md" mt={6}>
                  {LIST_TYPES.map((type) => (
                    <Checkbox key={type} value={type} label={t(`techLists.listTypes.${type}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Group gap="lg" mt="md">
                <Checkbox label={t('techLists.import.isComplete')} checked={isComplete} onChange={(event) => setIsComplete(event.currentTarget.checked)} />
                <Checkbox label={t('techLists.import.verified')} checked={verified} onChange={(event) => setVerified(event.currentTarget.checked)} />
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
                <Textarea label={t('techLists.import.noteVi')} autosize minRows={2} {...form.input('noteVi')} />
                <Textarea label={t('techLists.import.noteEn')} autosize minRows={2} {...form.input('noteEn')} />
              </SimpleGrid>
            </SectionCard>

            <SectionCard headingId="import-file" title={t('techLists.import.fileTitle')}>
              <FileInput
                label={t('techLists.import.file', { max: formatNumber(IMPORT_MAX_ROWS, i18n.language) })}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(value) => {
                  setFile(value);
                  setFileError(undefined);
                  edited();
                }}
                error={fileError}
                required
                clearable
                clearButtonProps={{ 'aria-label': t('techLists.import.clearFile') }}
                data-testid="import-file"
              />
            </SectionCard>

            {problems ? <ProblemsPanel problems={problems.problems} count={problems.count} truncated={problems.truncated} /> : <ErrorAlert error={error} />}

            {preview ? (
              <Alert color="teal" variant="light" title={t('techLists.import.previewTitle')} role="status" data-testid="import-preview">
                <Stack gap="xs">
                  <Text size="sm">{t('techLists.import.previewText', { rows: formatNumber(preview.rowCount, i18n.language), code: preview.code })}</Text>
                  <Counts counts={preview.counts} />
                  {preview.closes.map((close) => (
                    <Text size="sm" fw={600} key={close.id}>
                      {t('techLists.import.closesWarning', { code: close.code, validTo: formatDate(close.validTo, i18n.language) })}
                    </Text>
                  ))}
                  <Group>
                    <Button onClick={() => void save.onSubmit()} loading={save.isSubmitting} data-testid="import-submit">
                      {t('techLists.import.submit')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : (
              <Group>
                <Button type="submit" loading={check.isSubmitting} data-testid="import-check">
                  {t('techLists.import.check')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Stack>
    </>
  );
}

function Counts({ counts }: { counts: Record<ListType, number> }) {
  const { i18n } = useTranslation();
  return (
    <Group gap="md">
      {LIST_TYPES.map((type) => (
        <Group gap={6} key={type}>
          <ListTypeBadge listType={type} />
          <Text size="sm" fw={600}>
            {formatNumber(counts[type], i18n.language)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

function ProblemsPanel({ problems, count, truncated }: { problems: ImportProblem[]; count: number; truncated: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={t('techLists.import.errorsTitle', { count })} data-testid="import-problems">
      {truncated ? (
        <Text size="sm" mb="xs">
          {t('techLists.import.errorsTruncated')}
        </Text>
      ) : null}
      <DataTable
        items={problems.map((problem, index) => ({ ...problem, key: index }))}
        label={t('techLists.import.errorsTitle', { count })}
        minWidth={640}
        testId="import-problems-table"
        columns={[t('techLists.import.errorScope'), t('techLists.import.errorRow'), t('techLists.import.errorColumn'), t('techLists.import.errorMessage')]}
        renderRow={(problem) => (
          <Table.Tr key={problem.key} data-testid="import-problem">
            <Table.Td>{t(`techLists.import.scopes.${problem.scope}`)}</Table.Td>
            <Table.Td>{problem.row ?? ''}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {problem.column ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>{problem.message}</Table.Td>
          </Table.Tr>
        )}
      />
    </Alert>
  );
}

function ResultPanel({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="teal" variant="light" role="status" data-testid="import-result">
      <Title order={2} fz="lg" mb="xs">
        {t('techLists.import.resultTitle', { code: result.code })}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t('techLists.import.resultText', { rows: formatNumber(result.rowCount, i18n.language), file: result.fileName, format: result.format.toUpperCase() })}</Text>
        <Counts counts={result.counts} />
        {result.closes.map((close) => (
          <Text size="sm" key={close.id}>
            {t('techLists.import.resultClosed', { code: close.code, validTo: formatDate(close.validTo, i18n.language) })}
          </Text>
        ))}
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {t('techLists.admin.sha256')}: {result.sha256}
        </Text>
        <Group gap="sm">
          {result.versionId ? (
            <ButtonLink to="/technology-lists" search={{ versionId: result.versionId }}>
              {t('techLists.import.viewVersion')}
            </ButtonLink>
          ) : null}
          <Button variant="default" onClick={onAnother}>
            {t('techLists.import.another')}
          </Button>
          <AnchorLink to="/admin/technology-lists">{t('techLists.admin.title')}</AnchorLink>
        </Group>
      </Stack>
    </Alert>
  );
}
