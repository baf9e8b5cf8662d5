import { Alert, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
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
  return (
    <Box data-testid="diff-field" data-field={field.field}>
      <Text size="xs" fw={700} c="gray.8">
        {t(`catalogWork.fields.${field.field}`)}
      </Text>
      <FieldValue label={t('catalogWork.diff.before')} value={text(field.field, field.before)} bg="red.0" />
      <FieldValue label={t('catalogWork.diff.after')} value={text(field.field, field.after)} bg="teal.0" mt={2} />
    </Box>
  );
}

function FieldValue({ label, value, bg, mt }: { label: string; value: string; bg: string; mt?: number }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" bg={bg} px={6} py={2} mt={mt} style={{ borderRadius: 4 }}>
      <Text span fw={600} size="xs">
        {label}:{' '}
      </Text>
      {value || t('catalogWork.diff.empty')}
    </Text>
  );
}

const ENTRY_COLOR = { add: 'teal', reword: 'blue', retire: 'red' } as const;
const ENTRY_TEST_ID = { add: 'diff-added', reword: 'diff-changed', retire: 'diff-retired' } as const;

interface EntryProps {
  kind: keyof typeof ENTRY_COLOR;
  code: string;
  nameVi: string;
  nameEn: string;
  headingOrder: 3 | 4;
  /** Field changes of a reworded direction; added and retired directions show their name in the other language. */
  children?: ReactNode;
}

/** One direction in the differences: a coloured bar, the kind of change, code and name. */
function DiffEntry({ kind, code, nameVi, nameEn, headingOrder, children }: EntryProps) {
  const { t, i18n } = useTranslation();
  const color = ENTRY_COLOR[kind];
  const english = i18n.language === 'en';
  return (
    <Box pl="sm" style={{ borderLeft: `3px solid var(--mantine-color-${color}-6)` }} data-testid={ENTRY_TEST_ID[kind]} data-code={code}>
      <Group gap="xs" wrap="nowrap" align="baseline" mb={children ? 4 : undefined}>
        <Badge color={`${color}.9`} size="sm" tt="none" style={{ flexShrink: 0 }}>
          {t(`catalogWork.kinds.${kind}`)}
        </Badge>
        <Title order={headingOrder} fz="sm">
          <Text span ff="monospace" fw={700} fz="sm">
            {code}
          </Text>{' '}
          {localized(i18n.language, nameVi, nameEn)}
        </Title>
      </Group>
      {children ?? (
        <Text size="sm" c="gray.7" lang={english ? 'vi' : 'en'}>
          {english ? nameVi : nameEn}
        </Text>
      )}
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
              <DiffEntry key={item.code} kind="add" code={item.code} nameVi={item.nameVi} nameEn={item.nameEn} headingOrder={itemHeading} />
            ))}
            {sector.changed.map((change) => (
              <DiffEntry key={change.code} kind="reword" code={change.code} nameVi={change.nameVi} nameEn={change.nameEn} headingOrder={itemHeading}>
                <Stack gap={6}>
                  {change.fields.map((field) => (
                    <ChangedField key={field.field} field={field} listItems={diff.listItems} />
                  ))}
                </Stack>
              </DiffEntry>
            ))}
            {sector.retired.map((item) => (
              <DiffEntry key={item.code} kind="retire" code={item.code} nameVi={item.nameVi} nameEn={item.nameEn} headingOrder={itemHeading} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
