import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import type { OutboxMessageDetail } from '../../lib/api-types.js';
import { OutboxStatusBadge } from './outbox-status.js';

const routeApi = getRouteApi('/admin/outbox/$id');

export function OutboxDetailPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.detailTitle'));
  return (
    <RequireAuth permission="admin.outbox.read">
      <OutboxDetail />
    </RequireAuth>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="gray.7" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

function OutboxDetail() {
  const { t, i18n } = useTranslation();
  const { id } = routeApi.useParams();
  const message = useApiQuery<OutboxMessageDetail>(`/outbox/${encodeURIComponent(id)}`);
  const data = message.data;
  usePageTitle(data ? data.subject : t('outbox.detailTitle'));

  return (
    <>
      <PageBreadcrumbs current={t('outbox.detailTitle')}>
        <AnchorLink to="/admin/outbox" size="sm">
          {t('outbox.title')}
        </AnchorLink>
      </PageBreadcrumbs>
      <ErrorAlert error={message.error} mb="md" />
      {message.isLoading ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          <Title order={1} fz={{ base: 22, sm: 28 }} data-testid="outbox-subject">
            {data.subject}
          </Title>
          <Card withBorder padding="lg">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
              <Fact label={t('outbox.to')}>{data.to}</Fact>
              <Fact label={t('members.status')}>
                <OutboxStatusBadge status={data.status} />
              </Fact>
              <Fact label={t('outbox.template')}>{data.template}</Fact>
              <Fact label={t('outbox.locale')}>{data.locale}</Fact>
              <Fact label={t('outbox.createdAt')}>{formatDateTime(data.createdAt, i18n.language)}</Fact>
              <Fact label={t('outbox.sentAt')}>{data.sentAt ? formatDateTime(data.sentAt, i18n.language) : t('outbox.notSent')}</Fact>
              <Fact label={t('outbox.attempts')}>{data.attempts}</Fact>
            </SimpleGrid>
          </Card>
          {data.lastError ? (
            <Alert color="red" variant="light" title={t('outbox.lastError')}>
              {data.lastError}
            </Alert>
          ) : null}
          <Card withBorder padding="lg" component="section" aria-labelledby="outbox-body-heading">
            <Title order={2} fz="lg" mb="sm" id="outbox-body-heading">
              {t('outbox.body')}
            </Title>
            <pre className="pre-text" data-testid="outbox-text">
              {data.text}
            </pre>
          </Card>
        </Stack>
      ) : null}
    </>
  );
}
