import { Alert, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized, type CatalogDiff, type ListItemRef } from './catalog-api.js';
import { useListCitation } from './list-item-links.js';

type DiffField = CatalogDiff['sectors'][number]['changed'][number]['fields'][number];

/** A field's value as text: lists joined, national-list items named by their citation. */
function useFieldText(listItems: readonly ListItemRef[]) {
  const { t, i18n } = useTranslation();
  const citation = useListCitation();
  return (field: DiffField['field'], value: string | string[]) => {
    if (field === 'listItemIds' && Array.isArray(value)) {
      return value
        .map((id) => listItems.find((ref) => ref.id === id))
        .map((ref) => (ref ? `${localized(i18n.language, ref.nameVi, ref.nameEn)} (${citation(ref)})` : t('catalogWork.links.unknown')))
        .join('; ');
    }
    return Array.isArray(value) ? value.join(', ') : value;
  };
}

function ChangedField({ field, listItems }: { field: DiffField; listItems: readonly ListItemRef[] }) {
  const { t } = useTranslation();
  const text = useFieldText(listItems);
  const before = text(field.field, field.before);
  const after = text(field.field, field.after);
  return (
    <Box data-testid="diff-field" data-field={field.field}>
      <Text size="xs" fw={700} c="gray.8">
        {t(`catalogWork.fields.${field.field}`)}
      </Text>
      <Text size="sm" bg="red.0" px={6} py={2} style={{ borderRadius: 4 }}>
        <Text span fw={600} size="xs">
          {t('catalogWork.diff.before')}:{' '}
        </Text>
        {before || t('catalogWork.diff.empty')}
      </Text>
      <Text size="sm" bg="teal.0" px={6} py={2} mt={2} style={{ borderRadius: 4 }}>
        <Text span fw={600} size="xs">
          {t('catalogWork.diff.after')}:{' '}
        </Text>
        {after || t('catalogWork.diff.empty')}
      </Text>
    </Box>
  );
}

/** Differences between two versions, per sector: directions added, changed (field by field) and retired. */
export function DiffView({ diff, headingOrder = 2 }: { diff: CatalogDiff; headingOrder?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const { totals } = diff;
  const itemHeading = headingOrder === 2 ? 3 : 4;
  return (
    <Stack gap="md" data-testid="catalog-diff">
      <Group gap="xs" data-testid="diff-totals">
        <Badge color="teal" variant="light" tt="none" size="lg">
          {t('catalogWork.diff.added', { count: totals.added })}
        </Badge>
        <Badge color="blue" variant="light" tt="none" size="lg">
          {t('catalogWork.diff.changed', { count: totals.changed })}
        </Badge>
        <Badge color="red" variant="light" tt="none" size="lg">
          {t('catalogWork.diff.retired', { count: totals.retired })}
        </Badge>
      </Group>
      {diff.sectors.length === 0 ? (
        <Alert variant="light" color="gray" data-testid="diff-none">
          {t('catalogWork.diff.none')}
        </Alert>
      ) : null}
      {diff.sectors.map((sector) => (
        <Card key={sector.code} withBorder padding="lg" component="section" aria-labelledby={`diff-sector-${sector.code}`} data-testid="diff-sector" data-code={sector.code}>
          <Title order={headingOrder} fz="lg" mb="sm" id={`diff-sector-${sector.code}`}>
            {sector.code} {localized(i18n.language, sector.nameVi, sector.nameEn)}
          </Title>
          <Stack gap="sm">
            {sector.added.map((item) => (
              <Box key={item.code} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-teal-6)' }} data-testid="diff-added" data-code={item.code}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Badge color="teal.9" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t('catalogWork.kinds.add')}
                  </Badge>
                  <Title order={itemHeading} fz="sm">
                    <Text span ff="monospace" fw={700} fz="sm">
                      {item.code}
                    </Text>{' '}
                    {item.nameVi}
                  </Title>
                </Group>
                <Text size="sm" c="gray.7" lang="en">
                  {item.nameEn}
                </Text>
              </Box>
            ))}
            {sector.changed.map((change) => (
              <Box key={change.code} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-6)' }} data-testid="diff-changed" data-code={change.code}>
                <Group gap="xs" wrap="nowrap" align="baseline" mb={4}>
                  <Badge color="blue.9" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t('catalogWork.kinds.reword')}
                  </Badge>
                  <Title order={itemHeading} fz="sm">
                    <Text span ff="monospace" fw={700} fz="sm">
                      {change.code}
                    </Text>{' '}
                    {localized(i18n.language, change.nameVi, change.nameEn)}
                  </Title>
                </Group>
                <Stack gap={6}>
                  {change.fields.map((field) => (
                    <ChangedField key={field.field} field={field} listItems={diff.listItems} />
                  ))}
                </Stack>
              </Box>
            ))}
            {sector.retired.map((item) => (
              <Box key={item.code} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-red-6)' }} data-testid="diff-retired" data-code={item.code}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Badge color="red.9" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t('catalogWork.kinds.retire')}
                  </Badge>
                  <Title order={itemHeading} fz="sm">
                    <Text span ff="monospace" fw={700} fz="sm">
                      {item.code}
                    </Text>{' '}
                    {item.nameVi}
                  </Title>
                </Group>
                <Text size="sm" c="gray.7" lang="en">
                  {item.nameEn}
                </Text>
              </Box>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
