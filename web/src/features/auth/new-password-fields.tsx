import { Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field.js';
import { MIN_PASSWORD_LENGTH, type FieldInputProps, type FieldMessages } from '../../lib/forms.js';

interface NewPasswordFieldsProps {
  /** A useFormFields form with the fields `password` and `confirmPassword`. */
  form: { input: (name: 'password' | 'confirmPassword') => FieldInputProps };
  passwordLabel?: string;
}

/** New password + repeat, with the policy hint ("at least 8 characters; long passphrases welcome"). */
export function NewPasswordFields({ form, passwordLabel }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordField
        label={passwordLabel ?? t('auth.newPassword')}
        description={t('auth.passwordHint')}
        autoComplete="new-password"
        required
        {...form.input('password')}
        data-testid="new-password"
      />
      <PasswordField
        label={t('auth.confirmPassword')}
        autoComplete="new-password"
        required
        {...form.input('confirmPassword')}
        data-testid="confirm-password"
      />
    </Stack>
  );
}

/** Client-side checks before sending a new password (the server applies the full policy); messages by field name. */
export function checkNewPassword(t: TFunction, values: { password: string; confirmPassword: string }): FieldMessages {
  const { password, confirmPassword } = values;
  const errors: FieldMessages = {};
  if (!password) errors.password = t('validation.required');
  else if (password.length < MIN_PASSWORD_LENGTH) errors.password = t('errors.PASSWORD_TOO_SHORT', { min: MIN_PASSWORD_LENGTH });
  if (password && confirmPassword !== password) errors.confirmPassword = t('auth.passwordsDiffer');
  return errors;
}
