import { Alert, Autocomplete, Box, Button, Card, Container, Drawer, Grid, Group, LoadingOverlay, NativeSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogSector } from '../../../../../common/src/api/catalog.js';
import { SEARCH_FACETS, SEARCH_SORTS, type ExchangeSearchResult, type SuggestResult } from '../../../../../common/src/api/exchange-search.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { PaginationBar } from '../../../components/pagination-bar.js';
import { toQueryString } from '../../../lib/api.js';
import { formatNumber } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { SaveSearchButton } from '../saved/save-search-button.js';
import { ActiveFilters, FacetPanel, selectedValue } from './search-facets.js';
import { SearchHitCard } from './search-hit-card.js';
import type { SectorNames } from './search-labels.js';
import type { ExchangeSearchParams } from './search.routes.js';

const routeApi = getRouteApi('/exchange');
const PAGE_SIZE = 20;

/** The search box: suggestions as you type (titles open the listing, words complete the query). */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [typed] = useDebouncedValue(text.trim(), 200);
  const suggest = useApiQuery<SuggestResult>(typed.length >= 2 ? `/exchange/suggest${toQueryString({ q: typed })}` : null);
  const suggestions = typed.length >= 2 ? (suggest.data?.suggestions ?? []) : [];
  const options = suggestions.map((s) => (s.kind === 'title' ? t('exchangeSearch.suggestionTitle', { title: s.text }) : s.text));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim() || undefined);
  };
  return (
    <form onSubmit={submit} role="search" data-testid="search-form">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Autocomplete
          style={{ flex: 1 }}
          label={t('exchangeSearch.searchLabel')}
          placeholder={t('exchangeSearch.searchPlaceholder')}
          value={text}
          onChange={setText}
          data={[...new Set(options)]}
          filter={({ options: all }) => all}
          limit={8}
          maxLength={200}
          onOptionSubmit={(value) => {
            const chosen = suggestions[options.indexOf(value)];
            if (chosen?.kind === 'title' && chosen.listingId) {
              window.location.assign(`/exchange/listings/${chosen.listingId}`);
              return;
            }
            setText(value);
            onSearch(value);
          }}
          data-testid="search-q"
        />
        <Button type="submit">{t('exchangeSearch.submit')}</Button>
      </Group>
    </form>
  );
}

/** How the query was read: typo corrections, glossary translations, partial matches. */
function Interpretation({ result }: { result: ExchangeSearchResult }) {
  const { t } = useTranslation();
  const { corrections, expansions, allWords } = result.interpretation;
  if (corrections.length === 0 && expansions.length === 0 && allWords) return null;
  return (
    <Stack gap={2} data-testid="search-interpretation">
      {corrections.map((c) => (
        <Text key={c.from} size="sm" c="dimmed">
          {t('exchangeSearch.correctedTo', c)}
        </Text>
      ))}
      {expansions.map((x) => (
        <Text key={x.from} size="sm" c="dimmed">
          {t('exchangeSearch.expandedTo', { from: x.from, to: x.to.join(', ') })}
        </Text>
      ))}
      {!allWords ? (
        <Text size="sm" c="dimmed">
          {t('exchangeSearch.someWords')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The exchange home: search published listings with facets; query, filters, sort and page live in the URL. */
export function ExchangeSearchPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('exchangeSearch.title'));
  const params = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const [drawerOpened, drawer] = useDisclosure(false);
  const page = params.page ?? 1;
  const sort = params.sort ?? 'relevance';
  const apiQuery = { ...params, sort, page, pageSize: PAGE_SIZE };
  const result = useApiQuery<ExchangeSearchResult>(`/exchange/search${toQueryString(apiQuery)}`);
  const catalog = useApiQuery<{ sectors: CatalogSector[] }>('/catalog/sectors');
  const sectors: SectorNames = useMemo(
    () => new Map((catalog.data?.sectors ?? []).map((s) => [s.code, i18n.language === 'en' ? s.nameEn : s.nameVi])),
    [catalog.data, i18n.language],
  );
  const setParams = (patch: Partial<ExchangeSearchParams>) => void navigate({ search: (previous) => ({ ...previous, page: undefined, ...patch }) });
  const onFilter = (patch: Partial<ExchangeSearchParams>) => {
    setParams(patch);
    drawer.close();
  };
  const activeCount = SEARCH_FACETS.filter((facet) => selectedValue(params, facet) !== undefined).length;
  const data = result.data;
  const exportQuery = Object.fromEntries(Object.entries(apiQuery).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
  const { page: _page, ...savedQuery } = { ...params, sort };
  const facetPanel = data ? <FacetPanel facets={data.facets} params={params} sectors={sectors} onChange={onFilter} /> : null;

  return (
    <Container size="xl" py="xl">
      <PageHeader title={t('exchangeSearch.title')} description={t('exchangeSearch.intro')} actions={
          <>
            <SaveSearchButton query={savedQuery} />
            <ExportButtons path="/exchange/search/export" query={exportQuery} testId="search-export" />
          </>
        } />
      <Card withBorder padding="md" mb="md">
        <SearchBox key={params.q ?? ''} initial={params.q ?? ''} onSearch={(q) => setParams({ q })} />
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
          <Box component="aside" aria-label={t('exchangeSearch.filters')}>
            {facetPanel}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <Stack gap={4}>
                {data ? (
                  <Text fw={600} data-testid="search-total">
                    {data.totalCapped ? t('exchangeSearch.resultsCapped', { count: formatNumber(data.total, i18n.language) }) : t('exchangeSearch.results', { count: formatNumber(data.total, i18n.language) })}
                  </Text>
                ) : null}
                {data ? <Interpretation result={data} /> : null}
              </Stack>
              <Group gap="sm" align="flex-end">
                <Button variant="default" hiddenFrom="md" onClick={drawer.open} data-testid="search-open-filters">
                  {t('exchangeSearch.openFilters', { count: activeCount })}
                </Button>
                <NativeSelect
                  label={t('exchangeSearch.sortLabel')}
                  value={sort}
                  onChange={(event) => setParams({ sort: event.currentTarget.value as ExchangeSearchParams['sort'] })}
                  data={SEARCH_SORTS.map((value) => ({ value, label: t(`exchangeSearch.sorts.${value}`) }))}
                  data-testid="search-sort"
                />
              </Group>
            </Group>
            <ActiveFilters params={params} sectors={sectors} onChange={setParams} />
            <ErrorAlert error={result.error} />
            {!data && result.isLoading ? <PageLoader /> : null}
            {data ? (
              <Box pos="relative" component="section" aria-label={t('exchangeSearch.resultsList')}>
                <LoadingOverlay visible={result.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
                {data.items.length === 0 ? (
                  <Alert variant="light" color="gray" data-testid="search-empty">
                    {t('exchangeSearch.noResults')}
                  </Alert>
                ) : (
                  <Stack gap="sm" data-testid="search-results">
                    {data.items.map((hit) => (
                      <SearchHitCard key={hit.listing.id} hit={hit} />
                    ))}
                  </Stack>
                )}
                <PaginationBar page={page} pageSize={PAGE_SIZE} total={data.total} onChange={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
              </Box>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <Drawer opened={drawerOpened} onClose={drawer.close} title={t('exchangeSearch.filters')} position="bottom" size="85%" hiddenFrom="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {facetPanel}
      </Drawer>
    </Container>
  );
}
