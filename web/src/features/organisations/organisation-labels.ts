import type { Organisation } from '../../../../common/src/api/organisations.js';

/** The organisation's name in the UI language (English name when there is one). */
export function organisationName(organisation: Pick<Organisation, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && organisation.nameEn ? organisation.nameEn : organisation.name;
}
