import { MultiSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldInputProps, FieldMessages } from '../../lib/forms.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { localized, type CatalogItem } from './catalog-api.js';
import { splitList, type AmendmentChanges, type LinkCandidateList } from './catalog-work-api.js';
import { useListCitation } from './list-item-links.js';

/** The editable fields of a direction, as text inputs (lists comma-separated). */
export const EMPTY_ITEM_VALUES = { nameVi: '', nameEn: '', descriptionVi: '', descriptionEn: '', keywordsVi: '', keywordsEn: '', vsic: '' };
export type ItemValues = typeof EMPTY_ITEM_VALUES;

export function itemValuesOf(item: CatalogItem | undefined): { values: ItemValues; listItemIds: string[] } {
  if (!item) return { values: EMPTY_ITEM_VALUES, listItemIds: [] };
  return {
    values: {
      nameVi: item.nameVi,
      nameEn: item.nameEn,
      descriptionVi: item.descriptionVi,
      descriptionEn: item.descriptionEn,
      keywordsVi: item.keywordsVi.join(', '),
      keywordsEn: item.keywordsEn.join(', '),
      vsic: item.vsic.join(', '),
    },
    listItemIds: item.listItems.map((ref) => ref.id),
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);

/**
 * The fields to send: for a new direction every filled field; for a reword or an edit only what differs from
 * `original` (lists compared as sets).
 */
export function changesFrom(values: ItemValues, listItemIds: string[], original?: { values: ItemValues; listItemIds: string[] }): AmendmentChanges {
  const changes: AmendmentChanges = {};
  const text = ['nameVi', 'nameEn', 'descriptionVi', 'descriptionEn'] as const;
  const lists = ['keywordsVi', 'keywordsEn', 'vsic'] as const;
  for (const field of text) {
    const value = values[field].trim();
    if (original ? value !== original.values[field].trim() : value !== '') changes[field] = value;
  }
  for (const field of lists) {
    const value = splitList(values[field]);
    if (original ? !sameList(value, splitList(original.values[field])) : value.length > 0) changes[field] = field === 'vsic' ? value.map((v) => v.toUpperCase()) : value;
  }
  if (original ? !sameList(listItemIds, original.listItemIds) : listItemIds.length > 0) changes.listItemIds = listItemIds;
  return changes;
}

const VSIC = /^[A-Za-z]$|^[0-9]{2,5}$/;

/** Client-side checks with the messages the API would give. */
export function validateItemValues(t: TFunction, values: ItemValues, requireNames: boolean): FieldMessages {
  const name = (value: string) => (requireNames || value.trim() ? (value.trim().length < 2 ? t('validation.too_small_string', { minimum: 2 }) : undefined) : undefined);
  return {
    nameVi: name(values.nameVi),
    nameEn: name(values.nameEn),
    vsic: splitList(values.vsic).every((code) => VSIC.test(code)) ? undefined : t('validation.invalid_format'),
  };
}

/** Name, description, keywords (both languages), VSIC codes and national-list links of a direction. */
export function ItemFieldInputs({ form, listItemIds, onListItemIdsChange, requireNames }: {
  form: { input: (name: keyof ItemValues) => FieldInputProps };
  listItemIds: string[];
  onListItemIdsChange: (ids: string[]) => void;
  requireNames: boolean;
}) {
  const { t, i18n } = useTranslation();
  const citation = useListCitation();
  const candidates = useApiQuery<LinkCandidateList>('/catalog/link-candidates');
  const options = (candidates.data?.items ?? []).map((ref) => ({
    value: ref.id,
    label: `${t(`catalogWork.listTypes.${ref.listType}`)} · ${localized(i18n.language, ref.nameVi, ref.nameEn)} (${citation(ref)})`,
  }));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('catalogWork.fields.nameVi')} required={requireNames} {...form.input('nameVi')} data-testid="item-name-vi" />
        <TextInput label={t('catalogWork.fields.nameEn')} required={requireNames} lang="en" {...form.input('nameEn')} data-testid="item-name-en" />
        <Textarea label={t('catalogWork.fields.descriptionVi')} autosize minRows={2} {...form.input('descriptionVi')} />
        <Textarea label={t('catalogWork.fields.descriptionEn')} autosize minRows={2} lang="en" {...form.input('descriptionEn')} />
        <TextInput label={t('catalogWork.fields.keywordsVi')} description={t('catalogWork.propose.listHint')} {...form.input('keywordsVi')} />
        <TextInput label={t('catalogWork.fields.keywordsEn')} description={t('catalogWork.propose.listHint')} lang="en" {...form.input('keywordsEn')} />
      </SimpleGrid>
      <TextInput label={t('catalogWork.fields.vsic')} description={t('catalogWork.propose.vsicHint')} {...form.input('vsic')} data-testid="item-vsic" />
      <MultiSelect
        label={t('catalogWork.fields.listItemIds')}
        description={t('catalogWork.propose.linksHint')}
        data={options}
        value={listItemIds}
        onChange={onListItemIdsChange}
        searchable
        clearable
        nothingFoundMessage={t('common.noOptions')}
        disabled={!candidates.data}
        comboboxProps={{ withinPortal: true }}
        data-testid="item-links"
      />
    </Stack>
  );
}
