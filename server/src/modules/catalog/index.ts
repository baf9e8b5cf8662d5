import type { Tx } from '../../core/db/database.js';
import * as q from './catalog.queries.js';

export { catalogRoutes } from './catalog.routes.js';
export { seedCatalog } from './catalog.seed.js';
export { vietnamToday } from './catalog.service.js';

/**
 * The catalog version in force on `date` (YYYY-MM-DD) with its sectors and every item, or null when none is in force.
 * No permission check: callers are services that have already checked theirs (e.g. the classifier, catalog.read).
 */
export async function listCurrentItems(db: Tx, date: string) {
  const version = await q.findVersionOn(db, date);
  if (!version) return null;
  const sectors = await q.listSectors(db, version.id);
  const items = await q.listVersionItems(db, version.id);
  return {
    version: { id: version.id, label: version.label, sourceInstrument: version.sourceInstrument, sourceInstrumentEn: version.sourceInstrumentEn, effectiveFrom: version.effectiveFrom },
    sectors: sectors.map((s) => ({ code: s.code, nameVi: s.nameVi, nameEn: s.nameEn })),
    items: items.map((i) => ({
      code: i.code,
      sectorCode: i.sectorCode,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      descriptionVi: i.descriptionVi,
      descriptionEn: i.descriptionEn,
      keywordsVi: i.keywordsVi,
      keywordsEn: i.keywordsEn,
      vsic: i.vsic,
    })),
  };
}
/** The days (YYYY-MM-DD) on which the catalog in force changes: each approved version's first day and end. */
export async function catalogChangeDays(db: Tx): Promise<string[]> {
  return (await q.listApprovedVersionDates(db)).flatMap((v) => [v.effectiveFrom, v.effectiveTo].filter((day): day is string => day !== null));
}

export type CurrentCatalog = NonNullable<Awaited<ReturnType<typeof listCurrentItems>>>;
