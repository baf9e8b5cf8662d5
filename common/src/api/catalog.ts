import { z } from 'zod';

export const CatalogItem = z.object({
  code: z.string(),
  sectorCode: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  keywordsVi: z.array(z.string()),
  keywordsEn: z.array(z.string()),
  vsic: z.array(z.string()),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const CatalogSector = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  itemCount: z.number().int(),
});
export type CatalogSector = z.infer<typeof CatalogSector>;

export const CatalogSectorDetail = CatalogSector.extend({ items: z.array(CatalogItem) });
export type CatalogSectorDetail = z.infer<typeof CatalogSectorDetail>;

export const CatalogVersionInfo = z.object({
  versionLabel: z.string(),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  effectiveFrom: z.string(),
});

export const CatalogSectorList = z.object({ version: CatalogVersionInfo, sectors: z.array(CatalogSector) });
