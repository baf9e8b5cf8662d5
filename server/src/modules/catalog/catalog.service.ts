import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../core/db/database.js';
import * as q from './catalog.queries.js';

/**
 * The catalog is reference data read on every public page and changed a few times a year, so each instance keeps
 * answers for CATALOG_CACHE_SECONDS (default 60 s, the same as the public Cache-Control). One cache per database.
 */
const caches = new WeakMap<Database, LRUCache<string, object>>();
async function cached<T extends object>(ctx: Ctx, key: string, load: () => Promise<T>): Promise<T> {
  const ttl = ctx.config.CATALOG_CACHE_SECONDS * 1000;
  if (ttl === 0) return load();
  let cache = caches.get(ctx.database);
  if (!cache) caches.set(ctx.database, (cache = new LRUCache<string, object>({ max: 500, ttl })));
  const hit = cache.get(key) as T | undefined;
  if (hit) return hit;
  const value = await load();
  cache.set(key, value);
  return value;
}

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
  return cached(ctx, `sectors:${vietnamToday()}`, () => loadSectors(ctx));
}

async function loadSectors(ctx: Ctx) {
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
  return cached(ctx, `sector:${vietnamToday()}:${input.code}`, () => loadSector(ctx, input.code));
}

async function loadSector(ctx: Ctx, code: string) {
  const version = await currentVersion(ctx);
  const sector = await q.findSector(ctx.db, version.id, code);
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
  return cached(ctx, `item:${vietnamToday()}:${input.code}`, async () => {
    const version = await currentVersion(ctx);
    const item = await q.findItem(ctx.db, version.id, input.code);
    if (!item) throw new AppError('NOT_FOUND');
    return toItem(item);
  });
}
