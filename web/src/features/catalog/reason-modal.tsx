import { Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { useSubmit } from '../../lib/forms.js';

interface ReasonModalProps {
  opened: boolean;
  title: string;
  description?: string;
  /** Label of the reason field; without it the dialog only asks to confirm. */
  reasonLabel?: string;
  /** An optional decision-number field (the Committee's refusal). */
  numberLabel?: string;
  confirmLabel: string;
  color?: string;
  testId: string;
  onConfirm: (values: { reason: string; number: string }) => Promise<void>;
  onClose: () => void;
}

/** Confirms a workflow step, with the reason it needs (at least 5 characters, as the API requires). */
export function ReasonModal({ opened, title, description, reasonLabel, numberLabel, confirmLabel, color, testId, onConfirm, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = useSubmit(async () => {
    if (reasonLabel && reason.trim().length < 5) {
      setFieldError(t('validation.too_small_string', { minimum: 5 }));
      return;
    }
    await onConfirm({ reason: reason.trim(), number: number.trim() });
    setReason('');
    setNumber('');
    onClose();
  });
  const close = () => {
    submit.reset();
    setFieldError(undefined);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid={testId}>
        <Stack gap="md">
          {description ? <Text size="sm">{description}</Text> : null}
          <ErrorAlert error={submit.error} />
          {reasonLabel ? (
            <Textarea
              label={reasonLabel}
              required
              autosize
              minRows={3}
              value={reason}
              error={fieldError}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setFieldError(undefined);
              }}
            />
          ) : null}
          {numberLabel ? <TextInput label={numberLabel} value={number} onChange={(event) => setNumber(event.currentTarget.value)} /> : null}
          <FormButtons onCancel={close} label={confirmLabel} submitting={submit.isSubmitting} color={color} />
        </Stack>
      </form>
    </Modal>
  );
}
