import { Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { api } from '../../lib/api.js';
import { isEmail, useFormFields, useFormSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard, AuthSuccess } from './auth-card.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgotTitle'));
  const form = useFormFields({ email: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await api.post('/auth/password-reset/request', { email: values.email.trim() });
      return values.email.trim();
    },
    { validate: (values) => ({ email: isEmail(values.email) ? undefined : t('validation.invalid_email') }) },
  );
  const sentTo = submit.result;

  return (
    <AuthCard title={t('auth.forgotTitle')} description={sentTo ? undefined : t('auth.forgotIntro')}>
      {sentTo ? (
        <AuthSuccess testId="forgot-password-done" heading={t('auth.checkEmailHeading')} message={t('auth.forgotSent', { email: sentTo })}>
          <AnchorLink to="/sign-in" size="sm">
            {t('auth.backToSignIn')}
          </AnchorLink>
        </AuthSuccess>
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
