import { Anchor, Container, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageBreadcrumbs } from '../../../components/page-breadcrumbs.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { taxQueryPath, type TaxQueryThread } from './oversight-api.js';
import { QueryThread } from './query-thread.js';

const routeApi = getRouteApi('/work/registrations/tax-queries/$queryId');

/** DOST: one Tax Department query thread, answered by a leader or the officer assigned to the case. */
export function TaxQueryPage() {
  const { t } = useTranslation();
  usePageTitle(t('registrationOversight.queries.dostTitle'));
  return (
    <RequireAuth permission="registration.process">
      <Container size="xl" py="xl">
        <TaxQueryContent />
      </Container>
    </RequireAuth>
  );
}

function TaxQueryContent() {
  const { t } = useTranslation();
  const { queryId } = routeApi.useParams();
  const thread = useApiQuery<TaxQueryThread>(taxQueryPath(queryId));
  if (thread.error) return <ErrorAlert error={thread.error} />;
  if (!thread.data) return <PageLoader />;
  return (
    <Stack gap="md">
      <PageBreadcrumbs current={thread.data.subject}>
        <AnchorLink to="/work/registrations/tax-queries" size="sm">
          {t('registrationOversight.queries.dostTitle')}
        </AnchorLink>
      </PageBreadcrumbs>
      <QueryThread thread={thread.data} onChanged={(updated) => thread.setData(updated)} />
      {/* The staff page of the case belongs to the processing feature; a plain link keeps the features apart. */}
      <Anchor href={`/work/registrations/${encodeURIComponent(thread.data.caseId)}`} size="sm" data-testid="tax-query-case-link">
        {t('registrationOversight.queries.openContract')} {thread.data.referenceNo}
      </Anchor>
    </Stack>
  );
}
