import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.js';

interface PaginationBarProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "N results" and page buttons under a table. */
export function PaginationBar({ page, pageSize, total, onChange }: PaginationBarProps) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="result-count">
        {t('common.resultCount', { count: total, formatted: formatNumber(total, i18n.language) })}
      </Text>
      {pages > 1 ? (
        <Pagination
          value={Math.min(page, pages)}
          total={pages}
          onChange={onChange}
          size="sm"
          siblings={1}
          getControlProps={(control) => ({
            'aria-label':
              control === 'previous'
                ? t('common.previousPage')
                : control === 'next'
                  ? t('common.nextPage')
                  : control === 'first'
                    ? t('common.firstPage')
                    : t('common.lastPage'),
          })}
          getItemProps={(item) => ({ 'aria-label': t('common.pageNumber', { page: item }) })}
        />
      ) : null}
    </Group>
  );
}
