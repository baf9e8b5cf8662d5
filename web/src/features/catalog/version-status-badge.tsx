import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogVersionSummary } from './catalog-api.js';

/** Plain colour names: the theme keeps their light variants at a 4.5:1 contrast. */
const COLORS: Record<string, string> = {
  current: 'teal',
  scheduled: 'blue',
  superseded: 'gray',
  draft: 'yellow',
  submitted: 'harbour',
  rejected: 'red',
  discarded: 'gray',
};

/** "In force", "Effective from a later day", "Replaced", or the workflow status of a version not approved. */
export function VersionStatusBadge({ version }: { version: Pick<CatalogVersionSummary, 'status' | 'phase'> }) {
  const { t } = useTranslation();
  const key = version.phase ?? version.status;
  const label = version.phase ? t(`catalogWork.phases.${version.phase}`) : t(`catalogWork.versionStatuses.${version.status}`);
  return (
    <Badge color={COLORS[key] ?? 'gray'} variant="light" tt="none" data-testid="version-status">
      {label}
    </Badge>
  );
}
