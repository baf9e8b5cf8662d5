import { Alert, Box, Card, Container, LoadingOverlay, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { VsicList } from '../../../../common/src/api/vsic.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { FilterCard } from '../../components/filter-card.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { PaginationBar } from '../../components/pagination-bar.js';
import { formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useListSearch } from '../../lib/use-list-search.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { localized, vietnamToday, type ListItemsPage, type ListVersions } from './technology-lists-api.js';
import { ListItemCard, VersionSummary } from './technology-lists-parts.js';

const routeApi = getRouteApi('/technology-lists');
const PAGE_SIZE = 20;
const FILTER_KEYS = ['q', 'listType', 'direction', 'sector', 'versionId', 'at'] as const;

/** Public page: national list items in force on a date (today by default) or of one version, with citations. */
export function TechnologyListsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('techLists.title'));
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: FILTER_KEYS,
    defaults: { sort: 'list', order: 'asc' },
    pageSize: PAGE_SIZE,
  });
  const items = useApiQuery<ListItemsPage>(`/technology-lists/items${list.pageQuery}`);
  const versions = useApiQuery<ListVersions>('/technology-lists');
  const vsic = useApiQuery<VsicList>('/vsic');
  const at = (list.query.at as string | undefined) ?? vietnamToday();
  const exportQuery = Object.fromEntries(Object.entries(list.query).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const choosingVersion = list.filterInput('versionId').value !== '';

  return (
    <Container size="xl" py="xl">
      <PageHeader
        title={t('techLists.title')}
        description={t('techLists.intro')}
        actions={
          <>
            <ExportButtons path="/technology-lists/items/export" query={exportQuery} testId="lists-export" />
          </>
        }
      />
      <Alert variant="light" color="blue" mb="md">
        <Text size="sm">{t('techLists.officerNote')}</Text>
        <Text size="sm">{t('techLists.translationNote')}</Text>
      </Alert>

      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="lists-filters" grid>
        <TextInput type="search" label={t('techLists.filters.q')} {...list.filterInput('q')} data-testid="lists-q" />
        <NativeSelect
          label={t('techLists.filters.listType')}
          {...list.filterInput('listType')}
          data={[
            { value: '', label: t('techLists.all') },
            { value: 'encouraged', label: t('techLists.listTypes.encouraged') },
            { value: 'restricted', label: t('techLists.listTypes.restricted') },
            { value: 'prohibited', label: t('techLists.listTypes.prohibited') },
          ]}
          data-testid="lists-type"
        />
        <NativeSelect
          label={t('techLists.filters.direction')}
          {...list.filterInput('direction')}
          data={[
            { value: '', label: t('techLists.filters.anyDirection') },
            { value: 'inbound_domestic', label: t('techLists.directions.inbound_domestic') },
            { value: 'outbound', label: t('techLists.directions.outbound') },
          ]}
        />
        <NativeSelect
          label={t('techLists.filters.sector')}
          {...list.filterInput('sector')}
          data={[
            { value: '', label: t('techLists.filters.anySector') },
            ...(vsic.data?.codes ?? []).map((code) => ({
              value: code.code,
              label: `${code.level === 2 ? '\u00a0\u00a0' : ''}${code.code} – ${localized(i18n.language, code.nameVi, code.nameEn)}`,
            })),
          ]}
        />
        <NativeSelect
          label={t('techLists.filters.version')}
          {...list.filterInput('versionId')}
          data={[
            { value: '', label: t('techLists.filters.versionInForce') },
            ...(versions.data?.versions ?? []).map((version) => ({ value: version.id, label: `${version.code} – ${localized(i18n.language, version.sourceInstrument, version.sourceInstrumentEn)}` })),
          ]}
          data-testid="lists-version"
        />
        <TextInput type="date" label={t('techLists.filters.at')} disabled={choosingVersion} {...list.filterInput('at')} data-testid="lists-at" />
        <NativeSelect
          label={t('techLists.filters.sort')}
          value={list.sort}
          onChange={(event) => list.onSort(event.currentTarget.value, 'asc')}
          data={(['list', 'name', 'sector', 'itemNo'] as const).map((value) => ({ value, label: t(`techLists.sorts.${value}`) }))}
        />
      </FilterCard>

      <ErrorAlert error={items.error} mb="md" />
      {!items.data && items.isLoading ? <PageLoader /> : null}
      {items.data ? (
        <Stack gap="md">
          <section aria-labelledby="lists-versions">
            <Title order={2} fz="lg" id="lists-versions" mb="xs">
              {items.data.at ? t('techLists.inForceOn', { date: formatDate(items.data.at ?? at, i18n.language) }) : t('techLists.filters.version')}
            </Title>
            {items.data.versions.length === 0 ? (
              <Alert variant="light" color="gray">
                {t('techLists.noVersionInForce')}
              </Alert>
            ) : (
              <Stack gap="xs">
                {items.data.versions.map((version) => (
                  <VersionSummary key={version.id} version={version} />
                ))}
              </Stack>
            )}
          </section>
          <Box pos="relative" component="section" aria-labelledby="lists-items">
            <LoadingOverlay visible={items.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
            <Title order={2} fz="lg" id="lists-items" mb="xs">
              {t('techLists.columns.item')}
            </Title>
            {items.data.items.length === 0 ? (
              <Card withBorder padding="md">
                <Text size="sm" ta="center">
                  {t('common.noResults')}
                </Text>
              </Card>
            ) : (
              <Stack gap="sm" data-testid="lists-items">
                {items.data.items.map((item) => (
                  <ListItemCard key={item.id} item={item} />
                ))}
              </Stack>
            )}
            <PaginationBar {...list.pagination} total={items.data.total} />
          </Box>
        </Stack>
      ) : null}
    </Container>
  );
}
