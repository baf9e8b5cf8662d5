import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { API_BASE, toQueryString } from '../lib/api.js';

interface ExportButtonsProps {
  /** The export operation under /api/v1, e.g. `/agencies/export`. */
  path: string;
  /** The same filters as the list on screen; `format` is added. */
  query?: Record<string, string | number | undefined>;
  /** Test ids `<testId>-csv` and `<testId>-xlsx`. */
  testId: string;
}

/** "Export CSV" and "Export XLSX" download links beside a list. */
export function ExportButtons({ path, query = {}, testId }: ExportButtonsProps) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => `${API_BASE}${path}${toQueryString({ ...query, format })}`;
  return (
    <Group gap="xs">
      <Button component="a" variant="light" href={href('csv')} download data-testid={`${testId}-csv`}>
        {t('common.exportCsv')}
      </Button>
      <Button component="a" variant="light" href={href('xlsx')} download data-testid={`${testId}-xlsx`}>
        {t('common.exportXlsx')}
      </Button>
    </Group>
  );
}
