import { Button, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { api, ApiError } from '../../lib/api.js';
import { errorCode, isFieldLevelError } from '../../lib/errors.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard, AuthSuccess } from './auth-card.js';
import { NewPasswordFields, checkNewPassword } from './new-password-fields.js';

const routeApi = getRouteApi('/reset-password');
const FIELD_ERRORS = { passwordField: 'password' };

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.resetTitle'));
  const { token } = routeApi.useSearch();
  const form = useFormFields({ password: '', confirmPassword: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await api.post('/auth/password-reset/confirm', { token, password: values.password });
      return true;
    },
    { validate: (values) => checkNewPassword(t, values), fieldErrors: FIELD_ERRORS },
  );

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

  if (submit.result) {
    return (
      <AuthCard title={t('auth.resetTitle')}>
        <AuthSuccess testId="reset-password-done" heading={t('auth.resetDoneTitle')} message={t('auth.resetDoneBody')}>
          <ButtonLink to="/sign-in">{t('auth.goToSignIn')}</ButtonLink>
        </AuthSuccess>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.resetTitle')} description={t('auth.resetIntro')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="reset-password-form">
        <Stack gap="md">
          {isFieldLevelError(submit.error, FIELD_ERRORS) ? null : <ErrorAlert error={submit.error} />}
          <NewPasswordFields form={form} />
          <Button type="submit" loading={submit.isSubmitting} fullWidth>
            {t('auth.resetAction')}
          </Button>
          {errorCode(submit.error) === 'TOKEN_INVALID' ? (
            <AnchorLink to="/forgot-password" size="sm">
              {t('auth.requestNewLink')}
            </AnchorLink>
          ) : null}
        </Stack>
      </form>
    </AuthCard>
  );
}
