import type { CatalogItem, CatalogSector, CatalogSectorDetail, CatalogVersion, SectorList } from '../../lib/api-types.js';
import { api } from '../../lib/api.js';
import { useApiQuery } from '../../lib/use-api-query.js';

export type { CatalogItem, CatalogSector, CatalogSectorDetail, CatalogVersion, SectorList };

export function useSectorList() {
  return useApiQuery<SectorList>('/catalog/sectors');
}

export function useSector(code: string) {
  return useApiQuery<CatalogSectorDetail>(`/catalog/sectors/${encodeURIComponent(code)}`);
}

/** All sectors with their items (one request per sector), for the catalog overview. */
export async function fetchAllSectors(codes: string[], signal?: AbortSignal): Promise<CatalogSectorDetail[]> {
  return Promise.all(codes.map((code) => api.get<CatalogSectorDetail>(`/catalog/sectors/${encodeURIComponent(code)}`, { signal })));
}

/** Picks the Vietnamese or English text of a bilingual record. */
export function localized(language: string, vi: string, en: string): string {
  return language === 'en' ? en || vi : vi || en;
}
