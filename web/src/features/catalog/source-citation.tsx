import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { formatDate } from '../../lib/format.js';
import { localized, type CatalogVersion } from './catalog-api.js';

/** "Source: Decision 872/QĐ-UBND …, version …, effective from …", with the way to earlier versions. */
export function SourceCitation({ version }: { version: CatalogVersion }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert variant="light" color="harbour" title={t('catalog.sourceTitle')} data-testid="catalog-source">
      <Text size="sm">
        {t('catalog.source', {
          instrument: localized(i18n.language, version.sourceInstrument, version.sourceInstrumentEn),
          version: version.versionLabel,
          date: formatDate(version.effectiveFrom, i18n.language),
        })}
      </Text>
      <Group gap="md" mt={6}>
        <AnchorLink to="/catalog/versions/$id" params={{ id: version.id }} size="sm" data-testid="catalog-current-version">
          {t('catalogWork.catalog.currentVersion')}
        </AnchorLink>
        <AnchorLink to="/catalog/history" size="sm" data-testid="catalog-history-link">
          {t('catalogWork.catalog.history')}
        </AnchorLink>
      </Group>
    </Alert>
  );
}
