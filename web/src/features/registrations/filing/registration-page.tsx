import { Alert, Box, Group, Stack, Text } from '@mantine/core';
import { useParams, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageBreadcrumbs } from '../../../components/page-breadcrumbs.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { StatusBadge } from '../processing/processing-parts.js';
import { DossierWizard } from './dossier-wizard.js';
import { registrationPath, type RegistrationDetail } from './filing-api.js';
import { RegistrationStatus } from './registration-status.js';

/** One registration: the multi-step form while a draft (or a supplement is asked), its status page after. */
export function RegistrationPage() {
  return (
    <RequireAuth permission="registration.file">
      <Registration />
    </RequireAuth>
  );
}

function Registration() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams({ from: '/registrations/$caseId' });
  const { step } = useSearch({ from: '/registrations/$caseId' });
  const query = useApiQuery<RegistrationDetail>(registrationPath(caseId));
  const detail = query.data?.id === caseId ? query.data : undefined;
  usePageTitle(detail?.title ?? t('registrationFiling.list.title'));
  const { reload, setData } = query;
  const onChanged = useCallback(
    (revision?: number) => {
      if (revision !== undefined) setData((previous) => previous && { ...previous, revision });
      reload();
    },
    [reload, setData],
  );

  if (!detail) {
    return (
      <Box maw={1100} mx="auto" px="md" py="xl">
        <ErrorAlert error={query.error} />
        {query.error ? null : <PageLoader />}
      </Box>
    );
  }
  const isEditing = detail.status === 'draft' || detail.status === 'supplement_requested';
  return (
    <Box maw={1100} mx="auto" px="md" py="xl">
      <PageBreadcrumbs current={detail.referenceNo}>
        <AnchorLink to="/registrations" size="sm">
          {t('registrationFiling.list.title')}
        </AnchorLink>
      </PageBreadcrumbs>
      <PageHeader
        title={detail.title}
        description={
          <Group gap="xs" wrap="wrap" component="span">
            <StatusBadge status={detail.status} />
            <Text component="span" size="sm" c="dimmed">
              {detail.referenceNo} · {t('registrationFiling.status.updated', { at: formatDateTime(detail.updatedAt, i18n.language) })}
            </Text>
          </Group>
        }
      />
      {detail.status === 'supplement_requested' ? <SupplementRequest detail={detail} /> : null}
      {isEditing ? <DossierWizard detail={detail} step={step} onChanged={onChanged} /> : <RegistrationStatus detail={detail} onChanged={onChanged} />}
    </Box>
  );
}

/** DOST's request for a supplement: the latest message to the applicant, shown above the form. */
function SupplementRequest({ detail }: { detail: RegistrationDetail }) {
  const { t } = useTranslation();
  const request = [...detail.events].reverse().find((event) => event.action === 'request_supplement');
  const message = [...detail.comments].reverse().find((comment) => request && comment.createdAt >= request.createdAt);
  return (
    <Alert color="yellow" variant="light" mb="lg" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} title={t('registrationFiling.supplement.title')} data-testid="supplement-request">
      <Stack gap={4}>
        <Text size="sm">{t('registrationFiling.supplement.intro')}</Text>
        {request?.note ? <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{request.note}</Text> : null}
        {message ? <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{message.body}</Text> : null}
      </Stack>
    </Alert>
  );
}
