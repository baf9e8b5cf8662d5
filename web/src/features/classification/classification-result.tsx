import { Alert, Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { SectionCard } from '../../components/section-card.js';
import { formatDate } from '../../lib/format.js';
import { localized } from '../catalog/catalog-api.js';
import { percent, type ClassificationResult, type ClassifiedCatalogItem, type ClassifiedListItem } from './classification-api.js';

const LIST_TYPE_COLOR = { encouraged: 'teal', restricted: 'orange', prohibited: 'red' } as const;
/** Badge colours with enough contrast for small text (WCAG AA): dark text on orange, white on dark teal and dark red. */
const LIST_TYPE_BADGE = {
  encouraged: { color: 'teal.9', variant: 'filled' },
  restricted: { color: 'orange.5', variant: 'filled', autoContrast: true },
  prohibited: { color: 'red.9', variant: 'filled' },
} as const;

interface ResultProps {
  result: ClassificationResult;
  text: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** The answer: the advisory note first, a warning for restricted/prohibited resemblance, sectors, items, lists, the text. */
export function ClassificationResultView({ result, text, headingRef }: ResultProps) {
  const { t, i18n } = useTranslation();
  const warned = result.warning ? result.listItems.find((item) => item.id === result.warning!.itemId) : undefined;
  const highlighted = [...result.catalogItems.slice(0, 3), ...result.listItems].flatMap((item) => item.matchedTerms);
  return (
    <Stack gap="lg" mt="xl" component="section" aria-labelledby="check-result-title" data-testid="check-result">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} id="check-result-title" ref={headingRef} tabIndex={-1}>
          {t('classification.results.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="check-mode">
          {t('classification.results.readAs', { mode: t(`classification.results.modes.${result.mode}`) })}
        </Text>
      </Group>

      <Alert variant="filled" color="harbour" title={t('classification.advisoryTitle')} data-testid="check-advisory">
        {result.note}
      </Alert>

      {result.warning && warned ? (
        <Alert
          variant="light"
          color={LIST_TYPE_COLOR[result.warning.listType]}
          role="alert"
          title={t(`classification.warning.${result.warning.listType}`)}
          styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} // the light orange title colour is too pale for AA contrast
          data-testid="check-warning"
        >
          <Stack gap={6}>
            <Text size="sm">
              {t('classification.warning.closest', {
                name: localized(i18n.language, warned.nameVi, warned.nameEn),
                citation: localized(i18n.language, warned.citationVi, warned.citationEn),
              })}
            </Text>
            <Text size="sm">{t(`classification.warning.${result.warning.listType}Rule`)}</Text>
            {warned.inForce ? null : (
              <Text size="sm" fw={600}>
                {t('classification.warning.predecessor', { date: formatDate(warned.validTo, i18n.language) })}
              </Text>
            )}
          </Stack>
        </Alert>
      ) : null}

      <SectionCard headingId="check-sectors" title={t('classification.results.sectorsTitle')}>
        {result.sectors.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('classification.results.noItems')}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="check-sectors">
            {result.sectors.slice(0, 3).map((sector) => (
              <div key={sector.code}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <AnchorLink to="/catalog/$code" params={{ code: sector.code }} size="sm" fw={600}>
                    {sector.code} {localized(i18n.language, sector.nameVi, sector.nameEn)}
                  </AnchorLink>
                  <ScoreText score={sector.score} />
                </Group>
                <ScoreBar score={sector.score} />
              </div>
            ))}
          </Stack>
        )}
      </SectionCard>

      <SectionCard headingId="check-items" title={t('classification.results.itemsTitle')}>
        {result.catalogItems.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="check-no-items">
            {t('classification.results.noItems')}
          </Text>
        ) : (
          <Stack gap="md" data-testid="check-items">
            {result.catalogItems.map((item) => (
              <CatalogItemRow key={item.code} item={item} />
            ))}
          </Stack>
        )}
        {result.catalogVersion ? (
          <Text size="xs" c="dimmed" mt="md">
            {t('classification.results.catalogSource', { instrument: localized(i18n.language, result.catalogVersion.sourceInstrument, result.catalogVersion.sourceInstrumentEn) })}
          </Text>
        ) : null}
      </SectionCard>

      <SectionCard headingId="check-lists" title={t('classification.results.listsTitle')} description={t('classification.results.listsIntro')}>
        {result.listItems.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="check-no-lists">
            {t('classification.results.noLists')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="check-lists">
            {result.listItems.map((item) => (
              <ListItemCard key={item.id} item={item} />
            ))}
          </SimpleGrid>
        )}
      </SectionCard>

      <SectionCard headingId="check-text-echo" title={t('classification.results.yourText')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="check-highlighted">
          {highlight(text, highlighted)}
        </Text>
      </SectionCard>
    </Stack>
  );
}

function CatalogItemRow({ item }: { item: ClassifiedCatalogItem }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="check-item">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="light" size="lg" style={{ flexShrink: 0 }}>
          {item.code}
        </Badge>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {localized(i18n.language, item.nameVi, item.nameEn)}
          </Text>
          <Group gap="xs">
            <ScoreText score={item.score} />
            {item.chosen ? (
              <Badge size="sm" variant="outline">
                {t('classification.results.chosen')}
              </Badge>
            ) : null}
            <AnchorLink to="/catalog/$code" params={{ code: item.sectorCode }} size="xs">
              {t('classification.results.openItem', { code: item.sectorCode })}
            </AnchorLink>
          </Group>
          <ScoreBar score={item.score} />
          <MatchedTerms terms={item.matchedTerms} />
        </Stack>
      </Group>
    </div>
  );
}

function ListItemCard({ item }: { item: ClassifiedListItem }) {
  const { t, i18n } = useTranslation();
  const sources = (item.sourceUrl ?? '').split(' | ').filter((url) => /^https?:\/\//.test(url));
  return (
    <Card withBorder padding="md" data-testid="check-list-item">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge {...LIST_TYPE_BADGE[item.listType]}>{t(`classification.listTypes.${item.listType}`)}</Badge>
          <Badge color={item.verified ? 'teal.9' : 'gray.7'} variant="outline">
            {item.verified ? t('classification.verified') : t('classification.unverified')}
          </Badge>
        </Group>
        <Text size="sm" fw={600}>
          {localized(i18n.language, item.nameVi, item.nameEn)}
        </Text>
        {item.conditionVi || item.conditionEn ? (
          <Text size="xs">{t('classification.condition', { text: localized(i18n.language, item.conditionVi ?? '', item.conditionEn ?? '') })}</Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {localized(i18n.language, item.citationVi, item.citationEn)} · {t(`classification.directions.${item.direction}`)}
        </Text>
        {item.inForce ? null : (
          <Text size="xs" c="red.9" fw={600}>
            {t('classification.predecessor', { date: formatDate(item.validTo, i18n.language) })}
          </Text>
        )}
        <ScoreText score={item.score} />
        <ScoreBar score={item.score} color={LIST_TYPE_COLOR[item.listType]} />
        <MatchedTerms terms={item.matchedTerms} />
        {sources.length ? (
          <Group gap="xs">
            {sources.map((url, index) => (
              <Anchor key={url} href={url} target="_blank" rel="noopener noreferrer" size="xs">
                {t('classification.source')}
                {sources.length > 1 ? ` ${index + 1}` : ''}
              </Anchor>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function ScoreText({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t('classification.results.score', { percent: percent(score) })}
    </Text>
  );
}

function ScoreBar({ score, color }: { score: number; color?: string }) {
  const { t } = useTranslation();
  return <Progress value={percent(score)} size="sm" color={color} mt={4} aria-label={t('classification.results.scoreLabel')} />;
}

function MatchedTerms({ terms }: { terms: string[] }) {
  const { t } = useTranslation();
  if (terms.length === 0) return null;
  return (
    <Group gap={4}>
      <Text size="xs" c="dimmed">
        {t('classification.results.matched')}:
      </Text>
      {terms.map((term) => (
        <Badge key={term} size="sm" variant="light" color="yellow" tt="none" c="dark">
          {term}
        </Badge>
      ))}
    </Group>
  );
}

/** The text with every matched term in <mark> (case-insensitive; the longest term wins where terms overlap). */
function highlight(text: string, terms: string[]): ReactNode[] {
  const unique = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return [text];
  const pattern = new RegExp(`(${unique.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : <Fragment key={index}>{part}</Fragment>));
}
