import { Anchor, Badge, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../app/not-found-page.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageLoader } from '../../components/page-loader.js';
import { errorCode } from '../../lib/errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { decisionFileUrl, localized, previousApproved, useVersion, useVersions, type CatalogVersionSummary } from './catalog-api.js';
import { CatalogItemCard } from './catalog-item-card.js';
import { VersionHeader } from './version-header.js';

const routeApi = getRouteApi('/catalog/versions/$id');

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

/** Decision number, dates, validity, source and the signed decision of a version. */
export function VersionFacts({ version }: { version: CatalogVersionSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="version-facts">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label={t('catalogWork.version.decisionNumber')}>{version.decisionNumber}</Fact>
        <Fact label={t('catalogWork.version.decisionDate')}>{formatDate(version.decisionDate, i18n.language)}</Fact>
        <Fact label={t('catalogWork.version.effectiveFrom')}>{formatDate(version.effectiveFrom, i18n.language)}</Fact>
        <Fact label={t('catalogWork.version.effectiveTo')}>{formatDate(version.effectiveTo, i18n.language)}</Fact>
      </SimpleGrid>
      <Text size="sm" mt="md">
        {t('catalogWork.version.source', { instrument: localized(i18n.language, version.sourceInstrument, version.sourceInstrumentEn), section: version.sourceSection })}
      </Text>
      {version.decisionFile ? (
        <Stack gap={2} mt="sm">
          <Anchor href={decisionFileUrl(version.id)} size="sm" download data-testid="version-decision-file">
            {t('catalogWork.version.decisionFile', { name: version.decisionFile.name, size: formatNumber(Math.ceil(version.decisionFile.sizeBytes / 1024), i18n.language) })}
          </Anchor>
          <Text size="xs" c="gray.7" style={{ wordBreak: 'break-all' }}>
            {t('catalogWork.version.sha256')}: <Text span ff="monospace" fz="xs">{version.decisionFile.sha256}</Text>
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}

/** One version of the catalog as it was approved (or drafted): facts, exports, sectors and directions. */
export function VersionPage() {
  const { t, i18n } = useTranslation();
  const { id } = routeApi.useParams();
  const detail = useVersion(id);
  const versions = useVersions();
  const { hasPermission } = useSession();
  const data = detail.data?.version.id === id ? detail.data : undefined;
  usePageTitle(data ? t('catalogWork.version.title', { label: data.version.label }) : t('catalogWork.history.title'));
  if (errorCode(detail.error) === 'NOT_FOUND') return <NotFoundPage />;
  const previous = data && versions.data ? previousApproved(versions.data.items, data.version) : undefined;

  return (
    <Container size="xl" py="xl">
      <PageBreadcrumbs current={data?.version.label ?? ''}>
        <AnchorLink to="/catalog" size="sm">
          {t('catalog.title')}
        </AnchorLink>
        <AnchorLink to="/catalog/history" size="sm">
          {t('catalogWork.history.title')}
        </AnchorLink>
      </PageBreadcrumbs>
      <ErrorAlert error={detail.error} mb="md" />
      {!data && !detail.error ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          <VersionHeader
            version={data.version}
            title={t('catalogWork.version.title', { label: data.version.label })}
            meta={t('catalog.itemCount', { count: data.version.itemCount })}
            actions={
              <>
                <ExportButtons path="/catalog/export" query={{ version: id }} testId="version-export" />
                {previous ? (
                  <ButtonLink to="/catalog/compare" search={{ from: previous.id, to: id }} variant="default">
                    {t('catalogWork.history.compareWithPrevious')}
                  </ButtonLink>
                ) : null}
                {data.version.status !== 'approved' && hasPermission('catalog.amendments.read') ? (
                  <ButtonLink to="/catalog/drafts/$id" params={{ id }} variant="default">
                    {t('catalogWork.draft.open')}
                  </ButtonLink>
                ) : null}
              </>
            }
          />
          <VersionFacts version={data.version} />
          {data.sectors.map((sector) => (
            <Stack key={sector.code} gap="sm" component="section" aria-labelledby={`version-sector-${sector.code}`}>
              <Group gap="sm" align="baseline" wrap="nowrap">
                <Badge variant="light" size="lg" style={{ flexShrink: 0 }}>
                  {sector.code}
                </Badge>
                <Title order={2} fz="lg" id={`version-sector-${sector.code}`}>
                  {localized(i18n.language, sector.nameVi, sector.nameEn)}
                </Title>
              </Group>
              {sector.items.map((item) => (
                <CatalogItemCard key={item.code} item={item} />
              ))}
            </Stack>
          ))}
        </Stack>
      ) : null}
    </Container>
  );
}
