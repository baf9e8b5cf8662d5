import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GLOSSARY_SOURCES, GLOSSARY_STATUSES, type GlossaryTerm } from '../../../../../common/src/api/exchange-glossary.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { FilterCard } from '../../../components/filter-card.js';
import { FormButtons } from '../../../components/form-buttons.js';
import { ListTable } from '../../../components/list-table.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SortableTh } from '../../../components/sortable-th.js';
import { api, type Page } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';
import { tooShort, useFormFields, useFormSubmit } from '../../../lib/forms.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { useRowAction } from '../../../lib/use-row-action.js';

const routeApi = getRouteApi('/admin/glossary');
const PAGE_SIZE = 25;
const SECTORS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'] as const;
const sectorKey = (code: string) => `exchangeSaved.glossary.sectors.s${code.replace(/\./g, '')}`;

/** Administration of the vi ↔ en technology glossary used by search and matching (issue 4 §5). */
export function GlossaryPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeSaved.glossary.title'));
  return (
    <RequireAuth permission="exchange.glossary.manage">
      <GlossaryContent />
    </RequireAuth>
  );
}

function GlossaryContent() {
  const { t, i18n } = useTranslation();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['q', 'sector', 'source', 'status'],
    defaults: { sort: 'termVi', order: 'asc' },
    pageSize: PAGE_SIZE,
  });
  const terms = useApiQuery<Page<GlossaryTerm>>(`/exchange/glossary${list.pageQuery}`);
  const [error, setError] = useState<unknown>(null);
  const action = useRowAction(setError);
  const [editing, setEditing] = useState<GlossaryTerm | 'new' | null>(null);
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };
  const sectorLabel = (code: string | null) => (code && SECTORS.includes(code as (typeof SECTORS)[number]) ? t(sectorKey(code)) : (code ?? t('exchangeSaved.glossary.noSector')));
  const replace = (term: GlossaryTerm) =>
    terms.setData((previous) => (previous ? { ...previous, items: previous.items.map((item) => (item.id === term.id ? term : item)) } : previous));

  return (
    <>
      <PageHeader
        title={t('exchangeSaved.glossary.title')}
        description={t('exchangeSaved.glossary.intro')}
        actions={
          <Group gap="xs">
            <ExportButtons path="/exchange/glossary/export" query={list.query} testId="glossary-export" />
            <Button onClick={() => setEditing('new')} data-testid="glossary-add">
              {t('exchangeSaved.glossary.add')}
            </Button>
          </Group>
        }
      />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="glossary-filters" grid>
        <TextInput label={t('exchangeSaved.glossary.search')} type="search" {...list.filterInput('q')} />
        <NativeSelect
          label={t('exchangeSaved.glossary.sector')}
          {...list.filterInput('sector')}
          data={[{ value: '', label: t('exchangeSaved.glossary.allSectors') }, ...SECTORS.map((code) => ({ value: code, label: t(sectorKey(code)) }))]}
        />
        <NativeSelect
          label={t('exchangeSaved.glossary.source')}
          {...list.filterInput('source')}
          data={[{ value: '', label: t('exchangeSaved.glossary.allSources') }, ...GLOSSARY_SOURCES.map((s) => ({ value: s, label: t(`exchangeSaved.glossary.sources.${s}`) }))]}
        />
        <NativeSelect
          label={t('exchangeSaved.glossary.status')}
          {...list.filterInput('status')}
          data={GLOSSARY_STATUSES.map((s) => ({ value: s === 'active' ? '' : s, label: t(`exchangeSaved.glossary.statuses.${s}`) }))}
        />
      </FilterCard>
      <ListTable
        query={terms}
        error={error}
        label={t('exchangeSaved.glossary.title')}
        minWidth={960}
        testId="glossary-table"
        pagination={list.pagination}
        columns={[
          <SortableTh key="termVi" label={t('exchangeSaved.glossary.columns.termVi')} field="termVi" {...sortable} />,
          <SortableTh key="termEn" label={t('exchangeSaved.glossary.columns.termEn')} field="termEn" {...sortable} />,
          <SortableTh key="sector" label={t('exchangeSaved.glossary.columns.sector')} field="sector" {...sortable} />,
          t('exchangeSaved.glossary.columns.source'),
          t('exchangeSaved.glossary.columns.status'),
          <SortableTh key="updatedAt" label={t('exchangeSaved.glossary.columns.updatedAt')} field="updatedAt" {...sortable} />,
          t('exchangeSaved.glossary.columns.actions'),
        ]}
        renderRow={(term) => (
          <Table.Tr key={term.id} data-testid="glossary-row">
            <Table.Td lang="vi">{term.termVi}</Table.Td>
            <Table.Td lang="en">{term.termEn}</Table.Td>
            <Table.Td>{sectorLabel(term.sectorCode)}</Table.Td>
            <Table.Td>{t(`exchangeSaved.glossary.sources.${term.source}`)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={term.isActive ? 'teal' : 'gray'}>
                {t(term.isActive ? 'exchangeSaved.glossary.statuses.active' : 'exchangeSaved.glossary.statuses.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDate(term.updatedAt, i18n.language)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button size="compact-sm" variant="subtle" onClick={() => setEditing(term)} aria-label={t('exchangeSaved.glossary.editNamed', { term: term.termVi })}>
                  {t('exchangeSaved.glossary.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color={term.isActive ? 'red' : undefined}
                  loading={action.busy === term.id}
                  aria-label={t('exchangeSaved.glossary.toggleNamed', {
                    action: t(term.isActive ? 'exchangeSaved.glossary.deactivate' : 'exchangeSaved.glossary.activate'),
                    term: term.termVi,
                  })}
                  onClick={() => void action.run(term.id, async () => replace(await api.patch<GlossaryTerm>(`/exchange/glossary/${term.id}`, { isActive: !term.isActive })))}
                  data-testid="glossary-toggle"
                >
                  {t(term.isActive ? 'exchangeSaved.glossary.deactivate' : 'exchangeSaved.glossary.activate')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing ? (
        <GlossaryTermModal
          term={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(term) => {
            setEditing(null);
            if (editing === 'new') terms.reload();
            else replace(term);
          }}
        />
      ) : null}
    </>
  );
}

function GlossaryTermModal({ term, onClose, onSaved }: { term: GlossaryTerm | null; onClose: () => void; onSaved: (term: GlossaryTerm) => void }) {
  const { t } = useTranslation();
  const form = useFormFields({ termVi: term?.termVi ?? '', termEn: term?.termEn ?? '', sectorCode: term?.sectorCode ?? '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      const body = { termVi: values.termVi.trim(), termEn: values.termEn.trim(), sectorCode: values.sectorCode || null };
      onSaved(term ? await api.patch<GlossaryTerm>(`/exchange/glossary/${term.id}`, body) : await api.post<GlossaryTerm>('/exchange/glossary', body));
    },
    {
      validate: (values) => ({
        termVi: tooShort(t, values.termVi) ?? (values.termVi.trim().length > 120 ? t('validation.too_big_string', { maximum: 120 }) : undefined),
        termEn: tooShort(t, values.termEn) ?? (values.termEn.trim().length > 120 ? t('validation.too_big_string', { maximum: 120 }) : undefined),
      }),
    },
  );
  return (
    <Modal opened onClose={onClose} title={t(term ? 'exchangeSaved.glossary.editTitle' : 'exchangeSaved.glossary.addTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="glossary-term-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <TextInput label={t('exchangeSaved.glossary.termVi')} description={t('exchangeSaved.glossary.termHint')} required lang="vi" {...form.input('termVi')} />
          <TextInput label={t('exchangeSaved.glossary.termEn')} required lang="en" {...form.input('termEn')} />
          <NativeSelect
            label={t('exchangeSaved.glossary.sector')}
            data={[{ value: '', label: t('exchangeSaved.glossary.noSector') }, ...SECTORS.map((code) => ({ value: code, label: t(sectorKey(code)) }))]}
            {...form.input('sectorCode')}
          />
          <FormButtons onCancel={onClose} label={t('exchangeSaved.glossary.submit')} submitting={submit.isSubmitting} testId="glossary-term-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
