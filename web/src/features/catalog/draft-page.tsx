import { Alert, Badge, Button, Card, Container, Group, Stack, Table, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../app/not-found-page.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { errorCode } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AmendmentDetails, amendmentTitle } from './amendment-details.js';
import { ApproveModal } from './approve-modal.js';
import { localized, useVersion, useVersions, type CatalogItem } from './catalog-api.js';
import { versionStep, type Amendment, type AmendmentList, type DraftWorkspace, type VersionAction } from './catalog-work-api.js';
import { DiffView } from './diff-view.js';
import { DraftItemModal } from './draft-item-modal.js';
import { ReasonModal } from './reason-modal.js';
import { RejectAmendmentModal } from './reject-amendment-modal.js';
import { VersionFacts } from './version-page.js';
import { VersionHeader } from './version-header.js';

const routeApi = getRouteApi('/catalog/drafts/$id');

export function DraftPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogWork.draft.pageTitle'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="catalog.amendments.read">
        <DraftContent />
      </RequireAuth>
    </Container>
  );
}

type Dialog = 'submit' | 'return' | 'approve' | 'reject' | 'discard' | null;

/** A proposal in a compact card, with the buttons the caller may use on it. */
function AmendmentCard({ amendment, children }: { amendment: Amendment; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="draft-amendment" data-id={amendment.id}>
      <Group justify="space-between" align="flex-start" gap="sm" mb={6}>
        <Group gap="xs" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Badge variant="light" tt="none">
            {t(`catalogWork.kinds.${amendment.kind}`)}
          </Badge>
          <Text ff="monospace" fw={700} size="sm">
            {amendment.itemCode ?? amendment.requestedCode ?? amendment.sectorCode}
          </Text>
          <Text size="sm" fw={600}>
            {amendmentTitle(amendment, i18n.language)}
          </Text>
        </Group>
        <Group gap="xs">{children}</Group>
      </Group>
      <Text size="xs" c="gray.7" mb={4}>
        {amendment.organisationName ?? ''}
      </Text>
      <AmendmentDetails amendment={amendment} />
    </Card>
  );
}

function DraftContent() {
  const { t, i18n } = useTranslation();
  const { id } = routeApi.useParams();
  const workspace = useApiQuery<DraftWorkspace>(`/catalog/versions/${encodeURIComponent(id)}/workspace`);
  const detail = useVersion(id);
  const versions = useVersions();
  const data = workspace.data?.version.id === id ? workspace.data : undefined;
  const actions = data?.actions ?? [];
  const can = (action: VersionAction) => actions.includes(action);
  const pending = useApiQuery<AmendmentList>(can('include') ? '/catalog/amendments?status=proposed&pageSize=100&sort=sector&order=asc' : null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<CatalogItem | null>(null);
  const [rejecting, setRejecting] = useState<Amendment | null>(null);

  if (errorCode(workspace.error) === 'NOT_FOUND') return <NotFoundPage />;

  const reload = () => {
    workspace.reload();
    detail.reload();
    pending.reload();
    versions.reload();
  };
  /** Runs a step; a conflict (someone else changed the draft) or any error is shown and the page reloads. */
  const run = async (key: string, step: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await step();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
      reload();
    }
  };
  const revision = data?.version.revision ?? 0;
  const base = versions.data?.items.find((v) => v.id === data?.version.baseVersionId);
  const stepDialog = (action: 'submit' | 'return' | 'reject' | 'discard') => async (values: { reason: string; number: string }) => {
    const body: Record<string, unknown> = { revision };
    if (values.reason) body.comment = values.reason;
    if (values.number) body.decisionNumber = values.number;
    await versionStep(id, action, body);
    reload();
  };

  return (
    <>
      <PageBreadcrumbs current={data?.version.label ?? ''}>
        <AnchorLink to="/catalog/amendments" size="sm">
          {t('catalogWork.amendments.title')}
        </AnchorLink>
      </PageBreadcrumbs>
      <ErrorAlert error={workspace.error} mb="md" />
      {!data && !workspace.error ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          <VersionHeader
            version={data.version}
            title={t('catalogWork.draft.title', { label: data.version.label })}
            meta={revision ? t('catalogWork.draft.revision', { revision }) : t('catalogWork.draft.revisionNone')}
            metaTestId="draft-revision"
            actionsTestId="draft-actions"
            actions={
              <>
                {can('submit') ? (
                  <Button onClick={() => setDialog('submit')} data-testid="draft-submit">
                    {t('catalogWork.draft.submit')}
                  </Button>
                ) : null}
                {can('return') ? (
                  <Button variant="default" onClick={() => setDialog('return')} data-testid="draft-return">
                    {t('catalogWork.draft.return')}
                  </Button>
                ) : null}
                {can('approve') ? (
                  <Button onClick={() => setDialog('approve')} data-testid="draft-approve">
                    {t('catalogWork.draft.approve')}
                  </Button>
                ) : null}
                {can('reject') ? (
                  <Button variant="light" color="red" onClick={() => setDialog('reject')} data-testid="draft-reject">
                    {t('catalogWork.draft.reject')}
                  </Button>
                ) : null}
                {can('discard') ? (
                  <Button variant="default" onClick={() => setDialog('discard')} data-testid="draft-discard">
                    {t('catalogWork.draft.discard')}
                  </Button>
                ) : null}
              </>
            }
          >
            {base ? (
              <Text size="sm">
                {t('catalogWork.draft.basedOn')}{' '}
                <AnchorLink to="/catalog/versions/$id" params={{ id: base.id }} size="sm">
                  {base.label}
                </AnchorLink>
              </Text>
            ) : null}
          </VersionHeader>
          {errorCode(error) === 'CONFLICT' ? (
            <Alert color="yellow" variant="light" role="alert" data-testid="draft-conflict">
              {t('catalogWork.draft.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          {data.version.status === 'approved' ? <VersionFacts version={data.version} /> : null}

          <SectionCard headingId="draft-included" title={t('catalogWork.draft.included', { count: data.amendments.length })}>
            <Stack gap="sm" data-testid="draft-included">
              {data.amendments.length === 0 ? <Text size="sm">{t('catalogWork.draft.noneIncluded')}</Text> : null}
              {data.amendments.map((amendment) => (
                <AmendmentCard key={amendment.id} amendment={amendment}>
                  {can('exclude') ? (
                    <Button
                      size="xs"
                      variant="light"
                      color="gray"
                      loading={busy === amendment.id}
                      onClick={() => void run(amendment.id, () => versionStep(id, 'exclude', { revision, amendmentId: amendment.id }))}
                      data-testid="draft-exclude"
                    >
                      {t('catalogWork.draft.exclude')}
                    </Button>
                  ) : null}
                </AmendmentCard>
              ))}
            </Stack>
          </SectionCard>

          {can('include') ? (
            <SectionCard headingId="draft-pending" title={t('catalogWork.draft.pending', { count: pending.data?.total ?? 0 })} description={t('catalogWork.draft.pendingIntro')}>
              <ErrorAlert error={pending.error} />
              <Stack gap="sm" data-testid="draft-pending">
                {pending.data?.items.length === 0 ? <Text size="sm">{t('catalogWork.draft.nonePending')}</Text> : null}
                {(pending.data?.items ?? []).map((amendment) => (
                  <AmendmentCard key={amendment.id} amendment={amendment}>
                    <Button
                      size="xs"
                      loading={busy === amendment.id}
                      onClick={() => void run(amendment.id, () => versionStep(id, 'include', { revision, amendmentId: amendment.id }))}
                      data-testid="draft-include"
                    >
                      {t('catalogWork.draft.include')}
                    </Button>
                    <Button size="xs" variant="light" color="red" onClick={() => setRejecting(amendment)} data-testid="draft-reject-amendment">
                      {t('catalogWork.amendments.reject')}
                    </Button>
                  </AmendmentCard>
                ))}
              </Stack>
            </SectionCard>
          ) : null}

          <SectionCard headingId="draft-changes" title={t('catalogWork.draft.changes', { base: base?.label ?? '' })}>
            {data.diff ? <DiffView diff={data.diff} headingOrder={3} /> : <Text size="sm">{t('catalogWork.diff.none')}</Text>}
          </SectionCard>

          {can('edit_item') ? (
            <SectionCard headingId="draft-items" title={t('catalogWork.draft.items')} description={t('catalogWork.draft.itemsIntro')}>
              <ErrorAlert error={detail.error} />
              {detail.data ? (
                <DataTable
                  items={detail.data.sectors.flatMap((sector) => sector.items)}
                  label={t('catalogWork.draft.items')}
                  minWidth={560}
                  testId="draft-items"
                  striped
                  columns={[t('catalogWork.export.code'), t('catalogWork.draft.direction'), t('common.actions')]}
                  renderRow={(item) => (
                    <Table.Tr key={item.code} data-code={item.code}>
                      <Table.Td ff="monospace">{item.code}</Table.Td>
                      <Table.Td>{localized(i18n.language, item.nameVi, item.nameEn)}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" onClick={() => setEditing(item)} aria-label={t('catalogWork.draft.editNamed', { code: item.code })} data-testid="draft-edit-item">
                          {t('catalogWork.draft.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  )}
                />
              ) : (
                <PageLoader />
              )}
            </SectionCard>
          ) : null}

          <SectionCard headingId="draft-events" title={t('catalogWork.draft.events')}>
            <DataTable
              items={data.events}
              label={t('catalogWork.draft.events')}
              minWidth={720}
              testId="draft-events"
              striped
              columns={[t('catalogWork.draft.eventTime'), t('catalogWork.draft.eventAction'), t('catalogWork.version.status'), t('catalogWork.draft.eventBy'), t('catalogWork.draft.eventComment')]}
              renderRow={(event) => (
                <Table.Tr key={event.id} data-testid="draft-event" data-action={event.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t(`catalogWork.actions.${event.action}`)}
                    {event.itemCode ? ` ${event.itemCode}` : ''}
                  </Table.Td>
                  <Table.Td>{t(`catalogWork.versionStatuses.${event.toStatus}`)}</Table.Td>
                  <Table.Td>{event.actorName ?? ''}</Table.Td>
                  <Table.Td>{event.comment ?? ''}</Table.Td>
                </Table.Tr>
              )}
            />
          </SectionCard>

          <ReasonModal
            opened={dialog === 'submit'}
            title={t('catalogWork.draft.submitTitle')}
            description={t('catalogWork.draft.submitIntro')}
            confirmLabel={t('catalogWork.draft.submit')}
            testId="submit-form"
            onClose={() => setDialog(null)}
            onConfirm={stepDialog('submit')}
          />
          <ReasonModal
            opened={dialog === 'return'}
            title={t('catalogWork.draft.returnTitle')}
            reasonLabel={t('catalogWork.draft.returnReason')}
            confirmLabel={t('catalogWork.draft.return')}
            testId="return-form"
            onClose={() => setDialog(null)}
            onConfirm={stepDialog('return')}
          />
          <ReasonModal
            opened={dialog === 'reject'}
            title={t('catalogWork.draft.rejectTitle')}
            reasonLabel={t('catalogWork.draft.rejectReason')}
            numberLabel={t('catalogWork.draft.rejectNumber')}
            confirmLabel={t('catalogWork.draft.reject')}
            color="red"
            testId="committee-reject-form"
            onClose={() => setDialog(null)}
            onConfirm={stepDialog('reject')}
          />
          <ReasonModal
            opened={dialog === 'discard'}
            title={t('catalogWork.draft.discardTitle')}
            description={t('catalogWork.draft.discardIntro')}
            confirmLabel={t('catalogWork.draft.discard')}
            color="red"
            testId="discard-form"
            onClose={() => setDialog(null)}
            onConfirm={stepDialog('discard')}
          />
          <RejectAmendmentModal amendment={rejecting} onClose={() => setRejecting(null)} onRejected={reload} />
          <ApproveModal
            opened={dialog === 'approve'}
            versionId={id}
            revision={revision}
            onClose={() => setDialog(null)}
            onApproved={() => {
              setDialog(null);
              reload();
            }}
          />
          <DraftItemModal
            versionId={id}
            revision={revision}
            item={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              reload();
            }}
          />
        </Stack>
      ) : null}
    </>
  );
}
