import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchList } from '../../../../../common/src/api/exchange-matching.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageLoader } from '../../../components/page-loader.js';
import { ApiError } from '../../../lib/api.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { ListingTeaserLine } from './listing-teaser-line.js';
import { MatchReasons, ScoreBadge } from './match-reasons.js';

interface MatchesPanelProps {
  listingId: string;
  /** How many matches to show (default 5); with fewer than 20 a link leads to the full page. */
  limit?: number;
}

/**
 * "Tin phù hợp": the ranked matches of one of the reader's own published listings (or any, for DOST), each with its
 * score and reasons. Mounted on the listing page for its owner and on /exchange/mine/$id/matches.
 */
export function MatchesPanel({ listingId, limit = 5 }: MatchesPanelProps) {
  const { t } = useTranslation();
  const matches = useApiQuery<MatchList>(`/exchange/listings/${encodeURIComponent(listingId)}/matches?limit=${limit}`);
  const notPublished = matches.error instanceof ApiError && matches.error.code === 'LISTING_NOT_PUBLISHED';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="matches-title" data-testid="matches-panel">
      <Stack gap="sm">
        <Title order={2} size="h3" id="matches-title">
          {t('exchangeMatching.panel.title')}
        </Title>
        {matches.data ? (
          <Text size="sm" c="dimmed">
            {t(matches.data.listing.kind === 'offer' ? 'exchangeMatching.panel.descriptionOffer' : 'exchangeMatching.panel.descriptionDemand')}
          </Text>
        ) : null}
        {notPublished ? <Alert color="gray">{t('exchangeMatching.panel.notPublished')}</Alert> : <ErrorAlert error={matches.error} />}
        {!matches.data && matches.isLoading ? <PageLoader /> : null}
        {matches.data && matches.data.items.length === 0 ? (
          <Text size="sm" data-testid="matches-empty">
            {t('exchangeMatching.panel.empty')}
          </Text>
        ) : null}
        {matches.data?.items.map((item) => (
          <Card key={item.listing.id} withBorder padding="sm" data-testid="match-item">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <div style={{ flex: '1 1 18rem', minWidth: 0 }}>
                <ListingTeaserLine listing={item.listing} />
              </div>
              <Stack gap={4} align="flex-end">
                <ScoreBadge score={item.score} />
                {item.suggestionId ? (
                  <Text size="xs" c="teal.9">
                    {t('exchangeMatching.suggested')}
                  </Text>
                ) : null}
              </Stack>
            </Group>
            <MatchReasons reasons={item.reasons} />
          </Card>
        ))}
        {matches.data && limit < 20 && matches.data.items.length >= limit ? (
          <AnchorLink to="/exchange/mine/$id/matches" params={{ id: listingId }} size="sm">
            {t('exchangeMatching.panel.showAll')}
          </AnchorLink>
        ) : null}
      </Stack>
    </Card>
  );
}
