import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, TotpSetup } from '../../lib/api-types.js';
import { useSession } from '../../app/session.js';
import { CodeField } from '../../components/code-field.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageLoader } from '../../components/page-loader.js';
import { CurrentPasswordField } from '../../components/password-field.js';
import { useRedirectOnce } from '../../components/require-auth.js';
import { api } from '../../lib/api.js';
import { isFieldLevelError } from '../../lib/errors.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard, AuthSuccess } from './auth-card.js';
import { useCodeForm } from './use-code-form.js';

const routeApi = getRouteApi('/two-factor');

/** Two-factor enrolment: scan the QR (or type the secret), confirm with a 6-digit code. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  usePageTitle(t('twoFactor.title'));
  const { session } = useSession();
  const { next } = routeApi.useSearch();
  const [justEnabled, setJustEnabled] = useState(false);
  const needsSignIn = session !== null && (session.state === 'anonymous' || session.state === 'mfa_required' || !session.user);
  useRedirectOnce(needsSignIn ? '/sign-in' : null);

  if (!session || needsSignIn || !session.user) return <PageLoader />;
  if (justEnabled) {
    return (
      <AuthCard title={t('twoFactor.title')}>
        <AuthSuccess testId="two-factor-done" heading={t('twoFactor.enabledTitle')} message={t('twoFactor.enabledBody')}>
          <ContinueButton next={next} />
        </AuthSuccess>
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

  const start = useCallback((currentPassword?: string) => {
    setSetupError(null);
    return api
      .post<TotpSetup>('/auth/totp/setup', currentPassword === undefined ? {} : { currentPassword })
      .then(setSetup)
      .catch((error: unknown) => {
        setSetupError(error);
        throw error;
      });
  }, []);

  useEffect(() => {
    // Staff who must enrol right after the password step start at once (one setup per visit, also under React's
    // double effects in development). A fully signed-in user confirms the password first (ASVS 7.5.1).
    if (!required || started.current) return;
    started.current = true;
    start().catch(() => undefined);
  }, [required, start]);

  const { form, submit } = useCodeForm(async (code) => {
    const session = await api.post<SessionInfo>('/auth/totp/enable', { code });
    onEnabled();
    applySession(session);
  });

  return (
    <AuthCard title={t('twoFactor.title')} description={t('twoFactor.intro')} width={560}>
      <Stack gap="md">
        {required ? (
          <Alert color="yellow" variant="light" title={t('twoFactor.requiredTitle')} data-testid="two-factor-required">
            {t('twoFactor.requiredBody')}
          </Alert>
        ) : null}
        {required ? <ErrorAlert error={setupError} /> : null}
        {required && setupError ? (
          <Button variant="default" onClick={() => void start().catch(() => undefined)} w="fit-content">
            {t('common.retry')}
          </Button>
        ) : null}
        {required && !setup && !setupError ? <PageLoader minHeight={160} /> : null}
        {!required && !setup ? <ConfirmPassword onConfirm={start} /> : null}
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
                <CodeField {...form.input('code')} />
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

const CONFIRM_FIELD_ERRORS = { currentPasswordField: 'currentPassword' };

/** Asks for the password again before a signed-in user binds an authenticator. */
function ConfirmPassword({ onConfirm }: { onConfirm: (currentPassword: string) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useFormFields({ currentPassword: '' });
  const submit = useFormSubmit(form, (values) => onConfirm(values.currentPassword), {
    validate: (values) => ({ currentPassword: values.currentPassword ? undefined : t('validation.required') }),
    fieldErrors: CONFIRM_FIELD_ERRORS,
  });
  return (
    <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="totp-password-form">
      <Stack gap="md">
        <Text size="sm">{t('twoFactor.confirmPasswordIntro')}</Text>
        {isFieldLevelError(submit.error, CONFIRM_FIELD_ERRORS) ? null : <ErrorAlert error={submit.error} />}
        <CurrentPasswordField {...form.input('currentPassword')} data-testid="totp-current-password" />
        <Button type="submit" loading={submit.isSubmitting} w="fit-content" data-testid="totp-password-submit">
          {t('twoFactor.start')}
        </Button>
      </Stack>
    </form>
  );
}
