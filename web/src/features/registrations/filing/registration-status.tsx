import { Accordion, Anchor, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { SectionCard } from '../../../components/section-card.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { CaseTimeline, ClockBadge, CommentsPanel, DocumentList } from '../../cases/index.js';
import { DossierView } from '../processing/dossier-view.js';
import { commentOnRegistration, documentUrl, newIdempotencyKey, startAmendment, withdrawRegistration, type RegistrationDetail } from './filing-api.js';
import { FilingWindowNotice } from './filing-parts.js';

/** One fact of the summary: label above, value below. */
function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/**
 * A submitted registration as its filer follows it: facts, clocks, the decision's download, withdrawal, the
 * amendment/extension start for an issued one, documents, the dossier as filed, messages with DOST and the timeline.
 */
export function RegistrationStatus({ detail, onChanged }: { detail: RegistrationDetail; onChanged: (revision?: number) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const open = detail.clocks.filter((clock) => clock.stoppedOn === null);
  const kindLabel = (value: string) => t(`registrationFiling.documentKinds.${value}`, { defaultValue: value });
  const canComment = !['draft', 'withdrawn'].includes(detail.status);

  return (
    <Stack gap="lg">
      <SectionCard headingId="registration-summary" title={t('registrationFiling.status.summary')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label={t('registrationFiling.status.reference')} value={detail.referenceNo} testId="registration-reference" />
          <Fact label={t('registrationFiling.status.purpose')} value={t(`registrationFiling.purposes.${detail.purpose}`)} />
          <Fact label={t('registrationFiling.status.received')} value={detail.receivedOn ? formatDate(detail.receivedOn, language) : '—'} />
          <Fact label={t('registrationFiling.status.version')} value={String(detail.version)} />
          <Fact label={t('registrationFiling.status.authority')} value={detail.authority ? t(`registrationFiling.authorities.${detail.authority}`) : '—'} />
          <Fact label={t('registrationFiling.status.fee')} value={detail.feeVnd === null ? '—' : `${formatNumber(detail.feeVnd, language)} ₫`} testId="registration-fee" />
        </SimpleGrid>
        {open.length > 0 ? (
          <Group gap="sm" mt="md" wrap="wrap" data-testid="registration-clocks">
            {open.map((clock) => (
              <ClockBadge key={clock.kind} clock={clock} withKind />
            ))}
          </Group>
        ) : null}
        <Stack mt="md" gap="sm">
          <FilingWindowNotice window={detail.filingWindow} />
          <DecisionLinks detail={detail} />
        </Stack>
      </SectionCard>
      <ApplicantActions detail={detail} onChanged={onChanged} />
      <SectionCard headingId="registration-documents" title={t('registrationFiling.status.documents')}>
        <DocumentList documents={detail.documents} kindLabel={kindLabel} downloadUrl={(document) => documentUrl(detail.id, document.id)} />
      </SectionCard>
      <Accordion variant="contained">
        <Accordion.Item value="dossier">
          <Accordion.Control>{t('registrationFiling.status.dossier')}</Accordion.Control>
          <Accordion.Panel>
            <DossierView data={detail.data} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <SectionCard headingId="registration-messages" title={t('registrationFiling.status.messages')} description={t('registrationFiling.status.messagesHint')}>
        <CommentsPanel
          comments={detail.comments}
          {...(canComment
            ? {
                onAdd: async ({ body }) => {
                  await commentOnRegistration(detail.id, body);
                  onChanged();
                },
              }
            : {})}
        />
      </SectionCard>
      <SectionCard headingId="registration-timeline" title={t('registrationFiling.status.timeline')}>
        <CaseTimeline events={detail.events} actionLabel={(action) => t(`registrationFiling.events.${action}`, { defaultValue: action })} statusLabel={(status) => t(`registrationProcessing.statuses.${status}`, { defaultValue: status })} newestFirst />
      </SectionCard>
    </Stack>
  );
}

function DecisionLinks({ detail }: { detail: RegistrationDetail }) {
  const { t } = useTranslation();
  if (!detail.certificateUrl && !detail.refusalUrl) return null;
  return (
    <Group gap="md">
      {detail.certificateUrl ? (
        <Anchor href={detail.certificateUrl} data-testid="certificate-download">
          {t('registrationFiling.status.certificate')}
        </Anchor>
      ) : null}
      {detail.refusalUrl ? (
        <Anchor href={detail.refusalUrl} data-testid="refusal-download">
          {t('registrationFiling.status.refusal')}
        </Anchor>
      ) : null}
    </Group>
  );
}

/** Withdraw (with a reason, confirmed) and, for an issued registration, start an amendment or extension. */
function ApplicantActions({ detail, onChanged }: { detail: RegistrationDetail; onChanged: (revision?: number) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const amendKey = useRef(newIdempotencyKey());
  const canWithdraw = detail.availableActions.includes('withdraw');
  const canAmend = detail.status === 'issued';
  if (!canWithdraw && !canAmend) return null;

  const withdraw = async () => {
    setBusy('withdraw');
    setError(null);
    try {
      const answer = await withdrawRegistration(detail.id, detail.revision, reason.trim() || undefined);
      setConfirming(false);
      onChanged(answer.revision);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  const amend = async (purpose: 'amendment' | 'extension') => {
    setBusy(purpose);
    setError(null);
    try {
      const created = await startAmendment(detail.id, purpose, `${amendKey.current}-${purpose}`);
      await navigate({ to: '/registrations/$caseId', params: { caseId: created.id }, search: {} });
    } catch (cause) {
      setError(cause);
      setBusy(null);
    }
  };

  return (
    <SectionCard headingId="registration-actions" title={t('registrationFiling.status.actions')}>
      <Group gap="sm" wrap="wrap">
        {canAmend ? (
          <>
            <Button onClick={() => void amend('amendment')} loading={busy === 'amendment'} data-testid="start-amendment">
              {t('registrationFiling.status.amend')}
            </Button>
            <Button variant="light" onClick={() => void amend('extension')} loading={busy === 'extension'} data-testid="start-extension">
              {t('registrationFiling.status.extend')}
            </Button>
          </>
        ) : null}
        {canWithdraw ? (
          <Button variant="outline" color="red.9" onClick={() => setConfirming(true)} data-testid="withdraw-open">
            {t('registrationFiling.status.withdraw')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={confirming ? null : error} mt="sm" />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('registrationFiling.status.withdrawTitle')}>
        <Stack>
          <Text size="sm">{t('registrationFiling.status.withdrawConfirm', { reference: detail.referenceNo })}</Text>
          <Textarea label={t('registrationFiling.status.withdrawReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('registrationFiling.form.cancel')}
            </Button>
            <Button color="red" onClick={() => void withdraw()} loading={busy === 'withdraw'} data-testid="withdraw-confirm">
              {t('registrationFiling.status.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
