import { Alert, Button, Checkbox, Container, NativeSelect, SimpleGrid, Radio, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { NATIONAL_LIST_STATUSES } from '../../../../../common/src/api/exchange-listings.js';
import { REVIEW_CHECKS, type ReviewDetail, type ReviewDecision } from '../../../../../common/src/api/exchange-review.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SectionCard } from '../../../components/section-card.js';
import { api } from '../../../lib/api.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { ListingHistory, ListingStatusBadges } from '../listings/listing-parts.js';
import { localTitle } from '../listings/listings-api.js';
import { RevisionContent } from './revision-content.js';

const routeApi = getRouteApi('/work/exchange/review/$id');
type Detail = z.infer<typeof ReviewDetail>;

/** Review of one listing: the submitted revision next to the published one, the classifier's advice, the decision. */
export function ReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeReview.queue.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="exchange.listings.review">
        <Review />
      </RequireAuth>
    </Container>
  );
}

function Suggestion({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const suggestion = detail.submitted?.classification;
  const en = i18n.language.startsWith('en');
  return (
    <SectionCard headingId="review-classification" title={t('exchangeReview.classification.title')} description={t('exchangeReview.classification.advisory')}>
      {!suggestion ? (
        <Text c="dimmed">{t('exchangeReview.classification.none')}</Text>
      ) : (
        <Stack gap="xs">
          {suggestion.warning ? <Alert color={suggestion.warning === 'prohibited' ? 'red' : 'orange'}>{t(`exchangeReview.warning.${suggestion.warning}`)}</Alert> : null}
          <Text size="sm" fw={600}>
            {t('exchangeReview.classification.suggestedListStatus', { status: t(`exchange.nationalListStatuses.${suggestion.suggestedListStatus}`) })}
          </Text>
          <Text size="sm" fw={600}>
            {t('exchangeReview.classification.catalogItems')}
          </Text>
          {suggestion.catalogItems.map((item) => (
            <Text key={item.code} size="sm">
              {item.code} {en ? item.nameEn : item.nameVi} · {t('exchangeReview.classification.score', { score: Math.round(item.score * 100) })}
            </Text>
          ))}
          <Text size="sm" fw={600}>
            {t('exchangeReview.classification.listItems')}
          </Text>
          {suggestion.listItems.map((item) => (
            <Text key={item.id} size="sm">
              {en ? item.nameEn : item.nameVi} ({en ? item.citationEn : item.citationVi}) · {t('exchangeReview.classification.score', { score: Math.round(item.score * 100) })}
            </Text>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function DecisionForm({ detail, onDone }: { detail: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const suggestion = detail.submitted?.classification;
  const [checks, setChecks] = useState<Record<(typeof REVIEW_CHECKS)[number], boolean>>({ complete: false, notProhibited: false, notAdvertising: false, contactPolicy: false });
  const [decision, setDecision] = useState<ReviewDecision>('publish');
  const [comment, setComment] = useState('');
  const [codes, setCodes] = useState<string[]>(detail.submitted?.content.catalogItemCodes ?? []);
  const [listStatus, setListStatus] = useState<string>(suggestion?.suggestedListStatus ?? 'not_listed');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/exchange/reviews/${encodeURIComponent(detail.listing.id)}/decision`, {
        lockVersion: detail.listing.lockVersion,
        decision,
        checklist: checks,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(decision === 'publish' ? { catalogItemCodes: codes, nationalListStatus: listStatus } : {}),
      });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <SectionCard headingId="review-decision" title={t('exchangeReview.decision.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {/* Inside a Checkbox.Group a box shows the group's value (not its own `checked`): the group is controlled. */}
          <Checkbox.Group
            label={t('exchangeReview.decision.checklist')}
            description={t('exchangeReview.decision.checklistHelp')}
            value={REVIEW_CHECKS.filter((check) => checks[check])}
            onChange={(ticked) => setChecks(Object.fromEntries(REVIEW_CHECKS.map((check) => [check, ticked.includes(check)])) as typeof checks)}
          >
            <Stack gap="xs" mt="xs">
              {REVIEW_CHECKS.map((check) => (
                <Checkbox key={check} value={check} label={t(`exchangeReview.decision.checks.${check}`)} data-testid={`check-${check}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Radio.Group label={t('exchangeReview.decision.choice')} value={decision} onChange={(value) => setDecision(value as ReviewDecision)}>
            <Stack gap="xs" mt="xs">
              {(['publish', 'return', 'reject'] as const).map((value) => (
                <Radio key={value} value={value} label={t(`exchangeReview.decision.choices.${value}`)} data-testid={`decision-${value}`} />
              ))}
            </Stack>
          </Radio.Group>
          {decision === 'publish' ? (
            <>
              <TagsInput label={t('exchangeReview.decision.catalogItems')} description={t('exchangeReview.decision.catalogItemsHelp')} value={codes} onChange={setCodes} maxTags={10} />
              <NativeSelect label={t('exchangeReview.decision.nationalListStatus')} value={listStatus} onChange={(event) => setListStatus(event.currentTarget.value)} data={NATIONAL_LIST_STATUSES.map((value) => ({ value, label: t(`exchange.nationalListStatuses.${value}`) }))} />
            </>
          ) : null}
          <Textarea label={t('exchangeReview.decision.comment')} description={decision === 'publish' ? undefined : t('exchangeReview.decision.commentRequired')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} maxLength={4000} autosize minRows={3} required={decision !== 'publish'} />
          <Button type="submit" loading={busy} data-testid="decision-submit">
            {t('exchangeReview.decision.submit')}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}

function Review() {
  const { t, i18n } = useTranslation();
  const { id } = routeApi.useParams();
  const query = useApiQuery<Detail>(`/exchange/reviews/${encodeURIComponent(id)}`);
  const [done, setDone] = useState(false);
  const detail = query.data;
  if (!detail) return query.error ? <ErrorAlert error={query.error} /> : <PageLoader />;
  const { listing } = detail;
  return (
    <>
      <AnchorLink to="/work/exchange/review" size="sm">
        {t('exchangeReview.page.back')}
      </AnchorLink>
      <PageHeader title={t('exchangeReview.page.title', { reference: listing.reference })} description={`${localTitle(listing.title, i18n.language)} · ${t(`exchange.kinds.${listing.kind}`)} · ${listing.organisationName ?? t('exchangeReview.page.person')}`} />
      <Stack gap="md">
        <ListingStatusBadges status={listing.status} workingRevisionStatus={listing.workingRevisionStatus} />
        {done ? (
          <Alert color="green" role="status">
            {t('exchangeReview.decision.done')}
          </Alert>
        ) : null}
        {detail.openReports > 0 ? <Alert color="orange">{t('exchangeReview.page.openReports', { count: detail.openReports })}</Alert> : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <div>
            {detail.submitted ? <RevisionContent revision={detail.submitted} heading={t('exchangeReview.page.submitted', { number: detail.submitted.number })} /> : <Text c="dimmed">{t('exchangeReview.page.noSubmitted')}</Text>}
          </div>
          <div>
            {detail.published ? <RevisionContent revision={detail.published} heading={t('exchangeReview.page.published', { number: detail.published.number })} /> : <Text c="dimmed">{t('exchangeReview.page.noPublished')}</Text>}
          </div>
        </SimpleGrid>
        <Suggestion detail={detail} />
        {detail.canDecide ? (
          <DecisionForm
            detail={detail}
            onDone={() => {
              setDone(true);
              query.reload();
            }}
          />
        ) : null}
        <SectionCard headingId="review-history" title={t('exchangeReview.page.history')}>
          <ListingHistory events={detail.events} />
        </SectionCard>
      </Stack>
    </>
  );
}
