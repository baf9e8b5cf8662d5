import type { TFunction } from 'i18next';
import type { ExchangeSearchInput } from '../../../../../common/src/api/exchange-search.js';

/** The criteria of a search query as short translated lines ("Keywords: …", "Type: …"); none: "Every new listing". */
export function criteriaOf(t: TFunction, query: Partial<ExchangeSearchInput>): string[] {
  const lines: string[] = [];
  if (query.q) lines.push(t('exchangeSaved.criteria.q', { value: query.q }));
  if (query.kind) lines.push(t('exchangeSaved.criteria.kind', { value: t(`exchange.kinds.${query.kind}`) }));
  if (query.sector) lines.push(t('exchangeSaved.criteria.sector', { value: query.sector }));
  if (query.catalogItem) lines.push(t('exchangeSaved.criteria.catalogItem', { value: query.catalogItem }));
  if (query.trlMin !== undefined || query.trlMax !== undefined) lines.push(t('exchangeSaved.criteria.trl', { min: query.trlMin ?? 1, max: query.trlMax ?? 9 }));
  if (query.country) lines.push(t('exchangeSaved.criteria.country', { value: query.country }));
  if (query.transferForm) lines.push(t('exchangeSaved.criteria.transferForm', { value: t(`exchange.transferForms.${query.transferForm}`) }));
  if (query.ipType) lines.push(t('exchangeSaved.criteria.ipType', { value: t(`exchange.ipTypes.${query.ipType}`) }));
  if (query.language) lines.push(t('exchangeSaved.criteria.language', { value: t(`exchange.languages.${query.language}`) }));
  return lines.length ? lines : [t('exchangeSaved.criteria.everything')];
}

/** The fields of a search worth keeping (no paging); empty values dropped. */
export function savedQueryOf(query: Partial<ExchangeSearchInput>): Record<string, string | number> {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize') continue;
    if (value === undefined || value === null || value === '') continue;
    kept[key] = value as string | number;
  }
  return kept;
}
