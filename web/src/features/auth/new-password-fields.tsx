import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field.js';

interface NewPasswordFieldsProps {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  passwordError?: string;
  confirmError?: string;
  passwordLabel?: string;
}

/** New password + repeat, with the policy hint ("at least 8 characters; long passphrases welcome"). */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordField
        label={props.passwordLabel ?? t('auth.newPassword')}
        description={t('auth.passwordHint')}
        autoComplete="new-password"
        required
        value={props.password}
        onChange={(event) => props.onPasswordChange(event.currentTarget.value)}
        error={props.passwordError}
        // Mantine's PasswordInput marks its inner input only with data-invalid; screen readers need aria-invalid.
        aria-invalid={props.passwordError ? true : undefined}
        name="password"
        data-testid="new-password"
      />
      <PasswordField
        label={t('auth.confirmPassword')}
        autoComplete="new-password"
        required
        value={props.confirm}
        onChange={(event) => props.onConfirmChange(event.currentTarget.value)}
        error={props.confirmError}
        aria-invalid={props.confirmError ? true : undefined}
        name="confirmPassword"
        data-testid="confirm-password"
      />
    </Stack>
  );
}

/** Client-side checks before sending a new password (the server applies the full policy). */
export function checkNewPassword(
  t: (key: string, options?: Record<string, unknown>) => string,
  password: string,
  confirm: string,
): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (!password) errors.password = t('validation.required');
  else if (password.length < 8) errors.password = t('errors.PASSWORD_TOO_SHORT', { min: 8 });
  if (password && confirm !== password) errors.confirm = t('auth.passwordsDiffer');
  return errors;
}
