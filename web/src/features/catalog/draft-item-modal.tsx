import { Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import type { CatalogItem } from './catalog-api.js';
import { editDraftItem, type VersionState } from './catalog-work-api.js';
import { changesFrom, EMPTY_ITEM_VALUES, ItemFieldInputs, itemValuesOf, validateItemValues } from './item-fields.js';

interface DraftItemModalProps {
  versionId: string;
  revision: number;
  item: CatalogItem | null;
  onClose: () => void;
  onSaved: (state: VersionState) => void;
}

/** The DOST officer edits a direction of the draft directly (the code stays; only changed fields are sent). */
export function DraftItemModal({ versionId, revision, item, onClose, onSaved }: DraftItemModalProps) {
  const { t } = useTranslation();
  const form = useFormFields(EMPTY_ITEM_VALUES);
  const [listItemIds, setListItemIds] = useState<string[]>([]);
  const original = itemValuesOf(item ?? undefined);

  useEffect(() => {
    if (!item) return;
    const current = itemValuesOf(item);
    form.setValues(current.values);
    form.setErrors({});
    setListItemIds(current.listItemIds);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item?.code]);

  const submit = useFormSubmit(
    form,
    async (values) => {
      const state = await editDraftItem(versionId, item!.code, { revision, ...changesFrom(values, listItemIds, original) });
      onSaved(state);
      return state;
    },
    {
      validate: (values) => ({
        ...validateItemValues(t, values, true),
        ...(Object.keys(changesFrom(values, listItemIds, original)).length === 0 ? { nameVi: t('catalogWork.propose.noChange') } : {}),
      }),
    },
  );
  const close = () => {
    submit.reset();
    onClose();
  };
  return (
    <Modal opened={item !== null} onClose={close} title={t('catalogWork.draft.editTitle', { code: item?.code ?? '' })} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="draft-item-form">
        <Stack gap="md">
          <Text size="sm">{t('catalogWork.draft.editIntro')}</Text>
          <ErrorAlert error={submit.error} />
          <ItemFieldInputs form={form} listItemIds={listItemIds} onListItemIdsChange={setListItemIds} requireNames />
          <FormButtons onCancel={close} label={t('common.save')} submitting={submit.isSubmitting} testId="draft-item-save" />
        </Stack>
      </form>
    </Modal>
  );
}
