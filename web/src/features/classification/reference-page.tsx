import { Card, Container, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../lib/use-page-title.js';

/** Every public reference page, in the order a visitor needs them (a card may name its own i18n keys). */
const CARDS: readonly { key: string; to: string; i18nPrefix?: string }[] = [
  { key: 'catalog', to: '/catalog' },
  { key: 'catalogHistory', to: '/catalog/history' },
  { key: 'technologyLists', to: '/technology-lists' },
  { key: 'checkTechnology', to: '/check-technology' },
  { key: 'registrationCheck', to: '/registration-check', i18nPrefix: 'registrationCheck.card' },
  { key: 'vsic', to: '/vsic' },
  { key: 'legalParameters', to: '/legal-parameters' },
  { key: 'calendar', to: '/calendar' },
  { key: 'agencies', to: '/agencies' },
];

export function ReferencePage() {
  const { t } = useTranslation();
  usePageTitle(t('referenceHub.title'));
  return (
    <Container size="xl" py="xl">
      <PageHeader title={t('referenceHub.title')} description={t('referenceHub.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="reference-cards" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {CARDS.map((card) => (
          <Card key={card.key} withBorder padding="lg" className="sector-card" component="li" data-testid={`reference-card-${card.key}`}>
            <Stack gap="xs" h="100%">
              <Title order={2} fz="md">
                <AnchorLink to={card.to} className="stretched-link" c="harbour.8" underline="never">
                  {t(`${card.i18nPrefix ?? `referenceHub.cards.${card.key}`}.title`)}
                </AnchorLink>
              </Title>
              <Text size="sm" c="dimmed">
                {t(`${card.i18nPrefix ?? `referenceHub.cards.${card.key}`}.description`)}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Container>
  );
}
