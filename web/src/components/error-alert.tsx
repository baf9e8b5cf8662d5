import { Alert, type AlertProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.js';

interface ErrorAlertProps extends Omit<AlertProps, 'children' | 'title'> {
  error: unknown;
  title?: string;
}

/** Shows an API error in the UI language (`errors.<CODE>`), or nothing when there is no error. */
export function ErrorAlert({ error, title, ...props }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('common.errorTitle')} data-testid="error-alert" {...props}>
      {errorMessage(t, error)}
    </Alert>
  );
}
