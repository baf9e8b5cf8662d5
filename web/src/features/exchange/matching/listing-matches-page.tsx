import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Container, Stack } from '@mantine/core';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { MatchesPanel } from './matches-panel.js';

const routeApi = getRouteApi('/exchange/mine/$id/matches');

/** /exchange/mine/$id/matches: all matches (up to 20) of one of the owner's listings. */
export function ListingMatchesPage() {
  const { t } = useTranslation();
  const { id } = routeApi.useParams();
  usePageTitle(t('exchangeMatching.panel.title'));
  return (
    <Container size="lg" py="xl">
      <RequireAuth>
        <Stack gap="md">
          <PageHeader title={t('exchangeMatching.panel.title')} actions={<Anchor href="/exchange/mine">{t('exchangeMatching.page.back')}</Anchor>} />
          <MatchesPanel listingId={id} limit={20} />
        </Stack>
      </RequireAuth>
    </Container>
  );
}
