import { Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageLoader } from '../../components/page-loader.js';
import { api, ApiError } from '../../lib/api.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard, AuthSuccess } from './auth-card.js';

const routeApi = getRouteApi('/verify-email');

/** Opened from the verification e-mail; confirms the token once. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.verifyTitle'));
  const { token } = routeApi.useSearch();
  const [status, setStatus] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [error, setError] = useState<unknown>(token ? null : new ApiError(400, 'TOKEN_INVALID', 'missing token'));
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    // The token is single-use: send it once even when React runs effects twice.
    if (!token || sentFor.current === token) return;
    sentFor.current = token;
    api
      .post('/auth/verify-email', { token })
      .then(() => setStatus('done'))
      .catch((cause: unknown) => {
        setError(cause);
        setStatus('failed');
      });
  }, [token]);

  return (
    <AuthCard title={t('auth.verifyTitle')}>
      {status === 'working' ? <PageLoader minHeight={120} /> : null}
      {status === 'done' ? (
        <AuthSuccess testId="verify-email-done" heading={t('auth.verifyDoneTitle')} message={t('auth.verifyDoneBody')}>
          <ButtonLink to="/sign-in" data-testid="verify-email-sign-in">
            {t('auth.goToSignIn')}
          </ButtonLink>
        </AuthSuccess>
      ) : null}
      {status === 'failed' ? (
        <Stack gap="md" data-testid="verify-email-failed">
          <ErrorAlert error={error} />
          <ButtonLink to="/sign-in" variant="light">
            {t('auth.goToSignIn')}
          </ButtonLink>
        </Stack>
      ) : null}
    </AuthCard>
  );
}
