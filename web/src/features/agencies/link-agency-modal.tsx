import { Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../common/src/api/organisations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { api } from '../../lib/api.js';
import { useSubmit } from '../../lib/forms.js';
import type { AgencySummary } from './agencies-api.js';
import { AgencySelect } from './agency-parts.js';

interface LinkAgencyModalProps {
  organisation: Organisation;
  agencies: readonly AgencySummary[] | undefined;
  onClose: () => void;
  onDone: (organisation: Organisation) => void;
}

/** Links an organisation of kind agency to its agency record, or removes the link (administrators). */
export function LinkAgencyModal({ organisation, agencies, onClose, onDone }: LinkAgencyModalProps) {
  const { t } = useTranslation();
  const [agencyId, setAgencyId] = useState<string | null>(organisation.agencyId);
  const submit = useSubmit(async () => {
    onDone(await api.patch<Organisation>(`/organisations/${organisation.id}/agency`, { agencyId }));
  });
  return (
    <Modal opened onClose={onClose} title={t('agencies.linkAgencyNamed', { name: organisation.name })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="link-agency-form">
        <Stack gap="sm">
          <Text size="sm">{t('agencies.linkAgencyHint')}</Text>
          <ErrorAlert error={submit.error} />
          <AgencySelect label={t('agencies.linkedAgency')} agencies={agencies} value={agencyId} onChange={setAgencyId} clearable testId="link-agency-select" />
          <FormButtons onCancel={onClose} label={t('agencies.save')} submitting={submit.isSubmitting} testId="link-agency-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
