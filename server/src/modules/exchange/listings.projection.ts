import type { ContentLanguage, ListingContent, ListingKind } from '../../../../common/src/api/exchange-listings.js';
import type { listings } from './exchange.tables.js';

/** Prefix of each kind's reference (CB: chào bán, NC: nhu cầu, CG: chuyên gia, TG: trung gian). */
export const REFERENCE_PREFIXES: Record<ListingKind, string> = { offer: 'CB', demand: 'NC', expert: 'CG', intermediary: 'TG' };

export function listingReference(kind: ListingKind, year: number, n: number): string {
  return `${REFERENCE_PREFIXES[kind]}-${year}-${String(n).padStart(6, '0')}`;
}

/** Sector of a catalog item: the item code without its last part (1.7.2 → 1.7). */
export function sectorOfItem(code: string): string {
  return code.split('.').slice(0, 2).join('.');
}

/**
 * The listing columns copied from the revision being published: the teaser, the facets search filters on and the
 * numbers matching compares. Pure. Only teaser-level text goes into the searched columns, never the detail.
 * `confirmedCatalogItemCodes` (the officer's confirmation) wins over what the owner proposed.
 */
export function publishedColumns(content: ListingContent, confirmed: { catalogItemCodes?: string[] | null } = {}): Partial<typeof listings.$inferInsert> {
  const languages = (['vi', 'en'] as const).filter((lang) => Boolean(content.title[lang])) as ContentLanguage[];
  const catalogItemCodes = [...new Set(confirmed.catalogItemCodes ?? content.catalogItemCodes)];
  const facets = kindFacets(content);
  return {
    originalLanguage: content.originalLanguage,
    languages,
    titleVi: content.title.vi ?? null,
    titleEn: content.title.en ?? null,
    teaserVi: content.teaser.vi ?? null,
    teaserEn: content.teaser.en ?? null,
    keywords: content.keywords,
    keywordsText: content.keywords.join(' '),
    catalogItemCodes,
    sectorCodes: [...new Set(catalogItemCodes.map(sectorOfItem))],
    ...facets,
  };
}

function kindFacets(content: ListingContent): Partial<typeof listings.$inferInsert> {
  const none = { technologyObject: null, trl: null, trlMin: null, transferForms: [], ipTypes: [], country: null, countries: [], currency: null, priceMin: null, priceMax: null, priceNegotiable: true };
  switch (content.kind) {
    case 'offer': {
      const price = content.price.kind === 'range' ? { currency: content.price.currency, priceMin: content.price.min, priceMax: content.price.max, priceNegotiable: false } : {};
      return {
        ...none,
        technologyObject: content.technologyObject,
        trl: content.trl,
        transferForms: content.transferForms,
        ipTypes: [...new Set(content.intellectualProperty.map((ip) => ip.type))],
        country: content.countryOfOrigin,
        ...price,
      };
    }
    case 'demand': {
      const budget = content.budget.kind === 'range' ? { currency: content.budget.currency, priceMin: content.budget.min, priceMax: content.budget.max, priceNegotiable: false } : {};
      return { ...none, trlMin: content.minimumTrl ?? null, transferForms: content.preferredTransferForms, countries: content.preferredCountries, country: 'VN', ...budget };
    }
    case 'expert':
      return { ...none, countries: content.countries };
    case 'intermediary':
      return { ...none, countries: content.countries };
  }
}
