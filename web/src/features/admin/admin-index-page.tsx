import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { visibleAdminSections } from './admin-sections.js';

export function AdminIndexPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const { hasPermission } = useSession();
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {visibleAdminSections(hasPermission).map((section) => (
          <Card key={section.key} withBorder padding="lg" className="sector-card">
            <Stack gap={6}>
              <AnchorLink to={section.to} className="stretched-link" fw={700} fz="lg">
                {t(`admin.sections.${section.key}`)}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {t(`admin.descriptions.${section.key}`)}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
