import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { formatDateTime } from '../../lib/format.js';
import type { Amendment } from './catalog-work-api.js';

const FIELDS = ['nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'keywordsVi', 'keywordsEn', 'vsic', 'listItemIds'] as const;

/** Short title of a proposal: the proposed name, else the direction's current name. */
export function amendmentTitle(amendment: Amendment, language: string): string {
  const vi = amendment.changes.nameVi ?? amendment.currentItem?.nameVi ?? '';
  const en = amendment.changes.nameEn ?? amendment.currentItem?.nameEn ?? '';
  return language === 'en' ? en || vi : vi || en;
}

/** What a proposal changes, why, and what became of it. */
export function AmendmentDetails({ amendment }: { amendment: Amendment }) {
  const { t, i18n } = useTranslation();
  const value = (field: (typeof FIELDS)[number]) => {
    const v = amendment.changes[field];
    if (field === 'listItemIds' && Array.isArray(v)) return t('catalogWork.amendments.linkCount', { count: v.length });
    return Array.isArray(v) ? v.join(', ') : v;
  };
  return (
    <Stack gap={6} data-testid="amendment-details">
      {amendment.currentItem && amendment.kind !== 'add' ? (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('catalogWork.amendments.currentName')}:{' '}
          </Text>
          {i18n.language === 'en' ? amendment.currentItem.nameEn : amendment.currentItem.nameVi}
        </Text>
      ) : null}
      {amendment.kind === 'add' && amendment.requestedCode ? (
        <Text size="sm">{t('catalogWork.amendments.requestedCode', { code: amendment.requestedCode })}</Text>
      ) : null}
      {FIELDS.filter((field) => amendment.changes[field] !== undefined).map((field) => (
        <Text size="sm" key={field}>
          <Text span fw={600} size="sm">
            {t(`catalogWork.fields.${field}`)}:{' '}
          </Text>
          {value(field) || t('catalogWork.diff.empty')}
        </Text>
      ))}
      <Text size="sm">
        <Text span fw={600} size="sm">
          {t('catalogWork.amendments.justification')}:{' '}
        </Text>
        {amendment.justification}
      </Text>
      <Text size="xs" c="gray.7">
        {t('catalogWork.amendments.proposedBy', { name: amendment.proposerName, date: formatDateTime(amendment.createdAt, i18n.language) })}
      </Text>
      {amendment.decisionNote ? (
        <Text size="sm" c="red.8">
          <Text span fw={600} size="sm">
            {t('catalogWork.amendments.decisionNote')}:{' '}
          </Text>
          {amendment.decisionNote}
        </Text>
      ) : null}
      {amendment.version ? (
        <Text size="sm">
          {t('catalogWork.amendments.inVersion')}{' '}
          <AnchorLink to="/catalog/drafts/$id" params={{ id: amendment.version.id }} size="sm">
            {amendment.version.label}
          </AnchorLink>{' '}
          ({t(`catalogWork.versionStatuses.${amendment.version.status}`)})
        </Text>
      ) : null}
    </Stack>
  );
}
