import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../lib/countries.js';

interface CountrySelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  /** ISO 3166-1 alpha-2 code, or '' for none. */
  value: string;
  onChange: (code: string) => void;
}

/** A searchable list of countries named in the UI language (value: the ISO code). */
export function CountrySelect({ value, onChange, ...props }: CountrySelectProps) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  return (
    <Select
      data={countries}
      searchable
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      nothingFoundMessage={t('common.noOptions')}
      {...props}
    />
  );
}
