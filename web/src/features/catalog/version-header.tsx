import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CatalogVersionSummary } from './catalog-api.js';
import { VersionStatusBadge } from './version-status-badge.js';

interface VersionHeaderProps {
  version: Pick<CatalogVersionSummary, 'status' | 'phase'>;
  /** The page's h1. */
  title: string;
  /** A short dimmed line beside the status badge (item count, revision). */
  meta: ReactNode;
  metaTestId?: string;
  /** Under the title (e.g. the version a draft is based on). */
  children?: ReactNode;
  /** Buttons on the right; they wrap under the title on narrow screens. */
  actions: ReactNode;
  actionsTestId?: string;
}

/** Header of a catalog version page and of a draft's workspace: status badge, h1 and the version's actions. */
export function VersionHeader({ version, title, meta, metaTestId, children, actions, actionsTestId }: VersionHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
      <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Group gap="sm" wrap="wrap">
          <VersionStatusBadge version={version} />
          <Text size="sm" c="dimmed" data-testid={metaTestId}>
            {meta}
          </Text>
        </Group>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {title}
        </Title>
        {children}
      </Stack>
      <Group gap="sm" wrap="wrap" data-testid={actionsTestId}>
        {actions}
      </Group>
    </Group>
  );
}
