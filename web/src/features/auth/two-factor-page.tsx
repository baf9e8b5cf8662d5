import { Alert, Badge, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { Navigate, getRouteApi, useRouter } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../common/src/api/auth.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageLoader } from '../../components/page-loader.js';
import { api } from '../../lib/api.js';
import { errorCode, fieldErrorsOf } from '../../lib/errors.js';
import { useFormFields, useSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard } from './auth-card.js';

const routeApi = getRouteApi('/two-factor');

interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Two-factor enrolment: scan the QR (or type the secret), confirm with a 6-digit code. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  usePageTitle(t('twoFactor.title'));
  const { session } = useSession();
  const { next } = routeApi.useSearch();
  const [justEnabled, setJustEnabled] = useState(false);

  if (!session) return <PageLoader />;
  if (session.state === 'anonymous' || session.state === 'mfa_required' || !session.user) {
    return <Navigate to="/sign-in" search={{ next: '/two-factor' }} replace />;
  }
  if (justEnabled) {
    return (
      <AuthCard title={t('twoFactor.title')}>
        <Stack gap="md" data-testid="two-factor-done">
          <Alert color="teal" variant="light" title={t('twoFactor.enabledTitle')}>
            {t('twoFactor.enabledBody')}
          </Alert>
          <ContinueButton next={next} />
        </Stack>
      </AuthCard>
    );
  }
  if (session.user.totpEnabled && session.state === 'active') {
    return (
      <AuthCard title={t('twoFactor.title')}>
        <Stack gap="md" data-testid="two-factor-status">
          <Group gap="sm">
            <Text>{t('twoFactor.status')}</Text>
            <Badge color="teal" variant="light">
              {t('twoFactor.on')}
            </Badge>
          </Group>
          <Text size="sm">{t('twoFactor.alreadyEnabled')}</Text>
          <ButtonLink to="/account" variant="light">
            {t('twoFactor.backToAccount')}
          </ButtonLink>
        </Stack>
      </AuthCard>
    );
  }
  return <Enrolment required={session.state === 'mfa_enrolment_required'} onEnabled={() => setJustEnabled(true)} />;
}

function ContinueButton({ next }: { next: string | undefined }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Button onClick={() => void router.navigate({ href: next ?? '/account' })} data-testid="two-factor-continue">
      {t('twoFactor.continue')}
    </Button>
  );
}

function Enrolment({ required, onEnabled }: { required: boolean; onEnabled: () => void }) {
  const { t } = useTranslation();
  const { applySession, signOut } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const started = useRef(false);

  const start = useCallback(() => {
    setSetupError(null);
    api
      .post<TotpSetup>('/auth/totp/setup')
      .then(setSetup)
      .catch((error: unknown) => setSetupError(error));
  }, []);

  useEffect(() => {
    // One setup per visit, also under React's double effects in development.
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  const form = useFormFields({ code: '' });
  const submit = useSubmit(async () => {
    const code = form.values.code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      form.setErrors({ code: t('auth.totpCodeFormat') });
      return;
    }
    try {
      const session = await api.post<SessionInfo>('/auth/totp/enable', { code });
      onEnabled();
      applySession(session);
    } catch (error) {
      if (errorCode(error) === 'INVALID_TOTP_CODE') form.setErrors({ code: t('errors.INVALID_TOTP_CODE') });
      else form.setErrors(fieldErrorsOf(t, error));
      throw error;
    }
  });

  return (
    <AuthCard title={t('twoFactor.title')} description={t('twoFactor.intro')} width={560}>
      <Stack gap="md">
        {required ? (
          <Alert color="yellow" variant="light" title={t('twoFactor.requiredTitle')} data-testid="two-factor-required">
            {t('twoFactor.requiredBody')}
          </Alert>
        ) : null}
        <ErrorAlert error={setupError} />
        {setupError ? (
          <Button variant="default" onClick={start} w="fit-content">
            {t('common.retry')}
          </Button>
        ) : null}
        {!setup && !setupError ? <PageLoader minHeight={160} /> : null}
        {setup ? (
          <>
            <List type="ordered" spacing="xs" size="sm">
              <List.Item>{t('twoFactor.step1')}</List.Item>
              <List.Item>{t('twoFactor.step2')}</List.Item>
              <List.Item>{t('twoFactor.step3')}</List.Item>
            </List>
            <Group justify="center">
              <img
                className="qr-image"
                src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
                alt={t('twoFactor.qrAlt')}
                data-testid="totp-qr"
              />
            </Group>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('twoFactor.secretLabel')}
              </Text>
              <Text
                ff="monospace"
                fz="lg"
                bg="gray.1"
                p="sm"
                data-testid="totp-secret"
                style={{ letterSpacing: 1, wordBreak: 'break-all', borderRadius: 'var(--mantine-radius-sm)' }}
              >
                {/* Groups of four characters are easier to type; apps ignore the spaces. */}
                {setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret}
              </Text>
            </Stack>
            <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="totp-enable-form">
              <Stack gap="md">
                <ErrorAlert error={submit.error} />
                <TextInput
                  label={t('auth.totpCode')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  required
                  {...form.input('code')}
                  data-testid="totp-code"
                />
                <Button type="submit" loading={submit.isSubmitting} fullWidth data-testid="totp-enable-submit">
                  {t('twoFactor.enable')}
                </Button>
              </Stack>
            </form>
          </>
        ) : null}
        {required ? (
          <Button variant="subtle" onClick={() => void signOut()} w="fit-content">
            {t('nav.signOut')}
          </Button>
        ) : null}
      </Stack>
    </AuthCard>
  );
}
