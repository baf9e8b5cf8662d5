/**
 * Step 4 of an import: storing it. Called inside the transaction that holds the lists lock, so every change and its
 * audit record commit together (or not at all).
 */
import type { ImportVersionFields, ListCounts } from '../../../../../common/src/api/technology-lists.js';
import { recordAudit } from '../../../core/audit/audit.js';
import { actorUserId, type Ctx } from '../../../core/context.js';
import * as q from '../technology-lists.queries.js';
import type { VersionClose } from './plan-validity.js';
import type { FileFormat } from './read-file.js';
import type { ValidItem } from './validate-rows.js';

/** What is recorded about the uploaded file. */
export interface ImportedFile {
  fileName: string;
  format: FileFormat;
  sha256: string;
  fileBytes: number;
  rowCount: number;
}

export interface ImportToWrite {
  fields: ImportVersionFields;
  items: ValidItem[];
  counts: ListCounts;
  closes: VersionClose[];
  file: ImportedFile;
}

async function insertVersionWithItems(tx: Ctx, fields: ImportVersionFields, items: ValidItem[]): Promise<q.VersionRow> {
  const version = await q.insertVersion(tx.db, {
    code: fields.code,
    sourceInstrument: fields.sourceInstrument,
    sourceInstrumentEn: fields.sourceInstrumentEn,
    listTypes: fields.listTypes,
    validFrom: fields.validFrom,
    validTo: fields.validTo,
    isComplete: fields.isComplete,
    verified: fields.verified,
    noteVi: fields.noteVi || null,
    noteEn: fields.noteEn || null,
    sourceUrl: fields.sourceUrl || null,
    createdBy: actorUserId(tx.actor),
  });
  await q.insertItems(
    tx.db,
    items.map(({ rowNo, ...item }) => ({ ...item, versionId: version.id, nameEnOfficial: false, sortOrder: rowNo })),
  );
  return version;
}

/** Closes each open-ended version the new one replaces. Audit: technology_list.version_closed (replacedBy). */
async function closeReplacedVersions(tx: Ctx, closes: VersionClose[], replacedBy: string): Promise<void> {
  for (const close of closes) {
    await q.closeVersion(tx.db, close.id, close.validTo);
    await recordAudit(tx, {
      action: 'technology_list.version_closed',
      objectType: 'technology_list_version',
      objectId: close.id,
      summary: { code: close.code, before: { validTo: null }, after: { validTo: close.validTo }, replacedBy },
    });
  }
}

/** The import entry (file fingerprint, counts, closed versions). Audit: technology_list.imported. */
async function recordImportEntry(tx: Ctx, versionId: string, input: ImportToWrite): Promise<{ id: string }> {
  const { fields, file, counts, closes } = input;
  const entry = await q.insertImport(tx.db, {
    versionId,
    fileName: file.fileName,
    fileFormat: file.format,
    fileSha256: file.sha256,
    fileBytes: file.fileBytes,
    rowCount: file.rowCount,
    counts,
    closedVersionIds: closes.map((c) => c.id),
    createdBy: actorUserId(tx.actor),
  });
  await recordAudit(tx, {
    action: 'technology_list.imported',
    objectType: 'technology_list_version',
    objectId: versionId,
    summary: {
      code: fields.code,
      listTypes: fields.listTypes,
      validFrom: fields.validFrom,
      validTo: fields.validTo,
      fileName: file.fileName,
      format: file.format,
      sha256: file.sha256,
      fileBytes: file.fileBytes,
      rowCount: file.rowCount,
      counts,
      closed: closes,
    },
  });
  return entry;
}

/** Stores the new version and its items, closes the versions it replaces and records the import, in that order. */
export async function writeImport(tx: Ctx, input: ImportToWrite): Promise<{ importId: string; versionId: string }> {
  const version = await insertVersionWithItems(tx, input.fields, input.items);
  await closeReplacedVersions(tx, input.closes, input.fields.code);
  const entry = await recordImportEntry(tx, version.id, input);
  return { importId: entry.id, versionId: version.id };
}
