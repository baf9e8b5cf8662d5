import { Badge, Box, Card, Container, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIGN_UP_KINDS } from '../../../../common/src/roles.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../../app/session.js';
import { localized, useSectorList } from '../catalog/catalog-api.js';

export function HomePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(undefined);
  const { isSignedIn } = useSession();
  const sectors = useSectorList();

  return (
    <>
      <Box className="hero" py={{ base: 40, sm: 64 }}>
        <Container size="xl">
          <Group justify="space-between" align="center" gap="xl" wrap="nowrap">
            <Stack gap="md" maw={820}>
              <Text fw={600} size="sm" tt="uppercase" style={{ letterSpacing: 1 }}>
                {t('home.eyebrow')}
              </Text>
              <Title order={1} fz={{ base: 28, sm: 40 }} lh={1.2}>
                {t('home.title')}
              </Title>
              <Text size="lg" lh={1.6}>
                {t('home.intro')}
              </Text>
              <Group gap="sm" mt="sm">
                <ButtonLink
                  to="/catalog"
                  size="md"
                  color="white"
                  c="harbour.9"
                  w={{ base: '100%', xs: 'auto' }}
                  data-testid="home-cta-catalog"
                >
                  {t('home.exploreCatalog')}
                </ButtonLink>
                <ButtonLink
                  to="/check-technology"
                  size="md"
                  variant="outline"
                  color="white"
                  w={{ base: '100%', xs: 'auto' }}
                  data-testid="home-cta-check"
                >
                  {t('classification.homeCta')}
                </ButtonLink>
                {isSignedIn ? null : (
                  <ButtonLink
                    to="/sign-in"
                    size="md"
                    variant="outline"
                    color="white"
                    w={{ base: '100%', xs: 'auto' }}
                    data-testid="home-cta-sign-in"
                  >
                    {t('nav.signIn')}
                  </ButtonLink>
                )}
              </Group>
            </Stack>
            <HeroFacts sectors={sectors.data?.sectors} />
          </Group>
        </Container>
      </Box>

      <Container size="xl" py="xl">
        <Stack gap="xs" mb="lg">
          <Title order={2}>{t('home.sectorsTitle')}</Title>
          <Text c="dimmed" maw={760}>
            {t('home.sectorsIntro')}
          </Text>
        </Stack>
        <ErrorAlert error={sectors.error} mb="md" />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="sector-grid">
          {sectors.isLoading && !sectors.data
            ? Array.from({ length: 8 }, (_, index) => <Skeleton key={index} height={150} radius="md" />)
            : (sectors.data?.sectors ?? []).map((sector) => (
                <Card key={sector.code} withBorder padding="lg" className="sector-card" data-testid="sector-card">
                  <Stack gap="xs" h="100%">
                    <Group justify="space-between" gap="xs">
                      <Badge variant="light" size="lg">
                        {sector.code}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {t('catalog.itemCount', { count: sector.itemCount })}
                      </Text>
                    </Group>
                    <AnchorLink
                      to="/catalog/$code"
                      params={{ code: sector.code }}
                      className="stretched-link"
                      fw={700}
                      c="gray.9"
                      underline="never"
                    >
                      {localized(i18n.language, sector.nameVi, sector.nameEn)}
                    </AnchorLink>
                    <Text size="sm" c="dimmed" lineClamp={3}>
                      {localized(i18n.language, sector.descriptionVi, sector.descriptionEn)}
                    </Text>
                  </Stack>
                </Card>
              ))}
        </SimpleGrid>
      </Container>

      <Box bg="white" py="xl" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="xl">
          <Title order={2} mb="xs">
            {t('home.joinTitle')}
          </Title>
          <Text c="dimmed" mb="lg" maw={760}>
            {t('home.joinIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            {SIGN_UP_KINDS.map((kind) => (
              <Card key={kind} withBorder padding="lg">
                <Stack gap="sm" h="100%" justify="space-between">
                  <Stack gap={6}>
                    <Title order={3} fz="lg">
                      {t(`home.join.${kind}.title`)}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t(`home.join.${kind}.description`)}
                    </Text>
                  </Stack>
                  <ButtonLink to="/sign-up" search={{ kind }} variant="light" data-testid={`home-cta-${kind}`}>
                    {t(`home.join.${kind}.action`)}
                  </ButtonLink>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Container>
      </Box>
    </>
  );
}

/** Key figures of the catalog next to the introduction (wide screens only). */
function HeroFacts({ sectors }: { sectors: { itemCount: number }[] | undefined }) {
  const { t } = useTranslation();
  if (!sectors) return null;
  const facts = [
    { value: String(sectors.length), label: t('home.facts.sectors') },
    { value: String(sectors.reduce((sum, sector) => sum + sector.itemCount, 0)), label: t('home.facts.directions') },
    { value: t('home.facts.languagesValue'), label: t('home.facts.languages') },
  ];
  return (
    <Stack gap="md" visibleFrom="md" miw={240} data-testid="home-facts">
      {facts.map((fact) => (
        <Box
          key={fact.label}
          p="md"
          style={{ borderLeft: '3px solid var(--mantine-color-yellow-4)', background: 'rgba(255,255,255,0.08)', borderRadius: 4 }}
        >
          <Text fz={32} fw={700} lh={1.1}>
            {fact.value}
          </Text>
          <Text size="sm">{fact.label}</Text>
        </Box>
      ))}
    </Stack>
  );
}
