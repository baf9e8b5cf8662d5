import { Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized, type ListItemRef } from './catalog-api.js';

const LIST_COLORS = { encouraged: 'teal', restricted: 'yellow', prohibited: 'red' } as const;

/** "Decree 76/2018, Appendix II, item 5" in the UI language. */
export function useListCitation() {
  const { t, i18n } = useTranslation();
  return (ref: ListItemRef) =>
    [
      localized(i18n.language, ref.sourceInstrument, ref.sourceInstrumentEn),
      ref.appendix ? t('catalogWork.links.appendix', { appendix: ref.appendix }) : null,
      ref.itemNo ? t('catalogWork.links.itemNo', { itemNo: ref.itemNo }) : null,
    ]
      .filter(Boolean)
      .join(', ');
}

/** The national-list items a direction is linked to: list type, citation and name (unverified ones marked). */
export function ListItemLinks({ items }: { items: readonly ListItemRef[] }) {
  const { t, i18n } = useTranslation();
  const citation = useListCitation();
  if (items.length === 0) return null;
  return (
    <div data-testid="catalog-item-links">
      <Text size="xs" fw={600} c="gray.7" mb={4}>
        {t('catalogWork.links.title')}
      </Text>
      <List spacing={4} size="sm" listStyleType="none" pl={0}>
        {items.map((ref) => (
          <List.Item key={ref.id}>
            <Group gap={6} wrap="wrap" align="baseline">
              <Badge color={LIST_COLORS[ref.listType]} variant="light" size="sm" tt="none">
                {t(`catalogWork.listTypes.${ref.listType}`)}
              </Badge>
              <Text size="sm" span>
                {localized(i18n.language, ref.nameVi, ref.nameEn)}
              </Text>
              <Text size="xs" c="gray.7" span>
                ({citation(ref)}
                {ref.verified ? '' : ` · ${t('catalogWork.links.unverified')}`}
                {ref.inForce ? '' : ` · ${t('catalogWork.links.notInForce')}`})
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
