import { Alert, Button, Container, Modal, Stack, Text, Textarea } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SectionCard } from '../../../components/section-card.js';
import { formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { ListingFilesPanel } from '../shared/listing-files-panel.js';
import { emptyContent } from './kind-fields.js';
import { ListingHistory, ListingStatusBadges } from './listing-parts.js';
import { ListingForm, type ListingFormValue } from './listing-form.js';
import { createListing, listingStep, localTitle, myListingPath, saveListing, type ContentDraft, type OwnListingDetail } from './listings-api.js';

const newRoute = getRouteApi('/exchange/mine/new');
const editRoute = getRouteApi('/exchange/mine/$id');

/** A new listing of the kind in the URL (?kind=offer|demand|expert|intermediary); saved as a draft, then edited. */
export function NewListingPage() {
  const { t, i18n } = useTranslation();
  const kind = newRoute.useSearch().kind ?? 'offer';
  const navigate = useNavigate();
  usePageTitle(t('exchangeListings.form.newTitle', { kind: t(`exchange.kinds.${kind}`) }));
  const initial: ListingFormValue = { content: emptyContent(kind, i18n.language.startsWith('en') ? 'en' : 'vi'), visibility: 'public', organisationId: null };
  return (
    <Container size="md" py="xl">
      <RequireAuth permission="exchange.listings.write">
        <PageHeader title={t('exchangeListings.form.newTitle', { kind: t(`exchange.kinds.${kind}`) })} description={t('exchangeListings.form.newIntro')} />
        <ListingForm
          key={kind}
          initial={initial}
          isNew
          editable
          canSubmit
          onSave={async (value, andSubmit) => {
            const state = await createListing({ visibility: value.visibility, content: value.content, ...(value.organisationId ? { organisationId: value.organisationId } : {}) });
            if (andSubmit) await listingStep(state.id, 'submit', { lockVersion: state.lockVersion });
            await navigate({ to: '/exchange/mine/$id', params: { id: state.id } });
          }}
          extra={
            <Text size="sm" c="dimmed" mt="lg">
              {t('exchangeListings.form.filesAfterSave')}
            </Text>
          }
        />
      </RequireAuth>
    </Container>
  );
}

/** One of the caller's listings: the form on the working revision, the owner's actions, the files, the history. */
export function EditListingPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeListings.form.editTitle'));
  return (
    <Container size="md" py="xl">
      <RequireAuth permission="exchange.listings.write">
        <EditListing />
      </RequireAuth>
    </Container>
  );
}

function EditListing() {
  const { t, i18n } = useTranslation();
  const { id } = editRoute.useParams();
  const query = useApiQuery<OwnListingDetail>(myListingPath(id));
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'withdraw' | 'discard' | null>(null);
  const [reason, setReason] = useState('');
  const [stepError, setStepError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const detail = query.data;
  if (!detail) return query.error ? <ErrorAlert error={query.error} /> : <PageLoader />;

  const revision = detail.working ?? detail.published;
  const content = (revision?.content ?? emptyContent(detail.kind, 'vi')) as ContentDraft;
  const editable = detail.availableActions.includes('edit');
  const reload = async (message: string) => {
    setNotice(message);
    await query.reload();
  };
  const step = async (name: 'renew' | 'withdraw' | 'discard') => {
    setBusy(true);
    setStepError(null);
    try {
      await listingStep(detail.id, name, { lockVersion: detail.lockVersion, ...(name === 'withdraw' && reason.trim() ? { reason: reason.trim() } : {}) });
      setConfirm(null);
      await reload(t(`exchangeListings.notices.${name}`));
    } catch (error) {
      setStepError(error);
    } finally {
      setBusy(false);
    }
  };
  const fileIds = content.fileIds ?? [];

  return (
    <>
      <PageHeader title={localTitle(revision?.content.title, i18n.language) || detail.reference} description={`${detail.reference} · ${t(`exchange.kinds.${detail.kind}`)}${detail.organisationName ? ` · ${detail.organisationName}` : ''}`} />
      <Stack gap="md" mb="lg">
        <ListingStatusBadges status={detail.status} workingRevisionStatus={detail.workingRevisionStatus} />
        {notice ? (
          <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
        <ErrorAlert error={stepError} />
        {detail.working?.status === 'returned' && detail.working.reviewComment ? (
          <Alert color="orange" title={t('exchangeListings.state.returned')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.working.reviewComment}</Text>
          </Alert>
        ) : null}
        {detail.working?.status === 'in_review' ? <Alert color="blue">{t(detail.status === 'published' ? 'exchangeListings.state.editInReview' : 'exchangeListings.state.inReview')}</Alert> : null}
        {detail.status === 'published' && detail.working && detail.working.status !== 'in_review' ? <Alert color="blue">{t('exchangeListings.state.editDraft')}</Alert> : null}
        {detail.status === 'published' ? (
          <Text size="sm">
            {t('exchange.validUntil', { date: formatDate(detail.validUntil, i18n.language) })}
            {detail.renewableFrom && !detail.availableActions.includes('renew') ? ` · ${t('exchangeListings.state.renewableFrom', { date: formatDate(detail.renewableFrom, i18n.language) })}` : ''}{' '}
            <AnchorLink to="/exchange/listings/$id" params={{ id: detail.id }} size="sm">
              {t('exchangeListings.state.viewPublished')}
            </AnchorLink>
          </Text>
        ) : null}
        {detail.status === 'expired' ? <Alert color="orange">{t('exchangeListings.state.expired')}</Alert> : null}
        {detail.status === 'rejected' ? <Alert color="red">{t('exchangeListings.state.rejected')}</Alert> : null}
      </Stack>
      <ListingForm
        key={`${revision?.id ?? 'none'}-${detail.lockVersion}`}
        initial={{ content, visibility: revision?.visibility ?? detail.visibility }}
        isNew={false}
        editable={editable}
        canSubmit={editable && ['draft', 'returned', 'published'].includes(detail.status)}
        onSave={async (value, andSubmit) => {
          const saved = await saveListing(detail.id, { lockVersion: detail.lockVersion, visibility: value.visibility, content: value.content });
          if (andSubmit) await listingStep(detail.id, 'submit', { lockVersion: saved.lockVersion });
          await reload(t(andSubmit ? 'exchangeListings.notices.submit' : 'exchangeListings.notices.save'));
        }}
        extra={
          <SectionCard headingId="listing-files" title={t('exchangeListings.form.files')} description={editable ? t('exchangeListings.form.filesHelp') : undefined}>
            <ListingFilesPanel
              listingId={detail.id}
              fileIds={fileIds}
              editable={editable}
              onChange={(next) =>
                void saveListing(detail.id, { lockVersion: detail.lockVersion, visibility: revision?.visibility ?? detail.visibility, content: { ...content, fileIds: next } as ContentDraft })
                  .then(() => reload(t('exchangeListings.notices.save')))
                  .catch(setStepError)
              }
            />
          </SectionCard>
        }
        extraActions={
          <>
            {detail.availableActions.includes('renew') ? (
              <Button variant="light" color="green.9" loading={busy} onClick={() => void step('renew')} data-testid="listing-renew">
                {t('exchangeListings.actions.renew')}
              </Button>
            ) : null}
            {detail.availableActions.includes('discard') ? (
              <Button variant="subtle" onClick={() => setConfirm('discard')} data-testid="listing-discard">
                {t('exchangeListings.actions.discard')}
              </Button>
            ) : null}
            {detail.availableActions.includes('withdraw') ? (
              <Button variant="subtle" color="red.9" c="red.9" onClick={() => setConfirm('withdraw')} data-testid="listing-withdraw">
                {t('exchangeListings.actions.withdraw')}
              </Button>
            ) : null}
          </>
        }
      />
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm ? t(`exchangeListings.actions.${confirm}Title`) : ''}>
        <Stack>
          <Text size="sm">{confirm ? t(`exchangeListings.actions.${confirm}Confirm`) : ''}</Text>
          {confirm === 'withdraw' ? <Textarea label={t('exchangeListings.actions.withdrawReason')} value={reason} maxLength={2000} onChange={(event) => setReason(event.currentTarget.value)} /> : null}
          <ErrorAlert error={stepError} />
          <Button color="red.9" loading={busy} onClick={() => confirm && void step(confirm)} data-testid="listing-confirm">
            {confirm ? t(`exchangeListings.actions.${confirm}`) : ''}
          </Button>
        </Stack>
      </Modal>
      <SectionCard headingId="listing-history" title={t('exchangeListings.history.title')}>
        <ListingHistory events={detail.events} />
      </SectionCard>
    </>
  );
}
