import { Alert, Anchor, Badge, Button, Card, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageBreadcrumbs } from '../../../components/page-breadcrumbs.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { ApiError } from '../../../lib/api.js';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { CaseTimeline, ClockBadge, CommentsPanel, DocumentList } from '../../cases/index.js';
import { AssignmentPanel, CaseActions } from './case-actions.js';
import { DossierView } from './dossier-view.js';
import { addStaffComment, caseDetailPath, caseStep, type StaffRegistrationDetail } from './processing-api.js';
import { StatusBadge } from './processing-parts.js';
import { ReviewPanel } from './review-panel.js';
import { RiskFlagsPanel } from './risk-flags-panel.js';

const routeApi = getRouteApi('/work/registrations/$caseId');

export function RegistrationCasePage() {
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="registration.process">
        <CaseContent />
      </RequireAuth>
    </Container>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <Title order={2} size="h4" mb="sm" id={`${testId}-title`}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** An officer who is not assigned: why they see nothing, and the way to take the case when nobody has it. */
function NotAssigned({ error, caseId, onTaken }: { error: ApiError; caseId: string; onTaken: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [takeError, setTakeError] = useState<unknown>(null);
  const details = notAssignedDetails(error);
  const take = async (revision: number) => {
    setBusy(true);
    setTakeError(null);
    try {
      await caseStep(caseId, 'take', { revision });
      onTaken();
    } catch (cause) {
      setTakeError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="yellow" variant="light" data-testid="not-assigned">
      <Stack gap="sm">
        <Text size="sm">{t('registrationProcessing.detail.notAssigned', { reference: details.referenceNo ?? '' })}</Text>
        {details.canTake && details.revision ? (
          <Group>
            <Text size="sm">{t('registrationProcessing.detail.takeHint')}</Text>
            <Button size="xs" loading={busy} onClick={() => void take(details.revision!)} data-testid="not-assigned-take">
              {t('registrationProcessing.queue.take')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={takeError} />
      </Stack>
    </Alert>
  );
}

function notAssignedDetails(error: ApiError): { canTake?: boolean; revision?: number; referenceNo?: string } {
  return (error.details ?? {}) as { canTake?: boolean; revision?: number; referenceNo?: string };
}

function CaseContent() {
  const { t } = useTranslation();
  const { caseId } = routeApi.useParams();
  const query = useApiQuery<StaffRegistrationDetail>(caseDetailPath(caseId));
  const detail = query.data;
  usePageTitle(detail ? `${detail.referenceNo} · ${t('registrationProcessing.queue.title')}` : t('registrationProcessing.queue.title'));
  const notAssigned = query.error instanceof ApiError && query.error.code === 'CASE_NOT_ASSIGNED' ? query.error : null;
  const breadcrumbs = (
    <PageBreadcrumbs current={detail?.referenceNo ?? (notAssigned ? notAssignedDetails(notAssigned).referenceNo : undefined) ?? t('registrationProcessing.detail.loading')}>
      <AnchorLink to="/work/registrations" size="sm">
        {t('registrationProcessing.queue.title')}
      </AnchorLink>
    </PageBreadcrumbs>
  );
  if (notAssigned) {
    return (
      <>
        {breadcrumbs}
        <NotAssigned error={notAssigned} caseId={caseId} onTaken={query.reload} />
      </>
    );
  }
  if (!detail) {
    return (
      <>
        {breadcrumbs}
        <ErrorAlert error={query.error} />
        {query.isLoading ? <PageLoader /> : null}
      </>
    );
  }
  return (
    <>
      {breadcrumbs}
      <ErrorAlert error={query.error} mb="md" />
      <CaseView detail={detail} reload={query.reload} />
    </>
  );
}

function CaseHeader({ detail }: { detail: StaffRegistrationDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Stack gap="xs" mb="md">
      <Group gap="sm" wrap="wrap">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {detail.title}
        </Title>
        <StatusBadge status={detail.status} />
      </Group>
      <Group gap="lg" wrap="wrap">
        <Text size="sm" ff="monospace" data-testid="case-reference">
          {detail.referenceNo}
        </Text>
        <Text size="sm">
          {t('registrationProcessing.detail.applicant')}: {detail.organisationName}
        </Text>
        <Text size="sm">
          {t('registrationProcessing.detail.received')}: {formatDate(detail.receivedOn, language)}
        </Text>
        <Text size="sm">
          {t('registrationProcessing.detail.purpose')}: {t(`registrationProcessing.purposes.${detail.purpose}`)}
        </Text>
        <Text size="sm">
          {t('registrationProcessing.detail.submittedVersion')}: {detail.version}
        </Text>
        {detail.authority ? (
          <Text size="sm">
            {t('registrationProcessing.detail.authority')}: {detail.authority}
          </Text>
        ) : null}
        {detail.feeVnd !== null ? (
          <Text size="sm">
            {t('registrationProcessing.detail.fee')}: {formatNumber(detail.feeVnd, language)} ₫
          </Text>
        ) : null}
      </Group>
      {detail.isLate && detail.filingWindow ? (
        <Alert color="orange" variant="light" data-testid="late-warning">
          {t('registrationProcessing.detail.lateWarning', { days: detail.filingWindow.windowDays, due: formatDate(detail.filingWindow.dueOn, language) })}
        </Alert>
      ) : null}
    </Stack>
  );
}

function DecisionCard({ detail }: { detail: StaffRegistrationDetail }) {
  const { t, i18n } = useTranslation();
  const decision = detail.decision;
  return (
    <Stack gap={6} data-testid="decision">
      {decision ? (
        <>
          <Badge color={decision.kind === 'certificate' ? 'teal' : 'red'} variant="light" tt="none">
            {t(`registrationProcessing.decision.${decision.kind}`)}
          </Badge>
          {decision.draftedBy ? <Text size="sm">{t('registrationProcessing.decision.draftedBy', { name: decision.draftedBy.name, at: formatDateTime(decision.draftedAt, i18n.language) })}</Text> : null}
          {decision.reasons ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600}>
                {t('registrationProcessing.decision.reasons')}:{' '}
              </Text>
              {decision.reasons}
            </Text>
          ) : null}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('registrationProcessing.decision.none')}
        </Text>
      )}
      {detail.certificateUrl ? (
        <Anchor href={detail.certificateUrl} size="sm" data-testid="certificate-link">
          {t('registrationProcessing.detail.certificate')}
        </Anchor>
      ) : null}
      {detail.refusalUrl ? (
        <Anchor href={detail.refusalUrl} size="sm" data-testid="refusal-link">
          {t('registrationProcessing.detail.refusal')}
        </Anchor>
      ) : null}
    </Stack>
  );
}

function CaseView({ detail, reload }: { detail: StaffRegistrationDetail; reload: () => void }) {
  const { t } = useTranslation();
  const openClocks = detail.clocks.filter((clock) => clock.stoppedOn === null);
  return (
    <>
      <CaseHeader detail={detail} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Section title={t('registrationProcessing.detail.sections.actions')} testId="section-actions">
              <CaseActions detail={detail} onChanged={reload} />
            </Section>
            <Section title={t('registrationProcessing.detail.clocks')} testId="section-clocks">
              <Stack gap={6} align="flex-start">
                {(openClocks.length > 0 ? openClocks : detail.clocks.slice(-1)).map((clock) => (
                  <ClockBadge key={`${clock.kind}-${clock.startedOn}`} clock={clock} withKind />
                ))}
                {detail.clocks.length === 0 ? <Text size="sm">{t('cases.clock.none')}</Text> : null}
              </Stack>
            </Section>
            <Section title={t('registrationProcessing.detail.officer')} testId="section-assignment">
              <AssignmentPanel detail={detail} onChanged={reload} />
            </Section>
            <Section title={t('registrationProcessing.detail.sections.decision')} testId="section-decision">
              <DecisionCard detail={detail} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Section title={t('registrationProcessing.detail.sections.flags')} testId="section-flags">
              <RiskFlagsPanel flags={detail.riskFlags} />
            </Section>
            <Section title={t('registrationProcessing.detail.sections.dossier')} testId="section-dossier">
              <DossierView data={detail.data} />
            </Section>
            <Section title={t('registrationProcessing.detail.sections.documents')} testId="section-documents">
              <DocumentList
                documents={detail.documents}
                kindLabel={(kind) => t(`registrationProcessing.documentKinds.${kind}`, { defaultValue: kind })}
                downloadUrl={(document) => `/api/v1/registrations/${detail.id}/documents/${document.id}`}
              />
            </Section>
            <Section title={t('registrationProcessing.detail.sections.review')} testId="section-review">
              <ReviewPanel key={detail.revision} detail={detail} onSaved={reload} />
            </Section>
            <Section title={t('registrationProcessing.detail.sections.comments')} testId="section-comments">
              <CommentsPanel
                comments={detail.comments}
                canChooseVisibility
                onAdd={async (input) => {
                  await addStaffComment(detail.id, input);
                  reload();
                }}
              />
            </Section>
            <Section title={t('registrationProcessing.detail.sections.timeline')} testId="section-timeline">
              <CaseTimeline events={detail.events} actionLabel={(action) => t(`registrationProcessing.events.${action}`, { defaultValue: action })} statusLabel={(status) => t(`registrationProcessing.statuses.${status}`)} newestFirst />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
