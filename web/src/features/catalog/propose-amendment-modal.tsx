import { Alert, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { api } from '../../lib/api.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import { localized, useSector, useSectorList } from './catalog-api.js';
import { AMENDMENT_KINDS, type Amendment } from './catalog-work-api.js';
import { changesFrom, EMPTY_ITEM_VALUES, ItemFieldInputs, itemValuesOf, validateItemValues } from './item-fields.js';

interface ProposeAmendmentModalProps {
  opened: boolean;
  onClose: () => void;
  onProposed: (amendment: Amendment) => void;
}

/** A sector department proposes to add, reword or retire a direction of the catalog in force, saying why. */
export function ProposeAmendmentModal({ opened, onClose, onProposed }: ProposeAmendmentModalProps) {
  const { t, i18n } = useTranslation();
  const sectors = useSectorList();
  const form = useFormFields({ kind: 'add', sectorCode: '', itemCode: '', justification: '', ...EMPTY_ITEM_VALUES });
  const [listItemIds, setListItemIds] = useState<string[]>([]);
  const { kind, sectorCode, itemCode } = form.values;
  const sector = useSector(sectorCode || '1.1');
  const items = sectorCode && sector.data?.code === sectorCode ? sector.data.items : [];
  const original = kind === 'reword' ? itemValuesOf(items.find((item) => item.code === itemCode)) : undefined;

  // Choosing a direction to reword fills the fields with its current text.
  useEffect(() => {
    if (kind !== 'reword' || !itemCode) return;
    const current = itemValuesOf(items.find((item) => item.code === itemCode));
    form.setValues({ ...form.values, ...current.values });
    setListItemIds(current.listItemIds);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, itemCode, items.length]);

  const submit = useFormSubmit(
    form,
    async (values) => {
      const body = {
        kind: values.kind,
        sectorCode: values.sectorCode,
        ...(values.itemCode.trim() ? { itemCode: values.itemCode.trim() } : {}),
        justification: values.justification.trim(),
        ...(values.kind === 'retire' ? {} : changesFrom(values, listItemIds, original)),
      };
      const amendment = await api.post<Amendment>('/catalog/amendments', body);
      form.setValues({ kind: 'add', sectorCode: '', itemCode: '', justification: '', ...EMPTY_ITEM_VALUES });
      setListItemIds([]);
      onProposed(amendment);
      return amendment;
    },
    {
      validate: (values) => {
        const messages = values.kind === 'retire' ? {} : validateItemValues(t, values, values.kind === 'add');
        const noChange = values.kind === 'reword' && values.itemCode && Object.keys(changesFrom(values, listItemIds, original)).length === 0;
        return {
          ...messages,
          ...(noChange ? { nameVi: t('catalogWork.propose.noChange') } : {}),
          sectorCode: values.sectorCode ? undefined : t('validation.required'),
          itemCode:
            values.kind !== 'add' && !values.itemCode
              ? t('validation.required')
              : values.kind === 'add' && values.itemCode.trim() && !new RegExp(`^${values.sectorCode.replace('.', '\\.')}\\.\\d+$`).test(values.itemCode.trim())
                ? t('catalogWork.propose.codeFormat', { sector: values.sectorCode })
                : undefined,
          justification: values.justification.trim().length < 10 ? t('validation.too_small_string', { minimum: 10 }) : undefined,
        };
      },
    },
  );

  const close = () => {
    submit.reset();
    form.setErrors({});
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('catalogWork.propose.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="propose-form">
        <Stack gap="md">
          <Text size="sm">{t('catalogWork.propose.intro')}</Text>
          <ErrorAlert error={submit.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('catalogWork.propose.kind')}
              data={AMENDMENT_KINDS.map((value) => ({ value, label: t(`catalogWork.kinds.${value}`) }))}
              {...form.input('kind')}
              onChange={(event) => {
                form.setValues({ ...form.values, kind: event.currentTarget.value, itemCode: '', ...EMPTY_ITEM_VALUES });
                form.setErrors({});
                setListItemIds([]);
              }}
              data-testid="propose-kind"
            />
            <NativeSelect
              label={t('catalogWork.propose.sector')}
              required
              data={[
                { value: '', label: t('catalogWork.propose.chooseSector') },
                ...(sectors.data?.sectors ?? []).map((s) => ({ value: s.code, label: `${s.code} ${localized(i18n.language, s.nameVi, s.nameEn)}` })),
              ]}
              {...form.input('sectorCode')}
              onChange={(event) => {
                form.setValues({ ...form.values, sectorCode: event.currentTarget.value, itemCode: '' });
                form.setErrors({ ...form.errors, sectorCode: undefined, itemCode: undefined });
              }}
              data-testid="propose-sector"
            />
            {kind === 'add' ? (
              <TextInput label={t('catalogWork.propose.requestedCode')} description={t('catalogWork.propose.requestedCodeHint')} {...form.input('itemCode')} data-testid="propose-code" />
            ) : (
              <NativeSelect
                label={t('catalogWork.propose.item')}
                required
                disabled={!sectorCode}
                data={[
                  { value: '', label: t('catalogWork.propose.chooseItem') },
                  ...items.map((item) => ({ value: item.code, label: `${item.code} ${localized(i18n.language, item.nameVi, item.nameEn)}` })),
                ]}
                {...form.input('itemCode')}
                data-testid="propose-item"
              />
            )}
          </SimpleGrid>
          {kind === 'retire' ? (
            <Alert variant="light" color="yellow">
              {t('catalogWork.propose.retireNote')}
            </Alert>
          ) : kind === 'add' || itemCode ? (
            <ItemFieldInputs form={form} listItemIds={listItemIds} onListItemIdsChange={setListItemIds} requireNames={kind === 'add'} />
          ) : null}
          <Textarea
            label={t('catalogWork.amendments.justification')}
            description={t('catalogWork.propose.justificationHint')}
            required
            autosize
            minRows={3}
            {...form.input('justification')}
            data-testid="propose-justification"
          />
          <FormButtons onCancel={close} label={t('catalogWork.propose.submit')} submitting={submit.isSubmitting} testId="propose-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
