import { Alert, Container, Group, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ButtonLink } from '../../../components/links.js';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.js';
import { usePageTitle } from '../../../lib/use-page-title.js';

const routeApi = getRouteApi('/exchange/unsubscribed');

/** Where a digest's one-click unsubscribe link lands (the API already did the work): done, or the link was not valid. */
export function UnsubscribedPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeSaved.unsubscribed.title'));
  const { result } = routeApi.useSearch();
  const ok = result === 'ok';
  return (
    <Container size="sm" py="xl">
      <PageHeader title={t('exchangeSaved.unsubscribed.title')} />
      <Stack gap="md">
        <Alert color={ok ? 'teal' : 'yellow'} data-testid="unsubscribe-result">
          {t(ok ? 'exchangeSaved.unsubscribed.ok' : 'exchangeSaved.unsubscribed.invalid')}
        </Alert>
        <Group gap="sm">
          <ButtonLink to="/exchange/saved-searches" variant="light">
            {t('exchangeSaved.unsubscribed.manage')}
          </ButtonLink>
          <ButtonLink to="/exchange" variant="default">
            {t('exchangeSaved.unsubscribed.search')}
          </ButtonLink>
        </Group>
      </Stack>
    </Container>
  );
}
