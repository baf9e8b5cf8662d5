import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { api } from '../../lib/api.js';
import { fieldErrorsOf } from '../../lib/errors.js';
import { isEmail, useFormFields, useSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard } from './auth-card.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgotTitle'));
  const form = useFormFields({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = useSubmit(async () => {
    if (!isEmail(form.values.email)) {
      form.setErrors({ email: t('validation.invalid_email') });
      return;
    }
    try {
      await api.post('/auth/password-reset/request', { email: form.values.email.trim() });
      setSentTo(form.values.email.trim());
    } catch (error) {
      form.setErrors(fieldErrorsOf(t, error));
      throw error;
    }
  });

  return (
    <AuthCard title={t('auth.forgotTitle')} description={sentTo ? undefined : t('auth.forgotIntro')}>
      {sentTo ? (
        <Stack gap="md" data-testid="forgot-password-done">
          <Alert color="teal" variant="light" title={t('auth.checkEmailHeading')}>
            {t('auth.forgotSent', { email: sentTo })}
          </Alert>
          <AnchorLink to="/sign-in" size="sm">
            {t('auth.backToSignIn')}
          </AnchorLink>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="forgot-password-form">
          <Stack gap="md">
            <ErrorAlert error={submit.error} />
            <TextInput label={t('auth.email')} type="email" required autoComplete="email" {...form.input('email')} />
            <Button type="submit" loading={submit.isSubmitting} fullWidth>
              {t('auth.sendResetLink')}
            </Button>
            <AnchorLink to="/sign-in" size="sm" ta="center">
              {t('auth.backToSignIn')}
            </AnchorLink>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
