import { Alert, Button, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { api, ApiError } from '../../lib/api.js';
import { fieldErrorsOf, isFieldLevelError } from '../../lib/errors.js';
import { useFormFields, useSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard } from './auth-card.js';
import { NewPasswordFields, checkNewPassword } from './new-password-fields.js';

const routeApi = getRouteApi('/reset-password');

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.resetTitle'));
  const { token } = routeApi.useSearch();
  const [done, setDone] = useState(false);
  const form = useFormFields({ password: '', confirmPassword: '' });
  const submit = useSubmit(async () => {
    const errors = checkNewPassword(t, form.values.password, form.values.confirmPassword);
    form.setErrors({ password: errors.password, confirmPassword: errors.confirm });
    if (errors.password || errors.confirm) return;
    try {
      await api.post('/auth/password-reset/confirm', { token, password: form.values.password });
      setDone(true);
    } catch (error) {
      form.setErrors(fieldErrorsOf(t, error, { passwordField: 'password' }));
      throw error;
    }
  });

  if (!token) {
    return (
      <AuthCard title={t('auth.resetTitle')}>
        <Stack gap="md">
          <ErrorAlert error={new ApiError(400, 'TOKEN_INVALID', 'missing token')} />
          <AnchorLink to="/forgot-password" size="sm">
            {t('auth.requestNewLink')}
          </AnchorLink>
        </Stack>
      </AuthCard>
    );
  }

  if (done) {
    return (
      <AuthCard title={t('auth.resetTitle')}>
        <Stack gap="md" data-testid="reset-password-done">
          <Alert color="teal" variant="light" title={t('auth.resetDoneTitle')}>
            {t('auth.resetDoneBody')}
          </Alert>
          <ButtonLink to="/sign-in">{t('auth.goToSignIn')}</ButtonLink>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.resetTitle')} description={t('auth.resetIntro')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="reset-password-form">
        <Stack gap="md">
          {isFieldLevelError(submit.error, { passwordField: 'password' }) ? null : <ErrorAlert error={submit.error} />}
          <NewPasswordFields
            password={form.values.password}
            confirm={form.values.confirmPassword}
            onPasswordChange={(value) => form.setValue('password', value)}
            onConfirmChange={(value) => form.setValue('confirmPassword', value)}
            passwordError={form.errors.password}
            confirmError={form.errors.confirmPassword}
          />
          <Button type="submit" loading={submit.isSubmitting} fullWidth>
            {t('auth.resetAction')}
          </Button>
          {submit.error instanceof ApiError && submit.error.code === 'TOKEN_INVALID' ? (
            <AnchorLink to="/forgot-password" size="sm">
              {t('auth.requestNewLink')}
            </AnchorLink>
          ) : null}
        </Stack>
      </form>
    </AuthCard>
  );
}
