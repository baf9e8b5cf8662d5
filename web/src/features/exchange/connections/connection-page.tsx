import { Alert, Anchor, Button, Container, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDetail } from '../../../../../common/src/api/exchange-connections.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FormButtons } from '../../../components/form-buttons.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SectionCard } from '../../../components/section-card.js';
import { api } from '../../../lib/api.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { useSubmit } from '../../../lib/forms.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { ConnectionStatusBadge, ReplyTargetBadge } from './connection-badges.js';
import { ConnectionOutcomes } from './connection-outcomes.js';
import { ConnectionThread } from './connection-thread.js';

const routeApi = getRouteApi('/exchange/connections/$id');

/** One connection as a party sees it: the three answers, the owner's decision, the thread and the outcome trail. */
export function ConnectionPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeConnections.list.title'));
  return (
    <Container size="lg" py="xl">
      <RequireAuth permission="exchange.connect">
        <ConnectionContent />
      </RequireAuth>
    </Container>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function ConnectionContent() {
  const { t, i18n } = useTranslation();
  const { id } = routeApi.useParams();
  const connection = useApiQuery<ConnectionDetail>(`/exchange/connections/${encodeURIComponent(id)}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [modal, setModal] = useState<'decline' | 'withdraw' | null>(null);
  const [reason, setReason] = useState('');
  const data = connection.data;

  const act = useSubmit(async () => {
    if (!data || !modal) return undefined;
    await api.post(`/exchange/connections/${data.id}/${modal}`, { lockVersion: data.lockVersion, ...(modal === 'decline' && reason.trim() ? { reason: reason.trim() } : {}) });
    setNotice(t(modal === 'decline' ? 'exchangeConnections.actions.declined' : 'exchangeConnections.actions.withdrawn'));
    setModal(null);
    setReason('');
    connection.reload();
    return undefined;
  });
  const accept = useSubmit(async () => {
    if (!data) return undefined;
    await api.post(`/exchange/connections/${data.id}/accept`, { lockVersion: data.lockVersion });
    setNotice(t('exchangeConnections.actions.accepted'));
    connection.reload();
    return undefined;
  });

  if (!data) return connection.error ? <ErrorAlert error={connection.error} /> : <PageLoader />;
  const closeModal = () => {
    act.reset();
    setModal(null);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('exchangeConnections.detail.title', { reference: data.listingReference })}
        description={data.listingTitle}
        actions={
          <Group gap="xs">
            <AnchorLink to="/exchange/connections" data-testid="back-to-connections">
              {t('exchangeConnections.detail.backToList')}
            </AnchorLink>
            <Anchor href={`/exchange/listings/${data.listingId}`} data-testid="open-listing">
              {t('exchangeConnections.detail.openListing')}
            </Anchor>
          </Group>
        }
      />
      {notice ? (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')} data-testid="connection-notice">
          {notice}
        </Alert>
      ) : null}
      <ErrorAlert error={accept.error} />

      <SectionCard headingId="connection-summary" title={t('exchangeConnections.detail.answers')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md">
          <Field label={t('exchangeConnections.detail.owner')}>{data.ownerPartyName || t('exchangeConnections.ownerUndisclosed')}</Field>
          <Field label={t('exchangeConnections.detail.initiator')}>{data.initiatorPartyName}</Field>
          <Field label={t('exchangeConnections.detail.status')}>
            <ConnectionStatusBadge status={data.status} />
          </Field>
          <Field label={t('exchangeConnections.detail.replyDueOn')}>
            <Group gap="xs">
              <span>{formatDate(data.replyDueOn, i18n.language)}</span>
              <ReplyTargetBadge state={data.replyTarget} dueOn={data.replyDueOn} />
            </Group>
          </Field>
          {data.firstReplyAt ? <Field label={t('exchangeConnections.detail.firstReplyAt')}>{formatDateTime(data.firstReplyAt, i18n.language)}</Field> : null}
          {data.initiatorListing ? (
            <Field label={t('exchangeConnections.detail.fromListing')}>
              <Anchor href={`/exchange/listings/${data.initiatorListing.id}`}>{`${data.initiatorListing.reference} · ${data.initiatorListing.title}`}</Anchor>
            </Field>
          ) : null}
        </SimpleGrid>
        <Stack gap="sm">
          {(['cooperationSought', 'missingInformation', 'aboutUs'] as const).map((key) => (
            <div key={key}>
              <Text size="sm" fw={600}>
                {t(`exchangeConnections.questions.${key}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={`answer-${key}`}>
                {data[key]}
              </Text>
            </div>
          ))}
          {data.declineReason ? (
            <Alert color="red" variant="light" title={t('exchangeConnections.detail.declineReason')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.declineReason}
              </Text>
            </Alert>
          ) : null}
        </Stack>
        {data.actions.some((action) => action === 'accept' || action === 'decline' || action === 'withdraw') ? (
          <Group mt="md" gap="sm">
            {data.actions.includes('accept') ? (
              <Button onClick={() => void accept.onSubmit()} loading={accept.isSubmitting} data-testid="connection-accept">
                {t('exchangeConnections.actions.accept')}
              </Button>
            ) : null}
            {data.actions.includes('decline') ? (
              <Button variant="light" color="red" onClick={() => setModal('decline')} data-testid="connection-decline">
                {t('exchangeConnections.actions.decline')}
              </Button>
            ) : null}
            {data.actions.includes('withdraw') ? (
              <Button variant="light" color="gray" onClick={() => setModal('withdraw')} data-testid="connection-withdraw">
                {t('exchangeConnections.actions.withdraw')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </SectionCard>

      <ConnectionThread connection={data} onPosted={() => connection.reload()} />
      <ConnectionOutcomes connection={data} onRecorded={() => connection.reload()} />

      <Modal
        opened={modal !== null}
        onClose={closeModal}
        title={t(modal === 'decline' ? 'exchangeConnections.actions.declineTitle' : 'exchangeConnections.actions.withdrawTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={(event) => void act.onSubmit(event)} noValidate data-testid="connection-action-form">
          <Stack gap="md">
            <ErrorAlert error={act.error} />
            {modal === 'decline' ? (
              <Textarea label={t('exchangeConnections.actions.declineReason')} autosize minRows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} data-testid="decline-reason" />
            ) : (
              <Text size="sm">{t('exchangeConnections.actions.withdrawConfirm')}</Text>
            )}
            <FormButtons
              onCancel={closeModal}
              color={modal === 'decline' ? 'red' : undefined}
              label={t(modal === 'decline' ? 'exchangeConnections.actions.declineSubmit' : 'exchangeConnections.actions.withdrawSubmit')}
              submitting={act.isSubmitting}
              testId="connection-action-submit"
            />
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
