import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { CatalogExportQuery, CatalogItem, CatalogVersionSummary, ListItemRef } from '../../../../common/src/api/catalog.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import type { Database } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { findStoredFile } from '../../core/files/files.js';
import type { TableExport } from '../../core/exports/table-export.js';
import { listItemsInForce } from '../technology-lists/index.js';
import { compareCodes, diffVersions, type DiffItem } from './catalog.diff.js';
import * as policy from './catalog.policy.js';
import * as q from './catalog.queries.js';
import { dayBefore } from '../../../../common/src/dates.js';

/**
 * The catalog is reference data read on every public page and changed a few times a year, so each instance keeps
 * answers for CATALOG_CACHE_SECONDS (default 60 s, the same as the public Cache-Control). One cache per database;
 * an approval empties it (other instances catch up within the same 60 s).
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

/** Forgets every cached catalog answer of this database (after a version is approved). */
export function invalidateCatalogCache(database: Database): void {
  caches.get(database)?.clear();
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

// ---- Shapes ---------------------------------------------------------------------------------------------------

type VersionRow = q.VersionRow;

function phaseOf(version: VersionRow, today: string): CatalogVersionSummary['phase'] {
  if (version.status !== 'approved' || !version.effectiveFrom) return null;
  if (version.effectiveFrom > today) return 'scheduled';
  return version.effectiveTo === null || version.effectiveTo > today ? 'current' : 'superseded';
}

/** The day a version's links to national lists are read on: the last day it was in force, or today. */
function readingDay(version: VersionRow, today: string): string {
  const phase = phaseOf(version, today);
  if (phase === 'scheduled') return version.effectiveFrom!;
  if (phase === 'superseded') return dayBefore(version.effectiveTo!);
  return today;
}

type ListedVersion = Awaited<ReturnType<typeof q.listVersions>>[number];
export function toVersionSummary(row: ListedVersion, today: string): CatalogVersionSummary {
  const v = row.version;
  return {
    id: v.id,
    label: v.label,
    status: v.status,
    phase: phaseOf(v, today),
    sourceInstrument: v.sourceInstrument,
    sourceInstrumentEn: v.sourceInstrumentEn,
    sourceSection: v.sourceSection,
    decisionNumber: v.decisionNumber,
    decisionDate: v.decisionDate,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    decisionFile: row.fileName !== null ? { name: row.fileName, sizeBytes: row.fileSize ?? 0, sha256: row.fileSha256 ?? '' } : null,
    baseVersionId: v.baseVersionId,
    revision: v.revision,
    itemCount: Number(row.itemCount ?? 0),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

/** A version's summary, or NOT_FOUND when it does not exist or the caller may not see it. */
export async function readableVersion(ctx: Ctx, id: string) {
  const [row] = await q.listVersions(ctx.db, { approvedOnly: false, ids: [id] });
  if (!row || !policy.canReadVersion(ctx.actor, row.version.status)) throw new AppError('NOT_FOUND');
  return row;
}

/** National-list items by id, as in force on `day` (else today, marked not in force then); unknown ids are left out. */
export async function resolveListItems(ctx: Ctx, ids: readonly string[], day: string): Promise<Map<string, ListItemRef>> {
  const result = new Map<string, ListItemRef>();
  if (ids.length === 0) return result;
  const wanted = new Set(ids);
  const today = vietnamToday();
  for (const [date, inForce] of day === today ? ([[today, true]] as const) : ([[day, true], [today, false]] as const)) {
    for (const item of await listItemsInForce(ctx.db, date)) {
      if (!wanted.has(item.id) || result.has(item.id)) continue;
      const { id, listType, sourceInstrument, sourceInstrumentEn, appendix, itemNo, nameVi, nameEn, verified } = item;
      result.set(id, { id, listType, sourceInstrument, sourceInstrumentEn, appendix, itemNo, nameVi, nameEn, verified, inForce });
    }
  }
  return result;
}

export type VersionItem = DiffItem & { listItems: ListItemRef[] };

/** All directions of a version with their national-list links resolved. */
export async function loadVersionItems(ctx: Ctx, version: VersionRow, today = vietnamToday()): Promise<VersionItem[]> {
  const [items, links] = await Promise.all([q.listVersionItems(ctx.db, version.id), q.listLinks(ctx.db, version.id)]);
  const refs = await resolveListItems(ctx, [...new Set(links.map((l) => l.listItemId))], readingDay(version, today));
  return items.map((row) => {
    const listItemIds = links.filter((l) => l.itemCode === row.code).map((l) => l.listItemId);
    return { ...toItemFields(row), listItemIds, listItems: listItemIds.flatMap((id) => refs.get(id) ?? []) };
  });
}

function toItemFields(row: q.ItemRow): Omit<DiffItem, 'listItemIds'> {
  return {
    code: row.code,
    sectorCode: row.sectorCode,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    keywordsVi: row.keywordsVi,
    keywordsEn: row.keywordsEn,
    vsic: row.vsic,
  };
}

export function toCatalogItem(item: VersionItem): CatalogItem {
  const { listItemIds: _ids, ...rest } = item;
  return rest;
}

// ---- Public reads of the version in force ---------------------------------------------------------------------

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
      id: version.id,
      versionLabel: version.label,
      sourceInstrument: version.sourceInstrument,
      sourceInstrumentEn: version.sourceInstrumentEn,
      decisionNumber: version.decisionNumber,
      decisionDate: version.decisionDate,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo,
    },
    sectors: sectors.map((s) => ({ ...s, itemCount: Number(s.itemCount ?? 0) })),
  };
}

/** One sector with its technology directions and their national-list links. Permission: catalog.read (public). */
export async function getSector(ctx: Ctx, input: { code: string }) {
  assertCan(ctx.actor, 'catalog.read');
  return cached(ctx, `sector:${vietnamToday()}:${input.code}`, async () => {
    const version = await currentVersion(ctx);
    const sector = await q.findSector(ctx.db, version.id, input.code);
    if (!sector) throw new AppError('NOT_FOUND');
    const items = (await loadVersionItems(ctx, version)).filter((item) => item.sectorCode === sector.code);
    const order = new Map((await q.listItems(ctx.db, version.id, sector.code)).map((row, i) => [row.code, i]));
    items.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
    const { code, nameVi, nameEn, descriptionVi, descriptionEn } = sector;
    return { code, nameVi, nameEn, descriptionVi, descriptionEn, itemCount: items.length, items: items.map(toCatalogItem) };
  });
}

/** One technology direction by its stable code. Permission: catalog.read (public). */
export async function getItem(ctx: Ctx, input: { code: string }) {
  assertCan(ctx.actor, 'catalog.read');
  return cached(ctx, `item:${vietnamToday()}:${input.code}`, async () => {
    const version = await currentVersion(ctx);
    const item = (await loadVersionItems(ctx, version)).find((i) => i.code === input.code);
    if (!item) throw new AppError('NOT_FOUND');
    return toCatalogItem(item);
  });
}

// ---- History, one version, differences, exports ---------------------------------------------------------------

/**
 * Every version: the approved ones (current, approved for a later day, replaced) for everyone; versions in
 * preparation, rejected or discarded too for catalog staff. Permission: catalog.read.
 */
export async function listVersions(ctx: Ctx) {
  assertCan(ctx.actor, 'catalog.read');
  const today = vietnamToday();
  const rows = await q.listVersions(ctx.db, { approvedOnly: !policy.canReadVersion(ctx.actor, 'draft') });
  return { today, items: rows.map((row) => toVersionSummary(row, today)) };
}

/** One version with its sectors and directions, as it was approved (or as drafted). Permission: catalog.read (+ catalog.amendments.read when not approved). */
export async function getVersion(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'catalog.read');
  const row = await readableVersion(ctx, input.id);
  const today = vietnamToday();
  const load = async () => {
    const [sectors, items] = await Promise.all([q.listSectors(ctx.db, row.version.id), loadVersionItems(ctx, row.version, today)]);
    return {
      version: toVersionSummary(row, today),
      sectors: sectors.map((s) => {
        const own = items.filter((item) => item.sectorCode === s.code).sort((a, b) => compareCodes(a.code, b.code));
        return { ...s, itemCount: own.length, items: own.map(toCatalogItem) };
      }),
    };
  };
  return row.version.status === 'approved' ? cached(ctx, `version:${today}:${row.version.id}`, load) : load();
}

/** Differences between two versions of the same caller's visibility. Permission: catalog.read. */
export async function compareVersions(ctx: Ctx, input: { from: string; to: string }) {
  assertCan(ctx.actor, 'catalog.read');
  const [from, to] = await Promise.all([readableVersion(ctx, input.from), readableVersion(ctx, input.to)]);
  const today = vietnamToday();
  const load = () => diffOf(ctx, from, to, today);
  return from.version.status === 'approved' && to.version.status === 'approved' ? cached(ctx, `compare:${today}:${from.version.id}:${to.version.id}`, load) : load();
}

/** The differences from one listed version to another, with the national-list items the changes name. */
export async function diffOf(ctx: Ctx, from: ListedVersion, to: ListedVersion, today = vietnamToday()) {
  const [fromItems, toItems, sectors] = await Promise.all([
    loadVersionItems(ctx, from.version, today),
    loadVersionItems(ctx, to.version, today),
    q.listSectors(ctx.db, to.version.id),
  ]);
  const diff = diffVersions(fromItems, toItems, sectors);
  const named = new Map<string, ListItemRef>();
  for (const item of [...fromItems, ...toItems]) for (const ref of item.listItems) named.set(ref.id, ref);
  const mentioned = new Set(diff.sectors.flatMap((s) => s.changed.flatMap((c) => c.fields.filter((f) => f.field === 'listItemIds').flatMap((f) => [f.before, f.after].flat()))));
  return {
    from: toVersionSummary(from, today),
    to: toVersionSummary(to, today),
    totals: diff.totals,
    sectors: diff.sectors.map((s) => ({ ...s, added: s.added.map(toCatalogItem), retired: s.retired.map(toCatalogItem) })),
    listItems: [...mentioned].flatMap((id) => named.get(id) ?? []),
  };
}

/** A version (the one in force when none is named) as a CSV or XLSX table with translated headers. Permission: catalog.read. */
export async function exportVersion(ctx: Ctx, input: z.infer<typeof CatalogExportQuery>): Promise<TableExport<VersionItem & { sectorNameVi: string; sectorNameEn: string }>> {
  assertCan(ctx.actor, 'catalog.read');
  const row = input.version ? await readableVersion(ctx, input.version) : await readableVersion(ctx, (await currentVersion(ctx)).id);
  const [sectors, items] = await Promise.all([q.listSectors(ctx.db, row.version.id), loadVersionItems(ctx, row.version)]);
  const sectorName = new Map(sectors.map((s) => [s.code, s]));
  const rows = items
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((item) => ({ ...item, sectorNameVi: sectorName.get(item.sectorCode)?.nameVi ?? '', sectorNameEn: sectorName.get(item.sectorCode)?.nameEn ?? '' }));
  const h = (key: string) => translate(ctx.locale, `catalogWork.export.${key}`);
  const citation = (ref: ListItemRef) => `${ctx.locale === 'en' ? ref.sourceInstrumentEn : ref.sourceInstrument} ${ref.appendix ?? ''} ${ref.itemNo ?? ''}`.replace(/\s+/g, ' ').trim();
  return {
    format: input.format,
    filename: `${translate(ctx.locale, 'catalogWork.export.filename')} ${row.version.label}`,
    sheetName: h('sheet'),
    rows,
    columns: [
      { header: h('version'), value: () => row.version.label, width: 22 },
      { header: h('sectorCode'), value: (r) => r.sectorCode, width: 10 },
      { header: h('sectorNameVi'), value: (r) => r.sectorNameVi, width: 40 },
      { header: h('sectorNameEn'), value: (r) => r.sectorNameEn, width: 40 },
      { header: h('code'), value: (r) => r.code, width: 10 },
      { header: h('nameVi'), value: (r) => r.nameVi, width: 60 },
      { header: h('nameEn'), value: (r) => r.nameEn, width: 60 },
      { header: h('descriptionVi'), value: (r) => r.descriptionVi, width: 60 },
      { header: h('descriptionEn'), value: (r) => r.descriptionEn, width: 60 },
      { header: h('keywordsVi'), value: (r) => r.keywordsVi.join('; '), width: 40 },
      { header: h('keywordsEn'), value: (r) => r.keywordsEn.join('; '), width: 40 },
      { header: h('vsic'), value: (r) => r.vsic.join('; '), width: 14 },
      { header: h('listItems'), value: (r) => r.listItems.map(citation).join('; '), width: 40 },
      { header: h('decisionNumber'), value: () => row.version.decisionNumber ?? '', width: 18 },
      { header: h('effectiveFrom'), value: () => row.version.effectiveFrom ?? '', width: 14 },
    ],
  };
}

/** The signed decision of an approved version (public, like the catalog). Permission: catalog.read. */
export async function getDecisionFile(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'catalog.read');
  const row = await readableVersion(ctx, input.id);
  const file = row.version.decisionFileId ? await findStoredFile(ctx.db, row.version.decisionFileId) : undefined;
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}
