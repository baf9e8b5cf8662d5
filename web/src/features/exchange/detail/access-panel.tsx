import { Alert, Button, Card, Checkbox, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessRequestView } from '../../../../../common/src/api/exchange-access.js';
import type { ListingView } from '../../../../../common/src/api/exchange-listings.js';
import { useSession } from '../../../app/session.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ButtonLink } from '../../../components/links.js';
import { api } from '../../../lib/api.js';
import { useApiQuery } from '../../../lib/use-api-query.js';

/**
 * What a reader who may not see the detail can do (issue 4 §2): sign in (signed-in or on-request listings), ask for
 * access after acknowledging the NDA statement in force (on-request), see that the request is pending or was declined.
 */
export function AccessPanel({ view, onChanged }: { view: ListingView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { hasPermission } = useSession();
  const href = useRouterState({ select: (state) => state.location.href });
  const { reason } = view.access;
  const mayRequest = (reason === 'request_required' || reason === 'request_declined') && view.status === 'published' && hasPermission('exchange.access.request');
  const nda = useApiQuery<{ text: string; citation: string }>(mayRequest ? '/exchange/nda-statement' : null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [checkError, setCheckError] = useState<string | undefined>();
  const [isSending, setIsSending] = useState(false);

  const send = async () => {
    setError(null);
    if (!acknowledged) return setCheckError(t('exchangeDetail.access.ndaRequired'));
    setIsSending(true);
    try {
      await api.post<AccessRequestView>(`/exchange/listings/${view.teaser.id}/access-requests`, { ndaAcknowledged: true, message: message.trim() || undefined });
      onChanged();
    } catch (cause) {
      setError(cause);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="access-panel" data-reason={reason}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('exchangeDetail.access.title')}
        </Title>
        <Text size="sm">{t(`exchangeDetail.access.reasons.${reason}`)}</Text>
        {reason === 'sign_in_required' ? (
          <ButtonLink to="/sign-in" search={{ next: href }} data-testid="access-sign-in" w="fit-content">
            {t('exchangeDetail.access.signIn')}
          </ButtonLink>
        ) : null}
        {reason === 'request_pending' ? (
          <Alert color="blue" variant="light" data-testid="access-pending">
            {t('exchangeDetail.access.pending')}
          </Alert>
        ) : null}
        {mayRequest ? (
          <Stack gap="sm" component="form" onSubmit={(event) => { event.preventDefault(); void send(); }} aria-label={t('exchangeDetail.access.formTitle')}>
            {reason === 'request_declined' ? (
              <Alert color="orange" variant="light">
                {t('exchangeDetail.access.declinedAgain')}
              </Alert>
            ) : null}
            <Card withBorder padding="sm" bg="gray.0">
              <Text size="sm" fw={600} mb={4}>
                {t('exchangeDetail.access.ndaTitle')}
              </Text>
              <Text size="sm" data-testid="nda-text">
                {nda.data?.text ?? ''}
              </Text>
              {nda.data ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {nda.data.citation}
                </Text>
              ) : null}
            </Card>
            <ErrorAlert error={nda.error} />
            <Checkbox
              label={t('exchangeDetail.access.ndaCheckbox')}
              checked={acknowledged}
              onChange={(event) => {
                setAcknowledged(event.currentTarget.checked);
                setCheckError(undefined);
              }}
              error={checkError}
              data-testid="nda-checkbox"
            />
            <Textarea label={t('exchangeDetail.access.message')} description={t('exchangeDetail.access.messageHelp')} value={message} onChange={(event) => setMessage(event.currentTarget.value)} maxLength={2000} autosize minRows={2} />
            <ErrorAlert error={error} />
            <Button type="submit" loading={isSending} w="fit-content" data-testid="access-request-submit">
              {t('exchangeDetail.access.submit')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
