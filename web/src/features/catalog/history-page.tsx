import { Container, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { previousApproved, useVersions, type CatalogVersionSummary } from './catalog-api.js';
import { VersionStatusBadge } from './version-status-badge.js';

/** Every version of the catalog: label, decision, validity and status; links to each version and to the differences. */
export function HistoryPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('catalogWork.history.title'));
  const versions = useVersions();
  const { hasPermission } = useSession();
  const items = versions.data?.items ?? [];
  const isStaff = hasPermission('catalog.amendments.read');

  const versionLink = (version: CatalogVersionSummary) =>
    version.status === 'approved' || !isStaff ? (
      <AnchorLink to="/catalog/versions/$id" params={{ id: version.id }} fw={600} data-testid="history-version-link">
        {version.label}
      </AnchorLink>
    ) : (
      <AnchorLink to="/catalog/drafts/$id" params={{ id: version.id }} fw={600} data-testid="history-version-link">
        {version.label}
      </AnchorLink>
    );

  return (
    <Container size="xl" py="xl">
      <PageBreadcrumbs current={t('catalogWork.history.title')}>
        <AnchorLink to="/catalog" size="sm">
          {t('catalog.title')}
        </AnchorLink>
      </PageBreadcrumbs>
      <PageHeader
        title={t('catalogWork.history.title')}
        description={t('catalogWork.history.intro')}
        actions={
          <ButtonLink to="/catalog/compare" variant="light" data-testid="history-compare">
            {t('catalogWork.compare.title')}
          </ButtonLink>
        }
      />
      <ErrorAlert error={versions.error} mb="md" />
      {!versions.data && !versions.error ? <PageLoader /> : null}
      {versions.data ? (
        <DataTable
          items={items}
          label={t('catalogWork.history.title')}
          minWidth={960}
          testId="history-table"
          striped
          columns={[
            t('catalogWork.version.label'),
            t('catalogWork.version.status'),
            t('catalogWork.version.decisionNumber'),
            t('catalogWork.version.decisionDate'),
            t('catalogWork.version.effectiveFrom'),
            t('catalogWork.version.effectiveTo'),
            t('catalogWork.version.itemCount'),
            t('common.actions'),
          ]}
          renderRow={(version) => {
            const previous = previousApproved(items, version);
            return (
              <Table.Tr key={version.id} data-testid="history-row" data-status={version.status} data-phase={version.phase ?? ''}>
                <Table.Td>{versionLink(version)}</Table.Td>
                <Table.Td>
                  <VersionStatusBadge version={version} />
                </Table.Td>
                <Table.Td>{version.decisionNumber ?? ''}</Table.Td>
                <Table.Td>{formatDate(version.decisionDate, i18n.language)}</Table.Td>
                <Table.Td>{formatDate(version.effectiveFrom, i18n.language)}</Table.Td>
                <Table.Td>{formatDate(version.effectiveTo, i18n.language)}</Table.Td>
                <Table.Td>{version.itemCount}</Table.Td>
                <Table.Td>
                  {previous ? (
                    <AnchorLink to="/catalog/compare" search={{ from: previous.id, to: version.id }} size="sm" data-testid="history-compare-previous">
                      {t('catalogWork.history.compareWithPrevious')}
                    </AnchorLink>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          }}
        />
      ) : null}
    </Container>
  );
}
