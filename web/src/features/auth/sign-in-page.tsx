import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field.js';
import type { SessionInfo } from '../../../../common/src/api/auth.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageLoader } from '../../components/page-loader.js';
import { api } from '../../lib/api.js';
import { errorCode, fieldErrorsOf } from '../../lib/errors.js';
import { isEmail, useFormFields, useSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard } from './auth-card.js';

const routeApi = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useTranslation();
  const { session, applySession } = useSession();
  const { next } = routeApi.useSearch();
  const router = useRouter();
  const state = session?.state;
  usePageTitle(state === 'mfa_required' ? t('auth.totpTitle') : t('auth.signInTitle'));

  useEffect(() => {
    if (state === 'active') void router.navigate({ href: next ?? '/', replace: true });
    if (state === 'mfa_enrolment_required') void router.navigate({ to: '/two-factor', search: { next }, replace: true });
  }, [state, next, router]);

  if (!session || state === 'active' || state === 'mfa_enrolment_required') return <PageLoader />;
  if (state === 'mfa_required') return <TotpStep onDone={(info) => applySession(info, { adoptLocale: true })} />;
  return <CredentialsStep onDone={(info) => applySession(info, { adoptLocale: true })} />;
}

function CredentialsStep({ onDone }: { onDone: (session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const form = useFormFields({ email: '', password: '' });
  const submit = useSubmit(async () => {
    const errors: Record<string, string> = {};
    if (!isEmail(form.values.email)) errors.email = t('validation.invalid_email');
    if (!form.values.password) errors.password = t('validation.required');
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      onDone(await api.post<SessionInfo>('/auth/sign-in', { email: form.values.email.trim(), password: form.values.password }));
    } catch (error) {
      form.setErrors(fieldErrorsOf(t, error));
      throw error;
    }
  });
  const showResend = errorCode(submit.error) === 'EMAIL_NOT_VERIFIED';

  return (
    <AuthCard title={t('auth.signInTitle')} description={t('auth.signInIntro')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="sign-in-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          {showResend ? (
            <Text size="sm">
              {t('auth.notVerifiedHelp')}
            </Text>
          ) : null}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            {...form.input('email')}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.input('password')}
            aria-invalid={form.errors.password ? true : undefined}
          />
          <Group justify="space-between" gap="xs">
            <AnchorLink to="/forgot-password" size="sm">
              {t('auth.forgotPasswordLink')}
            </AnchorLink>
          </Group>
          <Button type="submit" loading={submit.isSubmitting} fullWidth data-testid="sign-in-submit">
            {t('auth.signInAction')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.noAccount')}{' '}
            <AnchorLink to="/sign-up">{t('auth.signUpLink')}</AnchorLink>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

function TotpStep({ onDone }: { onDone: (session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const form = useFormFields({ code: '' });
  const submit = useSubmit(async () => {
    const code = form.values.code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      form.setErrors({ code: t('auth.totpCodeFormat') });
      return;
    }
    try {
      onDone(await api.post<SessionInfo>('/auth/totp/verify', { code }));
    } catch (error) {
      if (errorCode(error) === 'INVALID_TOTP_CODE') form.setErrors({ code: t('errors.INVALID_TOTP_CODE') });
      else form.setErrors(fieldErrorsOf(t, error));
      throw error;
    }
  });

  return (
    <AuthCard title={t('auth.totpTitle')} description={t('auth.totpIntro')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="totp-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <TextInput
            label={t('auth.totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            autoFocus
            {...form.input('code')}
            data-testid="totp-code"
          />
          <Button type="submit" loading={submit.isSubmitting} fullWidth data-testid="totp-submit">
            {t('auth.totpVerify')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={() => void signOut()} ta="center">
            {t('auth.useAnotherAccount')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
