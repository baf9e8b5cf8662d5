import { Badge, Container, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../app/not-found-page.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageLoader } from '../../components/page-loader.js';
import { errorCode } from '../../lib/errors.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { localized, useSector, useSectorList } from './catalog-api.js';
import { CatalogItemCard } from './catalog-item-card.js';
import { SourceCitation } from './source-citation.js';

const routeApi = getRouteApi('/catalog/$code');

export function SectorPage() {
  const { t, i18n } = useTranslation();
  const { code } = routeApi.useParams();
  const sector = useSector(code);
  const list = useSectorList();
  const data = sector.data?.code === code ? sector.data : undefined;
  const name = data ? localized(i18n.language, data.nameVi, data.nameEn) : undefined;
  usePageTitle(name ? `${data?.code} ${name}` : t('catalog.title'));

  if (errorCode(sector.error) === 'NOT_FOUND') return <NotFoundPage />;

  return (
    <Container size="xl" py="xl">
      <PageBreadcrumbs current={data?.code ?? code}>
        <AnchorLink to="/catalog" size="sm">
          {t('catalog.title')}
        </AnchorLink>
      </PageBreadcrumbs>
      <ErrorAlert error={sector.error} mb="md" />
      {!data && !sector.error ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          <Stack gap="xs">
            <Group gap="sm" align="center">
              <Badge size="xl" variant="filled">
                {data.code}
              </Badge>
              <Text c="dimmed" size="sm">
                {t('catalog.itemCount', { count: data.items.length })}
              </Text>
            </Group>
            <Title order={1} fz={{ base: 26, sm: 32 }}>
              {name}
            </Title>
            <Text maw={820}>{localized(i18n.language, data.descriptionVi, data.descriptionEn)}</Text>
          </Stack>
          {list.data ? <SourceCitation version={list.data.version} /> : null}
          <Title order={2} fz="xl">
            {t('catalog.itemsTitle')}
          </Title>
          <Stack gap="md">
            {data.items.map((item) => (
              <CatalogItemCard key={item.code} item={item} />
            ))}
          </Stack>
          <AnchorLink to="/catalog" size="sm">
            {t('catalog.backToCatalog')}
          </AnchorLink>
        </Stack>
      ) : null}
    </Container>
  );
}
