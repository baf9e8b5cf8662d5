import { createHash } from 'node:crypto';
import {
  LIST_TYPES,
  type ImportResult,
  type ListCounts,
  type ListItem,
  type ListItemsPage,
  type ListItemsQuery,
  type ListType,
  type ListVersion,
  type ListVersions,
} from '../../../../common/src/api/technology-lists.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { sanitizeFileName } from '../../core/files/files.js';
import { vietnamToday } from '../catalog/index.js';
import { userNames } from '../users/index.js';
import { vsicChildCodes } from '../vsic/index.js';
import { checkListFile } from './import/check-file.js';
import { planVersion } from './import/plan-validity.js';
import { importInvalidError } from './import/problems.js';
import { checkVersionFields } from './import/version-fields.js';
import { writeImport } from './import/write-import.js';
import * as q from './technology-lists.queries.js';

const LISTS_LOCK = 872_0004;
/** At most this many rows in one export of search results. */
const EXPORT_MAX_ROWS = 20000;

const emptyCounts = (): ListCounts => ({ encouraged: 0, restricted: 0, prohibited: 0 });

async function countsByVersion(ctx: Ctx, versionIds?: string[]): Promise<Map<string, ListCounts>> {
  const result = new Map<string, ListCounts>();
  for (const row of await q.countItems(ctx.db, versionIds)) {
    const counts = result.get(row.versionId) ?? emptyCounts();
    counts[row.listType] = Number(row.n);
    result.set(row.versionId, counts);
  }
  return result;
}

function toVersion(v: q.VersionRow, counts: ListCounts | undefined, today: string): ListVersion {
  const c = counts ?? emptyCounts();
  return {
    id: v.id,
    code: v.code,
    sourceInstrument: v.sourceInstrument,
    sourceInstrumentEn: v.sourceInstrumentEn,
    listTypes: LIST_TYPES.filter((t) => v.listTypes.includes(t)),
    validFrom: v.validFrom,
    validTo: v.validTo,
    isComplete: v.isComplete,
    verified: v.verified,
    noteVi: v.noteVi,
    noteEn: v.noteEn,
    sourceUrl: v.sourceUrl,
    inForce: v.validFrom <= today && (v.validTo === null || v.validTo >= today),
    itemCount: c.encouraged + c.restricted + c.prohibited,
    counts: c,
    createdAt: v.createdAt.toISOString(),
  };
}

type SearchRow = Awaited<ReturnType<typeof q.searchItems>>['rows'][number];
const toItem = (r: SearchRow): ListItem => ({
  id: r.item.id,
  versionId: r.item.versionId,
  versionCode: r.versionCode,
  sourceInstrument: r.sourceInstrument,
  sourceInstrumentEn: r.sourceInstrumentEn,
  versionComplete: r.versionComplete,
  listType: r.item.listType,
  appendix: r.item.appendix,
  section: r.item.section,
  itemNo: r.item.itemNo,
  vsicCode: r.item.vsicCode,
  direction: r.item.direction,
  nameVi: r.item.nameVi,
  nameEn: r.item.nameEn,
  nameEnOfficial: r.item.nameEnOfficial,
  conditionVi: r.item.conditionVi,
  conditionEn: r.item.conditionEn,
  keywordsVi: r.item.keywordsVi,
  keywordsEn: r.item.keywordsEn,
  verified: r.item.verified,
  sourceUrl: r.item.sourceUrl,
});

/**
 * Every list version with its validity, completeness and item counts. Permission: catalog.read (public).
 * Audit: none.
 */
export async function listVersions(ctx: Ctx): Promise<ListVersions> {
  assertCan(ctx.actor, 'catalog.read');
  const today = vietnamToday();
  const [versions, counts] = await Promise.all([q.listVersions(ctx.db), countsByVersion(ctx)]);
  return { today, versions: versions.map((v) => toVersion(v, counts.get(v.id), today)) };
}

/** One list version. Permission: catalog.read (public). Audit: none. */
export async function getVersion(ctx: Ctx, input: { id: string }): Promise<ListVersion> {
  assertCan(ctx.actor, 'catalog.read');
  const version = await q.findVersion(ctx.db, input.id);
  if (!version) throw new AppError('NOT_FOUND');
  const counts = await countsByVersion(ctx, [version.id]);
  return toVersion(version, counts.get(version.id), vietnamToday());
}

async function filterOf(ctx: Ctx, input: Omit<ListItemsQuery, 'page' | 'pageSize'>): Promise<q.ItemFilter> {
  let sectorCodes: q.ItemFilter['sectorCodes'];
  if (input.sector) {
    const divisions = /^[A-Z]$/.test(input.sector) ? await vsicChildCodes(ctx.db, input.sector) : [input.sector];
    sectorCodes = { exact: [input.sector, ...divisions], prefixes: divisions };
  }
  const words = (input.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    at: input.versionId ? undefined : (input.at ?? vietnamToday()),
    versionId: input.versionId,
    listType: input.listType,
    direction: input.direction,
    sectorCodes,
    words,
    sort: input.sort,
    order: input.order,
  };
}

/**
 * Items of the versions in force on a date (default today) or of one version, filtered by list type, direction,
 * sector and words (Vietnamese with or without diacritics, or English). Permission: catalog.read (public). Audit: none.
 */
export async function searchItems(ctx: Ctx, input: ListItemsQuery): Promise<ListItemsPage> {
  assertCan(ctx.actor, 'catalog.read');
  const filter = await filterOf(ctx, input);
  const { rows, total } = await q.searchItems(ctx.db, filter, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const today = vietnamToday();
  const all = await q.listVersions(ctx.db);
  const used = filter.versionId
    ? all.filter((v) => v.id === filter.versionId)
    : all.filter((v) => v.validFrom <= filter.at! && (v.validTo === null || v.validTo >= filter.at!));
  if (filter.versionId && used.length === 0) throw new AppError('NOT_FOUND');
  const counts = await countsByVersion(ctx, used.map((v) => v.id));
  return {
    items: rows.map(toItem),
    total,
    page: input.page,
    pageSize: input.pageSize,
    at: filter.at ?? null,
    versions: used.map((v) => toVersion(v, counts.get(v.id), today)),
  };
}

/** Every item matching the filter (no paging, capped), for CSV/XLSX. Permission: catalog.read (public). Audit: none. */
export async function exportItems(ctx: Ctx, input: Omit<ListItemsQuery, 'page' | 'pageSize'>): Promise<ListItem[]> {
  assertCan(ctx.actor, 'catalog.read');
  if (input.versionId && !(await q.findVersion(ctx.db, input.versionId))) throw new AppError('NOT_FOUND');
  const { rows } = await q.searchItems(ctx.db, await filterOf(ctx, input), { limit: EXPORT_MAX_ROWS, offset: 0 });
  return rows.map(toItem);
}

/** A version and all its items, for CSV/XLSX. Permission: catalog.read (public). Audit: none. */
export async function exportVersion(ctx: Ctx, input: { id: string }): Promise<{ version: ListVersion; items: ListItem[] }> {
  assertCan(ctx.actor, 'catalog.read');
  const version = await getVersion(ctx, input);
  const items = await exportItems(ctx, { versionId: version.id, sort: 'list', order: 'asc' });
  return { version, items };
}

/** The latest imports (what was loaded, when, by whom, file fingerprint). Permission: reference.manage. Audit: none. */
export async function listImports(ctx: Ctx) {
  assertCan(ctx.actor, 'reference.manage');
  const rows = await q.listImports(ctx.db, 100);
  const names = await userNames(ctx.db, rows.map((r) => r.entry.createdBy));
  return {
    items: rows.map((r) => ({
      id: r.entry.id,
      versionId: r.entry.versionId,
      versionCode: r.versionCode,
      fileName: r.entry.fileName,
      format: r.entry.fileFormat,
      sha256: r.entry.fileSha256,
      fileBytes: r.entry.fileBytes,
      rowCount: r.entry.rowCount,
      counts: { ...emptyCounts(), ...r.entry.counts },
      closedVersionIds: r.entry.closedVersionIds,
      createdByName: r.entry.createdBy ? (names.get(r.entry.createdBy) ?? null) : null,
      createdAt: r.entry.createdAt.toISOString(),
    })),
  };
}

/** Sets the last day in force of an open version. Permission: reference.manage. Audit: technology_list.version_closed. */
export async function closeVersion(ctx: Ctx, input: { id: string; validTo: string }): Promise<ListVersion> {
  assertCan(ctx.actor, 'reference.manage');
  return inTransaction(ctx, async (tx) => {
    await q.lock(tx.db, LISTS_LOCK);
    const version = await q.findVersion(tx.db, input.id);
    if (!version) throw new AppError('NOT_FOUND');
    if (version.validTo !== null) throw new AppError('LIST_VERSION_CLOSED', { validTo: version.validTo });
    if (input.validTo < version.validFrom) {
      throw validationError([{ path: 'validTo', code: 'valid_to_before_valid_from', message: translate(ctx.locale, 'techLists.importErrors.valid_to_before_valid_from') }]);
    }
    const closed = (await q.closeVersion(tx.db, version.id, input.validTo))!;
    await recordAudit(tx, {
      action: 'technology_list.version_closed',
      objectType: 'technology_list_version',
      objectId: version.id,
      summary: { code: version.code, before: { validTo: null }, after: { validTo: input.validTo } },
    });
    const counts = await countsByVersion(tx, [version.id]);
    return toVersion(closed, counts.get(version.id), vietnamToday());
  });
}

export interface Upload {
  buffer: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

/** Items per list type, for the import result and the import entry. */
function countByListType(items: { listType: ListType }[]): ListCounts {
  const counts = emptyCounts();
  for (const item of items) counts[item.listType] += 1;
  return counts;
}

/**
 * Imports a national-list version from a CSV (UTF-8) or XLSX file that follows the template. Every row and every
 * version field is checked first; with any problem nothing is stored and LIST_IMPORT_INVALID lists all problems by row
 * and column. With `dryRun` the result is a preview and nothing is stored. An open-ended version that the new one fully
 * replaces is closed the day before the new one starts. Permission: reference.manage.
 * Audit: technology_list.imported (counts, file SHA-256) and technology_list.version_closed for each closed version.
 */
export async function importList(ctx: Ctx, input: { read: () => Promise<Upload> }): Promise<ImportResult> {
  assertCan(ctx.actor, 'reference.manage');
  const upload = await input.read();
  const fileName = sanitizeFileName(upload.fileName, 'list.csv');
  const sha256 = createHash('sha256').update(upload.buffer).digest('hex');

  const versionCheck = checkVersionFields(upload.fields);
  const fileCheck = await checkListFile(ctx.db, { buffer: upload.buffer, fileName }, versionCheck.fields?.listTypes ?? LIST_TYPES);
  const preview = await planVersion(ctx.db, versionCheck.fields);
  const problems = [...versionCheck.problems, ...fileCheck.problems, ...preview.problems];
  const fields = versionCheck.fields;
  if (problems.length > 0 || !fields) throw importInvalidError(ctx, problems);

  const counts = countByListType(fileCheck.items);
  const result = { fileName, format: fileCheck.format, sha256, rowCount: fileCheck.rowCount, counts, code: fields.code };
  if (fields.dryRun) return { ...result, dryRun: true, importId: null, versionId: null, closes: preview.closes };

  return inTransaction(ctx, async (tx) => {
    await q.lock(tx.db, LISTS_LOCK);
    const checked = await planVersion(tx.db, fields); // again under the lock: another import may have committed meanwhile
    if (checked.problems.length > 0) throw importInvalidError(ctx, checked.problems);
    const imported = { fileName, format: fileCheck.format, sha256, fileBytes: upload.buffer.length, rowCount: fileCheck.rowCount };
    const written = await writeImport(tx, { fields, items: fileCheck.items, counts, closes: checked.closes, file: imported });
    return { ...result, dryRun: false, ...written, closes: checked.closes };
  });
}
