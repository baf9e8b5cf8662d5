import { Badge, Button, Container, Group, Modal, NativeSelect, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SAVED_SEARCH_FREQUENCIES, type SavedSearch } from '../../../../../common/src/api/exchange-saved.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FormButtons } from '../../../components/form-buttons.js';
import { AnchorLink, ButtonLink } from '../../../components/links.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SortableTh } from '../../../components/sortable-th.js';
import { api, type Page } from '../../../lib/api.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { useFormFields, useFormSubmit, useSubmit } from '../../../lib/forms.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { useRowAction } from '../../../lib/use-row-action.js';
import type { ExchangeSearchParams } from '../search/search.routes.js';
import { criteriaOf, savedQueryOf } from './saved-search-labels.js';

const routeApi = getRouteApi('/exchange/saved-searches');
const PAGE_SIZE = 20;

/** "Tìm kiếm đã lưu": the signed-in user's saved searches with their digests (issue 4 §4). */
export function SavedSearchesPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeSaved.list.title'));
  return (
    <RequireAuth permission="exchange.searches.save">
      <SavedSearchesContent />
    </RequireAuth>
  );
}

function SavedSearchesContent() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), { filterKeys: [], defaults: { sort: 'createdAt', order: 'desc' }, pageSize: PAGE_SIZE });
  const searches = useApiQuery<Page<SavedSearch>>(`/exchange/saved-searches${list.pageQuery}`);
  const [error, setError] = useState<unknown>(null);
  const action = useRowAction(setError);
  const [editing, setEditing] = useState<SavedSearch | null>(null);
  const [deleting, setDeleting] = useState<SavedSearch | null>(null);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const replace = (saved: SavedSearch) =>
    searches.setData((previous) => (previous ? { ...previous, items: previous.items.map((s) => (s.id === saved.id ? saved : s)) } : previous));

  return (
    <Container size="xl" py="xl">
      <PageHeader
        title={t('exchangeSaved.list.title')}
        description={t('exchangeSaved.list.intro')}
        actions={
          <ButtonLink to="/exchange" variant="light">
            {t('exchangeSaved.list.toSearch')}
          </ButtonLink>
        }
      />
      <ListTable
        query={searches}
        error={error}
        label={t('exchangeSaved.list.title')}
        minWidth={900}
        testId="saved-searches-table"
        pagination={list.pagination}
        columns={[
          <SortableTh key="name" label={t('exchangeSaved.list.name')} field="name" {...sortable} />,
          t('exchangeSaved.list.criteria'),
          t('exchangeSaved.list.frequency'),
          t('exchangeSaved.list.status'),
          <SortableTh key="lastDigestAt" label={t('exchangeSaved.list.lastDigest')} field="lastDigestAt" {...sortable} />,
          <SortableTh key="createdAt" label={t('exchangeSaved.list.createdAt')} field="createdAt" {...sortable} />,
          t('exchangeSaved.list.actions'),
        ]}
        renderRow={(saved) => (
          <Table.Tr key={saved.id} data-testid="saved-search-row">
            <Table.Td>
              <AnchorLink to="/exchange" search={savedQueryOf(saved.query) as ExchangeSearchParams}>
                {saved.name}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              {criteriaOf(t, saved.query).map((line) => (
                <Text size="sm" key={line}>
                  {line}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{t(`exchangeSaved.frequencies.${saved.frequency}`)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={saved.isActive ? 'teal' : 'gray'}>
                {t(saved.isActive ? 'exchangeSaved.list.active' : 'exchangeSaved.list.paused')}
              </Badge>
            </Table.Td>
            <Table.Td>{saved.lastDigestAt ? formatDateTime(saved.lastDigestAt, i18n.language) : t('exchangeSaved.list.never')}</Table.Td>
            <Table.Td>{formatDate(saved.createdAt, i18n.language)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button size="compact-sm" variant="subtle" onClick={() => setEditing(saved)} aria-label={t('exchangeSaved.list.editNamed', { name: saved.name })}>
                  {t('exchangeSaved.list.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  loading={action.busy === saved.id}
                  onClick={() => void action.run(saved.id, async () => replace(await api.patch<SavedSearch>(`/exchange/saved-searches/${saved.id}`, { isActive: !saved.isActive })))}
                  data-testid="saved-search-toggle"
                >
                  {t(saved.isActive ? 'exchangeSaved.list.pause' : 'exchangeSaved.list.resume')}
                </Button>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(saved)} aria-label={t('exchangeSaved.list.deleteNamed', { name: saved.name })}>
                  {t('exchangeSaved.list.delete')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing ? (
        <EditSavedSearchModal
          saved={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            replace(saved);
            setEditing(null);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteSavedSearchModal
          saved={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            searches.reload();
          }}
        />
      ) : null}
    </Container>
  );
}

function EditSavedSearchModal({ saved, onClose, onSaved }: { saved: SavedSearch; onClose: () => void; onSaved: (saved: SavedSearch) => void }) {
  const { t } = useTranslation();
  const form = useFormFields({ name: saved.name, frequency: saved.frequency as string, isActive: saved.isActive ? 'true' : 'false' });
  const submit = useFormSubmit(
    form,
    async (values) =>
      onSaved(await api.patch<SavedSearch>(`/exchange/saved-searches/${saved.id}`, { name: values.name.trim(), frequency: values.frequency, isActive: values.isActive === 'true' })),
    { validate: (values) => ({ name: values.name.trim() ? undefined : t('validation.required') }) },
  );
  return (
    <Modal opened onClose={onClose} title={t('exchangeSaved.edit.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="saved-search-edit-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <TextInput label={t('exchangeSaved.save.name')} required maxLength={120} {...form.input('name')} />
          <NativeSelect
            label={t('exchangeSaved.save.frequency')}
            data={SAVED_SEARCH_FREQUENCIES.map((f) => ({ value: f, label: t(`exchangeSaved.frequencies.${f}`) }))}
            {...form.input('frequency')}
          />
          <Switch
            label={t('exchangeSaved.edit.receive')}
            checked={form.values.isActive === 'true'}
            onChange={(event) => form.setValue('isActive', event.currentTarget.checked ? 'true' : 'false')}
          />
          <FormButtons onCancel={onClose} label={t('exchangeSaved.edit.submit')} submitting={submit.isSubmitting} testId="saved-search-edit-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteSavedSearchModal({ saved, onClose, onDeleted }: { saved: SavedSearch; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit(async () => {
    await api.delete(`/exchange/saved-searches/${saved.id}`);
    onDeleted();
  });
  return (
    <Modal opened onClose={onClose} title={t('exchangeSaved.list.deleteNamed', { name: saved.name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} data-testid="saved-search-delete-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <Text size="sm">{t('exchangeSaved.list.deleteConfirm', { name: saved.name })}</Text>
          <FormButtons onCancel={onClose} color="red" label={t('exchangeSaved.list.delete')} submitting={submit.isSubmitting} testId="saved-search-delete-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
