import { FileInput, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import { postForm, type VersionState } from './catalog-work-api.js';

const DECISION_NUMBER = /^\d{1,6}(\/\d{4})?\/[A-ZĐ][A-ZĐ0-9&-]{1,30}$/u;
const MAX_BYTES = 20 * 1024 * 1024;

function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

interface ApproveModalProps {
  opened: boolean;
  versionId: string;
  revision: number;
  onClose: () => void;
  onApproved: (state: VersionState) => void;
}

/** An administrator records the People's Committee decision: number, date, signed PDF, effective date. */
export function ApproveModal({ opened, versionId, revision, onClose, onApproved }: ApproveModalProps) {
  const { t } = useTranslation();
  const form = useFormFields({ decisionNumber: '', decisionDate: '', effectiveFrom: todayInVietnam() });
  const [file, setFile] = useState<File | null>(null);
  const submit = useFormSubmit(
    form,
    async (values) => {
      const body = new FormData();
      body.set('revision', String(revision));
      body.set('decisionNumber', values.decisionNumber.trim());
      body.set('decisionDate', values.decisionDate);
      body.set('effectiveFrom', values.effectiveFrom);
      body.set('file', file!, file!.name);
      const state = await postForm<VersionState>(`/catalog/versions/${encodeURIComponent(versionId)}/approve`, body);
      onApproved(state);
      return state;
    },
    {
      validate: (values) => ({
        decisionNumber: DECISION_NUMBER.test(values.decisionNumber.trim()) ? undefined : t('catalogWork.approve.numberFormat'),
        decisionDate: !values.decisionDate ? t('validation.required') : values.decisionDate > todayInVietnam() ? t('validation.date_in_future') : undefined,
        effectiveFrom: !values.effectiveFrom
          ? t('validation.required')
          : values.decisionDate && values.effectiveFrom < values.decisionDate
            ? t('catalogWork.approve.effectiveBeforeDecision')
            : undefined,
        file: !file ? t('validation.required') : file.size > MAX_BYTES ? t('errors.PAYLOAD_TOO_LARGE') : undefined,
      }),
    },
  );
  const close = () => {
    submit.reset();
    form.setErrors({});
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('catalogWork.approve.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="approve-form">
        <Stack gap="md">
          <Text size="sm">{t('catalogWork.approve.intro')}</Text>
          <ErrorAlert error={submit.error} />
          <TextInput label={t('catalogWork.version.decisionNumber')} description={t('catalogWork.approve.numberHint')} required {...form.input('decisionNumber')} data-testid="approve-number" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('catalogWork.version.decisionDate')} type="date" required {...form.input('decisionDate')} data-testid="approve-decision-date" />
            <TextInput label={t('catalogWork.version.effectiveFrom')} type="date" required description={t('catalogWork.approve.effectiveHint')} {...form.input('effectiveFrom')} data-testid="approve-effective" />
          </SimpleGrid>
          <FileInput
            label={t('catalogWork.approve.file')}
            description={t('catalogWork.approve.fileHint')}
            accept="application/pdf"
            required
            value={file}
            onChange={(value) => {
              setFile(value);
              form.setErrors({ ...form.errors, file: undefined });
            }}
            error={form.errors.file}
            data-testid="approve-file"
          />
          <FormButtons onCancel={close} label={t('catalogWork.approve.submit')} submitting={submit.isSubmitting} testId="approve-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
