import { Card, Container, Group, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MatchSuggestionPage } from '../../../../../common/src/api/exchange-matching.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { PaginationBar } from '../../../components/pagination-bar.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { toQueryString } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { ListingTeaserLine } from './listing-teaser-line.js';
import { MatchReasons, ScoreBadge } from './match-reasons.js';

const routeApi = getRouteApi('/exchange/suggestions');
const PAGE_SIZE = 20;

/** /exchange/suggestions: the matches DOST suggested about the reader's listings, newest first. */
export function SuggestionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeMatching.suggestions.title'));
  return (
    <Container size="lg" py="xl">
      <RequireAuth permission="exchange.listings.write">
        <SuggestionsContent />
      </RequireAuth>
    </Container>
  );
}

function SuggestionsContent() {
  const { t, i18n } = useTranslation();
  const s = (key: string) => t(`exchangeMatching.suggestions.${key}`);
  const page = routeApi.useSearch().page ?? 1;
  const navigate = routeApi.useNavigate();
  const suggestions = useApiQuery<MatchSuggestionPage>(`/exchange/matching/suggestions${toQueryString({ page, pageSize: PAGE_SIZE })}`);
  return (
    <>
      <PageHeader title={s('title')} description={s('intro')} />
      <ErrorAlert error={suggestions.error} mb="md" />
      {!suggestions.data && suggestions.isLoading ? <PageLoader /> : null}
      {suggestions.data && suggestions.data.items.length === 0 ? <Text data-testid="suggestions-empty">{s('empty')}</Text> : null}
      <Stack gap="md">
        {suggestions.data?.items.map((item) => (
          <Card key={item.id} withBorder padding="md" data-testid="suggestion">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {s('date')}: {formatDate(item.createdAt, i18n.language)}
                </Text>
                {item.score !== null ? <ScoreBadge score={item.score} /> : null}
              </Group>
              <Group align="flex-start" grow wrap="wrap" gap="lg">
                <Stack gap={4} miw={240}>
                  <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                    {s('yourListing')}
                  </Text>
                  <ListingTeaserLine listing={item.ownListing} />
                </Stack>
                <Stack gap={4} miw={240}>
                  <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                    {s('otherListing')}
                  </Text>
                  <ListingTeaserLine listing={item.otherListing} />
                </Stack>
              </Group>
              {item.note ? (
                <Text size="sm">
                  <Text span fw={600}>
                    {s('note')}:
                  </Text>{' '}
                  {item.note}
                </Text>
              ) : null}
              <MatchReasons reasons={item.reasons} />
            </Stack>
          </Card>
        ))}
      </Stack>
      {suggestions.data ? <PaginationBar page={page} pageSize={PAGE_SIZE} total={suggestions.data.total} onChange={(next) => void navigate({ search: { page: next } })} /> : null}
    </>
  );
}
