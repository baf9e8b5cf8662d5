import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListingTeaser } from '../../../../../common/src/api/exchange-listings.js';
import { AnchorLink } from '../../../components/links.js';
import { countryName } from '../../../lib/format.js';
import { pickText } from '../detail/listing-text.js';

/** One listing's teaser in a match list: title (reader's language or the original, labelled), reference, facets. */
export function ListingTeaserLine({ listing }: { listing: ListingTeaser }) {
  const { t, i18n } = useTranslation();
  const title = pickText(listing.title, i18n.language, listing.originalLanguage);
  const teaser = pickText(listing.teaser, i18n.language, listing.originalLanguage);
  return (
    <Stack gap={4}>
      <AnchorLink to="/exchange/listings/$id" params={{ id: listing.id }} fw={600} data-testid="match-listing-link">
        {title.text}
      </AnchorLink>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {listing.reference}
        </Text>
        <Badge size="xs" variant="outline" color="gray.8">
          {t(`exchange.kinds.${listing.kind}`)}
        </Badge>
        {listing.trl ? (
          <Badge size="xs" variant="outline" color="gray.8">
            {t('exchange.trlShort', { level: listing.trl })}
          </Badge>
        ) : null}
        {listing.country ? (
          <Text size="xs" c="dimmed">
            {countryName(listing.country, i18n.language)}
          </Text>
        ) : null}
        {!title.isReaderLanguage ? (
          <Text size="xs" c="dimmed" fs="italic">
            {t('exchange.languageLabel', { language: t(`exchange.languages.${title.language}`) })}
          </Text>
        ) : null}
      </Group>
      {teaser.text ? (
        <Text size="sm" lineClamp={2}>
          {teaser.text}
        </Text>
      ) : null}
    </Stack>
  );
}
