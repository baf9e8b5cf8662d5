import { Alert, Badge, Card, Container, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { useSession } from '../../app/session.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { foldText } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSearchText } from '../../lib/use-search-text.js';
import { fetchAllSectors, localized, useSectorList, type CatalogItem, type CatalogSectorDetail } from './catalog-api.js';
import { SourceCitation } from './source-citation.js';

const routeApi = getRouteApi('/catalog');

function itemMatches(item: CatalogItem, folded: string): boolean {
  const haystack = [item.code, item.nameVi, item.nameEn, item.descriptionVi, item.descriptionEn, ...item.keywordsVi, ...item.keywordsEn]
    .map(foldText)
    .join(' ');
  return folded.split(/\s+/).every((word) => haystack.includes(word));
}

export function CatalogPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('catalog.title'));
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const list = useSectorList();
  const { hasPermission } = useSession();
  const [details, setDetails] = useState<CatalogSectorDetail[] | null>(null);
  const [detailsError, setDetailsError] = useState<unknown>(null);
  const [query, setQuery] = useSearchText(search.q, (q) => void navigate({ search: { q }, replace: true }));

  const codes = list.data?.sectors.map((sector) => sector.code).join(',');
  useEffect(() => {
    if (!codes) return;
    const controller = new AbortController();
    fetchAllSectors(codes.split(','), controller.signal)
      .then(setDetails)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setDetailsError(error);
      });
    return () => controller.abort();
  }, [codes]);


  const folded = foldText(query.trim());
  const filtered = useMemo(() => {
    if (!details) return null;
    if (!folded) return details;
    return details
      .map((sector) => ({ ...sector, items: sector.items.filter((item) => itemMatches(item, folded)) }))
      .filter((sector) => sector.items.length > 0);
  }, [details, folded]);

  const error = list.error ?? detailsError;
  return (
    <Container size="xl" py="xl">
      <PageHeader
        title={t('catalog.title')}
        description={t('catalog.intro')}
        actions={
          <>
            <ExportButtons path="/catalog/export" testId="catalog-export" />
            {hasPermission('catalog.amendments.read') ? (
              <ButtonLink to="/catalog/amendments" variant="default" data-testid="catalog-work-link">
                {t('catalogWork.amendments.title')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {list.data ? <SourceCitation version={list.data.version} /> : null}
      <TextInput
        label={t('catalog.filterLabel')}
        description={t('catalog.filterHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={480}
        my="lg"
        type="search"
        data-testid="catalog-filter"
      />
      <ErrorAlert error={error} mb="md" />
      {!filtered && !error ? <PageLoader /> : null}
      {filtered && filtered.length === 0 ? (
        <Alert variant="light" color="gray" data-testid="catalog-empty">
          {t('catalog.noMatch')}
        </Alert>
      ) : null}
      <Stack gap="md">
        {(filtered ?? []).map((sector) => (
          <Card key={sector.code} withBorder padding="lg" component="section" aria-labelledby={`sector-${sector.code}`}>
            <Group gap="sm" align="baseline" wrap="nowrap" mb={4}>
              <Badge variant="light" size="lg" style={{ flexShrink: 0 }}>
                {sector.code}
              </Badge>
              <Title order={2} fz="lg" id={`sector-${sector.code}`}>
                <AnchorLink to="/catalog/$code" params={{ code: sector.code }} c="harbour.8">
                  {localized(i18n.language, sector.nameVi, sector.nameEn)}
                </AnchorLink>
              </Title>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {localized(i18n.language, sector.descriptionVi, sector.descriptionEn)}
            </Text>
            <List spacing={6} size="sm" listStyleType="none" pl={0}>
              {sector.items.map((item) => (
                <List.Item key={item.code}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={600} c="harbour.8" miw={52} ff="monospace">
                      {item.code}
                    </Text>
                    <Text size="sm">{localized(i18n.language, item.nameVi, item.nameEn)}</Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Card>
        ))}
      </Stack>
    </Container>
  );
}
