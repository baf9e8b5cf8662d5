import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine PasswordInput whose show/hide button is labelled in the UI language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePasswordVisibility') }}
      // Mantine's PasswordInput marks its inner input only with data-invalid; screen readers need aria-invalid.
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

/** The password of an existing account (signing in, confirming an action); labelled "Current password" by default. */
export function CurrentPasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordField label={t('account.currentPassword')} autoComplete="current-password" required {...props} />;
}
