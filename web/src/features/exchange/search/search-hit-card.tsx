import { Anchor, Badge, Card, Group, Mark, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SnippetPart } from '../../../../../common/src/api/exchange-search.js';
import { countryName, formatDate } from '../../../lib/format.js';

/** Teaser text with the query words marked (plain text pieces; no markup from the server). */
export function MarkedText({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <Mark key={index} color="yellow">
            {part.text}
          </Mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** One result: kind, reference, marked title and snippet, language label, facets; links to the listing page. */
export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation();
  const { listing } = hit;
  const href = `/exchange/listings/${listing.id}`;
  const isOtherLanguage = hit.language !== i18n.language;
  return (
    <Card withBorder padding="md" component="article" data-testid="search-hit">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{t(`exchange.kinds.${listing.kind}`)}</Badge>
          <Text size="xs" c="dimmed">
            {listing.reference}
          </Text>
          {isOtherLanguage ? (
            <Badge variant="outline" color="gray" size="sm" data-testid="search-hit-language">
              {t('exchange.languageLabel', { language: t(`exchange.languages.${hit.language}`) })}
            </Badge>
          ) : null}
        </Group>
        <Title order={3} fz="lg" lang={hit.language}>
          <Anchor href={href} data-testid="search-hit-link">
            <MarkedText parts={hit.title} />
          </Anchor>
        </Title>
        <Text size="sm" lang={hit.language}>
          <MarkedText parts={hit.snippet} />
        </Text>
        <Group gap="xs" wrap="wrap">
          {listing.country ? (
            <Badge variant="dot" color="gray" size="sm">
              {countryName(listing.country, i18n.language)}
            </Badge>
          ) : null}
          {listing.trl ? (
            <Badge variant="dot" color="teal" size="sm">
              {t('exchange.trlShort', { level: listing.trl })}
            </Badge>
          ) : null}
          {listing.transferForms.slice(0, 3).map((form) => (
            <Badge key={form} variant="dot" color="violet" size="sm">
              {t(`exchange.transferForms.${form}`)}
            </Badge>
          ))}
          {listing.publishedAt ? (
            <Text size="xs" c="dimmed">
              {t('exchangeSearch.published', { date: formatDate(listing.publishedAt, i18n.language) })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
