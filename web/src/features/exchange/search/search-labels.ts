import type { TFunction } from 'i18next';
import type { SearchFacet } from '../../../../../common/src/api/exchange-search.js';
import { countryName } from '../../../lib/format.js';

/** Sector code → name in the reader's language (from /catalog/sectors). */
export type SectorNames = Map<string, string>;

/** The label of one facet value, in the reader's language. */
export function facetLabel(t: TFunction, language: string, sectors: SectorNames, facet: SearchFacet, value: string): string {
  switch (facet) {
    case 'kind':
      return t(`exchange.kinds.${value}`);
    case 'sector':
      return sectors.has(value) ? `${value} – ${sectors.get(value)}` : value;
    case 'catalogItem':
      return t('exchangeSearch.catalogItem', { code: value });
    case 'trl':
      return t('exchange.trlShort', { level: value });
    case 'country':
      return countryName(value, language);
    case 'transferForm':
      return t(`exchange.transferForms.${value}`);
    case 'ipType':
      return t(`exchange.ipTypes.${value}`);
    case 'language':
      return t(`exchange.languages.${value}`);
  }
}
