import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as q from './catalog.queries.js';

/** Today's date in Vietnam (UTC+7), the day on which dated reference data is read. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

async function currentVersion(ctx: Ctx) {
  const version = await q.findVersionOn(ctx.db, vietnamToday());
  if (!version) throw new AppError('NOT_FOUND');
  return version;
}

type ItemRow = NonNullable<Awaited<ReturnType<typeof q.findItem>>>;
const toItem = (row: ItemRow) => ({
  code: row.code,
  sectorCode: row.sectorCode,
  nameVi: row.nameVi,
  nameEn: row.nameEn,
  descriptionVi: row.descriptionVi,
  descriptionEn: row.descriptionEn,
  keywordsVi: row.keywordsVi,
  keywordsEn: row.keywordsEn,
  vsic: row.vsic,
});

/** The eight priority sectors of the version in force today (plan II.1). Permission: catalog.read (public). */
export async function listSectors(ctx: Ctx) {
  assertCan(ctx.actor, 'catalog.read');
  const version = await currentVersion(ctx);
  const sectors = await q.listSectors(ctx.db, version.id);
  return {
    version: {
      versionLabel: version.label,
      sourceInstrument: version.sourceInstrument,
      sourceInstrumentEn: version.sourceInstrumentEn,
      effectiveFrom: version.effectiveFrom,
    },
    sectors: sectors.map((s) => ({ ...s, itemCount: Number(s.itemCount ?? 0) })),
  };
}

/** One sector with its technology directions. Permission: catalog.read (public). */
export async function getSector(ctx: Ctx, input: { code: string }) {
  assertCan(ctx.actor, 'catalog.read');
  const version = await currentVersion(ctx);
  const sector = await q.findSector(ctx.db, version.id, input.code);
  if (!sector) throw new AppError('NOT_FOUND');
  const items = await q.listItems(ctx.db, version.id, sector.code);
  return {
    code: sector.code,
    nameVi: sector.nameVi,
    nameEn: sector.nameEn,
    descriptionVi: sector.descriptionVi,
    descriptionEn: sector.descriptionEn,
    itemCount: items.length,
    items: items.map(toItem),
  };
}

/** One technology direction by its stable code. Permission: catalog.read (public). */
export async function getItem(ctx: Ctx, input: { code: string }) {
  assertCan(ctx.actor, 'catalog.read');
  const version = await currentVersion(ctx);
  const item = await q.findItem(ctx.db, version.id, input.code);
  if (!item) throw new AppError('NOT_FOUND');
  return toItem(item);
}
