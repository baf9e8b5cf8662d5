import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../common/src/api/auth.js';
import { useSession } from '../../app/session.js';
import { CodeField } from '../../components/code-field.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageLoader } from '../../components/page-loader.js';
import { CurrentPasswordField } from '../../components/password-field.js';
import { api } from '../../lib/api.js';
import { errorCode } from '../../lib/errors.js';
import { isEmail, useFormFields, useFormSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard } from './auth-card.js';
import { useCodeForm } from './use-code-form.js';

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
  const submit = useFormSubmit(
    form,
    async (values) => onDone(await api.post<SessionInfo>('/auth/sign-in', { email: values.email.trim(), password: values.password })),
    {
      validate: (values) => ({
        email: isEmail(values.email) ? undefined : t('validation.invalid_email'),
        password: values.password ? undefined : t('validation.required'),
      }),
    },
  );
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
          <CurrentPasswordField label={t('auth.password')} {...form.input('password')} />
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
  const { form, submit } = useCodeForm(async (code) => onDone(await api.post<SessionInfo>('/auth/totp/verify', { code })));

  return (
    <AuthCard title={t('auth.totpTitle')} description={t('auth.totpIntro')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="totp-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          <CodeField autoFocus {...form.input('code')} />
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
