import type { z } from 'zod';
import type * as catalog from '../../../../common/src/api/catalog.js';
import type { CatalogItem, CatalogSector, CatalogSectorDetail, CatalogVersion, SectorList } from '../../lib/api-types.js';
import { api, API_BASE, toQueryString } from '../../lib/api.js';
import { useApiQuery } from '../../lib/use-api-query.js';

export type { CatalogItem, CatalogSector, CatalogSectorDetail, CatalogVersion, SectorList };
export type CatalogVersionSummary = z.infer<typeof catalog.CatalogVersionSummary>;
export type CatalogVersionList = z.infer<typeof catalog.CatalogVersionList>;
export type CatalogVersionDetail = z.infer<typeof catalog.CatalogVersionDetail>;
export type CatalogDiff = z.infer<typeof catalog.CatalogDiff>;
export type ListItemRef = z.infer<typeof catalog.ListItemRef>;

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

/** Every version (staff also see versions in preparation), newest first. */
export function useVersions() {
  return useApiQuery<CatalogVersionList>('/catalog/versions');
}

export function useVersion(id: string | null) {
  return useApiQuery<CatalogVersionDetail>(id ? `/catalog/versions/${encodeURIComponent(id)}` : null);
}

export function useCompare(from: string | undefined, to: string | undefined) {
  return useApiQuery<CatalogDiff>(from && to ? `/catalog/compare${toQueryString({ from, to })}` : null);
}

/** Download address of a version as CSV or XLSX (the version in force when none is given). */
export function decisionFileUrl(versionId: string): string {
  return `${API_BASE}/catalog/versions/${encodeURIComponent(versionId)}/decision-file`;
}

/** The approved version before this one in the history (for "compare with the previous version"). */
export function previousApproved(versions: readonly CatalogVersionSummary[], version: CatalogVersionSummary): CatalogVersionSummary | undefined {
  if (!version.effectiveFrom) return versions.find((v) => v.id === version.baseVersionId);
  return versions
    .filter((v) => v.status === 'approved' && v.effectiveFrom !== null && v.effectiveFrom < version.effectiveFrom!)
    .sort((a, b) => (a.effectiveFrom! < b.effectiveFrom! ? 1 : -1))[0];
}

/** Picks the Vietnamese or English text of a bilingual record. */
export function localized(language: string, vi: string, en: string): string {
  return language === 'en' ? en || vi : vi || en;
}
