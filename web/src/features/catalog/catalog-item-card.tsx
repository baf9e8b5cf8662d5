import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localized, type CatalogItem } from './catalog-api.js';
import { ListItemLinks } from './list-item-links.js';

interface CatalogItemCardProps {
  item: CatalogItem;
  /** Heading level of the direction's name (3 under a sector h2). */
  headingOrder?: 3 | 4;
  /** E.g. an "Edit" button in the draft editor. */
  actions?: ReactNode;
}

/** One technology direction: code, name, description, keywords, VSIC codes and national-list links. */
export function CatalogItemCard({ item, headingOrder = 3, actions }: CatalogItemCardProps) {
  const { t, i18n } = useTranslation();
  const keywords = i18n.language === 'en' ? item.keywordsEn : item.keywordsVi;
  return (
    <Card withBorder padding="lg" component="article" id={`item-${item.code}`} data-testid="catalog-item" data-code={item.code}>
      <Group gap="sm" align="baseline" wrap="nowrap" mb={6} justify="space-between">
        <Group gap="sm" align="baseline" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text fw={700} c="harbour.8" ff="monospace" style={{ flexShrink: 0 }}>
            {item.code}
          </Text>
          <Title order={headingOrder} fz="md">
            {localized(i18n.language, item.nameVi, item.nameEn)}
          </Title>
        </Group>
        {actions}
      </Group>
      <Stack gap="xs">
        {item.descriptionVi || item.descriptionEn ? <Text size="sm">{localized(i18n.language, item.descriptionVi, item.descriptionEn)}</Text> : null}
        {keywords.length > 0 ? (
          <Group gap={6} aria-label={t('catalog.keywords')} role="group">
            <Text size="xs" fw={600} c="gray.7">
              {t('catalog.keywords')}
            </Text>
            {keywords.map((keyword) => (
              <Badge key={keyword} variant="outline" color="gray.7" size="sm" tt="none">
                {keyword}
              </Badge>
            ))}
          </Group>
        ) : null}
        {item.vsic.length > 0 ? (
          <Text size="xs" c="gray.7">
            {t('catalog.vsic', { codes: item.vsic.join(', ') })}
          </Text>
        ) : null}
        <ListItemLinks items={item.listItems} />
      </Stack>
    </Card>
  );
}
