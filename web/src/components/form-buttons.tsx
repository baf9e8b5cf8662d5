import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormButtonsProps {
  onCancel: () => void;
  /** The submit button's text (what it does: "Save", "Send proposal"…). */
  label: string;
  submitting: boolean;
  testId?: string;
  color?: string;
}

/** The foot of a dialog form: "Cancel", then the submit button. */
export function FormButtons({ onCancel, label, submitting, testId, color }: FormButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={color} loading={submitting} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}
