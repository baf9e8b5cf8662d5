import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as catalog from '../../../../../common/src/api/catalog.js';
import { useApiQuery } from '../../../lib/use-api-query.js';

interface CatalogItemPickerProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

/** Priority-catalog items in force, grouped by sector, searchable (code and name in the UI language). */
export function CatalogItemPicker({ label, description, value, onChange, error }: CatalogItemPickerProps) {
  const { t, i18n } = useTranslation();
  const sectors = useApiQuery<z.infer<typeof catalog.CatalogSectorList>>('/catalog/sectors');
  const version = useApiQuery<z.infer<typeof catalog.CatalogVersionDetail>>(sectors.data ? `/catalog/versions/${encodeURIComponent(sectors.data.version.id)}` : null);
  const en = i18n.language.startsWith('en');
  const data = useMemo(() => {
    const groups = (version.data?.sectors ?? []).map((sector) => ({
      group: `${sector.code} ${en ? sector.nameEn : sector.nameVi}`,
      items: sector.items.map((item) => ({ value: item.code, label: `${item.code} ${en ? item.nameEn : item.nameVi}` })),
    }));
    // Codes already chosen but no longer in the catalog stay visible so they can be removed.
    const known = new Set(groups.flatMap((group) => group.items.map((item) => item.value)));
    const unknown = value.filter((code) => !known.has(code)).map((code) => ({ value: code, label: code }));
    return unknown.length > 0 ? [...groups, { group: t('exchangeListings.form.otherCodes'), items: unknown }] : groups;
  }, [version.data, en, value, t]);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      maxValues={10}
      error={error}
      nothingFoundMessage={t('common.noOptions')}
      placeholder={version.data ? undefined : t('common.loading')}
      data-testid="field-catalog-items"
    />
  );
}
