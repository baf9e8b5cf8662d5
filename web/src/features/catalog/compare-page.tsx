import { Card, Container, NativeSelect, SimpleGrid, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { previousApproved, useCompare, useVersions, type CatalogVersionSummary } from './catalog-api.js';
import { DiffView } from './diff-view.js';

const routeApi = getRouteApi('/catalog/compare');

/** Two versions side by side: what was added, changed (field by field, both languages) and retired, per sector. */
export function ComparePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('catalogWork.compare.title'));
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const versions = useVersions();
  const items = versions.data?.items ?? [];

  // Without a choice in the address: the version in force against the one before it.
  useEffect(() => {
    if (!versions.data || (search.from && search.to)) return;
    const current = versions.data.items.find((v) => v.phase === 'current');
    const previous = current ? previousApproved(versions.data.items, current) : undefined;
    if (current && previous) void navigate({ search: { from: search.from ?? previous.id, to: search.to ?? current.id }, replace: true });
  }, [versions.data, search.from, search.to, navigate]);

  const diff = useCompare(search.from, search.to);
  const optionLabel = (v: CatalogVersionSummary) =>
    `${v.label}${v.effectiveFrom ? ` · ${t('catalogWork.compare.from', { date: formatDate(v.effectiveFrom, i18n.language) })}` : ` · ${t(`catalogWork.versionStatuses.${v.status}`)}`}`;
  const options = [{ value: '', label: t('catalogWork.compare.choose') }, ...items.map((v) => ({ value: v.id, label: optionLabel(v) }))];

  return (
    <Container size="xl" py="xl">
      <PageBreadcrumbs current={t('catalogWork.compare.title')}>
        <AnchorLink to="/catalog" size="sm">
          {t('catalog.title')}
        </AnchorLink>
        <AnchorLink to="/catalog/history" size="sm">
          {t('catalogWork.history.title')}
        </AnchorLink>
      </PageBreadcrumbs>
      <PageHeader title={t('catalogWork.compare.title')} description={t('catalogWork.compare.intro')} />
      <Card withBorder padding="md" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t('catalogWork.compare.fromLabel')}
            value={search.from ?? ''}
            data={options}
            disabled={!versions.data}
            onChange={(event) => void navigate({ search: { ...search, from: event.currentTarget.value || undefined } })}
            data-testid="compare-from"
          />
          <NativeSelect
            label={t('catalogWork.compare.toLabel')}
            value={search.to ?? ''}
            data={options}
            disabled={!versions.data}
            onChange={(event) => void navigate({ search: { ...search, to: event.currentTarget.value || undefined } })}
            data-testid="compare-to"
          />
        </SimpleGrid>
      </Card>
      <ErrorAlert error={versions.error ?? diff.error} mb="md" />
      {(versions.isLoading && !versions.data) || (diff.isLoading && !diff.data) ? <PageLoader /> : null}
      {versions.data && items.length < 2 ? <Text c="dimmed">{t('catalogWork.compare.onlyOne')}</Text> : null}
      {diff.data && search.from && search.to ? <DiffView diff={diff.data} /> : null}
    </Container>
  );
}
