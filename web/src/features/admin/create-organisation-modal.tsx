import { Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../common/src/api/organisations.js';
import { ORGANISATION_KINDS } from '../../../../common/src/roles.js';
import { CountrySelect } from '../../components/country-select.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { api } from '../../lib/api.js';
import { TAX_CODE_PATTERN, tooShort, useFormFields, useFormSubmit } from '../../lib/forms.js';
import { useAllAgencies } from '../agencies/agencies-api.js';
import { AgencySelect } from '../agencies/agency-parts.js';

interface CreateOrganisationModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (organisation: Organisation) => void;
}

const EMPTY = { kind: 'agency', name: '', nameEn: '', taxCode: '', country: 'VN', agencyId: '' };

export function CreateOrganisationModal({ opened, onClose, onCreated }: CreateOrganisationModalProps) {
  const { t } = useTranslation();
  const form = useFormFields(EMPTY);
  const isAgency = form.values.kind === 'agency';
  const agencies = useAllAgencies(opened && isAgency);
  const submit = useFormSubmit(
    form,
    async (values) => {
      const created = await api.post<Organisation>('/organisations', {
        kind: values.kind,
        name: values.name.trim(),
        nameEn: values.nameEn.trim() || undefined,
        taxCode: values.taxCode.trim() || undefined,
        country: values.country,
        agencyId: values.kind === 'agency' && values.agencyId ? values.agencyId : undefined,
      });
      form.setValues(EMPTY);
      onCreated(created);
    },
    {
      validate: (values) => ({
        name: tooShort(t, values.name),
        nameEn: values.nameEn.trim() ? tooShort(t, values.nameEn) : undefined,
        taxCode: values.taxCode.trim() && !TAX_CODE_PATTERN.test(values.taxCode.trim()) ? t('auth.taxCodeInvalid') : undefined,
        country: values.country ? undefined : t('validation.required'),
      }),
    },
  );

  return (
    <Modal opened={opened} onClose={onClose} title={t('organisations.create')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="organisation-create-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <NativeSelect
            label={t('organisations.kind')}
            data={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }))}
            {...form.input('kind')}
          />
          {isAgency ? (
            <AgencySelect
              label={t('agencies.linkedAgency')}
              description={t('agencies.linkAgencyHint')}
              agencies={agencies.data?.items}
              value={form.values.agencyId || null}
              onChange={(id) => form.setValue('agencyId', id ?? '')}
              error={form.errors.agencyId}
              clearable
              testId="organisation-agency"
            />
          ) : null}
          <TextInput label={t('organisations.name')} required {...form.input('name')} />
          <TextInput label={t('organisations.nameEn')} {...form.input('nameEn')} />
          <TextInput label={t('organisations.taxCode')} description={t('auth.taxCodeHint')} inputMode="numeric" {...form.input('taxCode')} />
          <CountrySelect
            label={t('organisations.country')}
            required
            value={form.values.country}
            onChange={(code) => form.setValue('country', code)}
            error={form.errors.country}
          />
          <FormButtons onCancel={onClose} label={t('organisations.createAction')} submitting={submit.isSubmitting} testId="organisation-create-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
