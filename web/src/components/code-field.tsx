import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The 6-digit code of an authenticator app (a space in the middle is allowed, hence 7 characters). */
export function CodeField(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('auth.totpCode')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      required
      data-testid="totp-code"
      {...props}
    />
  );
}
