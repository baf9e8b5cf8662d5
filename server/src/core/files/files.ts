import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { actorUserId, type Ctx } from '../context.js';
import type { Tx } from '../db/database.js';
import { AppError, validationError } from '../errors.js';
import { attachmentHeader } from '../exports/table-export.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { storedFiles } from './files.tables.js';

/**
 * Types the platform accepts, each recognised by its first bytes (the browser's claimed type and the file name are
 * never trusted). Add a type here with its signature before a module may allow it.
 */
const SIGNATURES = {
  'application/pdf': [Buffer.from('%PDF-', 'latin1')],
  'image/png': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  'image/jpeg': [Buffer.from([0xff, 0xd8, 0xff])],
  // RIFF container; the WEBP form type at byte 8 is checked in detectFileType.
  'image/webp': [Buffer.from('RIFF', 'latin1')],
} as const;
const WEBP_FORM = Buffer.from('WEBP', 'latin1');
export type StoredFileType = keyof typeof SIGNATURES;

/** The type whose signature starts the content, or null. */
export function detectFileType(buffer: Buffer): StoredFileType | null {
  for (const [type, signatures] of Object.entries(SIGNATURES) as [StoredFileType, readonly Buffer[]][]) {
    if (!signatures.some((signature) => buffer.length >= signature.length && buffer.subarray(0, signature.length).equals(signature))) continue;
    if (type === 'image/webp' && !(buffer.length >= 12 && buffer.subarray(8, 12).equals(WEBP_FORM))) continue;
    return type;
  }
  return null;
}

/**
 * A file name safe to store and to send back: the last path segment only, no control or reserved characters
 * (`<>:"/\|?*`), no leading dots, NFC, at most 200 characters (the extension kept). `fallback` when nothing is left.
 */
export function sanitizeFileName(name: string | null | undefined, fallback = 'file'): string {
  const base = (name ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  if (clean.length > 200) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 200 - extension.length) + extension;
  }
  return clean || fallback;
}

export interface StoredFileInfo {
  id: string;
  sha256: string;
  contentType: string;
  sizeBytes: number;
  originalName: string;
  createdAt: Date;
}

export interface StoreFileInput {
  buffer: Buffer;
  /** The name the uploader gave (sanitised before storing). */
  name: string | null | undefined;
  allowed: readonly StoredFileType[];
  /** Defaults to UPLOAD_MAX_BYTES. */
  maxBytes?: number;
}

/** The columns of a stored file other than its content. */
const INFO_COLUMNS = {
  id: storedFiles.id,
  sha256: storedFiles.sha256,
  contentType: storedFiles.contentType,
  sizeBytes: storedFiles.sizeBytes,
  originalName: storedFiles.originalName,
  createdAt: storedFiles.createdAt,
};

/**
 * Stores an uploaded file in the caller's transaction after checking it: not empty, not larger than the limit
 * (PAYLOAD_TOO_LARGE), its content one of the allowed types (FILE_TYPE_NOT_ALLOWED). The caller checks permissions
 * and audits (the SHA-256 belongs in its audit summary).
 */
export async function storeFile(ctx: Ctx, input: StoreFileInput): Promise<StoredFileInfo> {
  const maxBytes = input.maxBytes ?? ctx.config.UPLOAD_MAX_BYTES;
  if (input.buffer.length === 0) throw validationError([{ path: 'file', code: 'required', message: translate(ctx.locale, 'validation.required') }]);
  if (input.buffer.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes });
  const type = detectFileType(input.buffer);
  if (!type || !input.allowed.includes(type)) throw new AppError('FILE_TYPE_NOT_ALLOWED', { field: 'file', allowed: [...input.allowed] });
  const [row] = await ctx.db
    .insert(storedFiles)
    .values({
      sha256: createHash('sha256').update(input.buffer).digest('hex'),
      contentType: type,
      sizeBytes: input.buffer.length,
      originalName: sanitizeFileName(input.name, `file.${type.split('/')[1]}`),
      // PGlite copies a bytea parameter into its WebAssembly engine byte by byte (5 MiB: 1.6–3 s); as base64 text
      // decoded by the database it takes 0.15–0.3 s. The PostgreSQL driver sends the bytes as they are.
      content: ctx.database.kind === 'pglite' ? sql`decode(${input.buffer.toString('base64')}, 'base64')` : input.buffer,
      createdBy: actorUserId(ctx.actor),
    })
    .returning(INFO_COLUMNS);
  return row!;
}

/** Name, type, size and hash of a stored file, without its content. */
export async function findStoredFileInfo(db: Tx, id: string): Promise<StoredFileInfo | undefined> {
  const [row] = await db
    .select(INFO_COLUMNS)
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return row;
}

export type StoredFile = StoredFileInfo & { content: Buffer };

/** A stored file with its content (the caller checks who may read it). */
export async function findStoredFile(db: Tx, id: string): Promise<StoredFile | undefined> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

/**
 * Sends a stored file as a download: always an attachment (RFC 6266 name), the type found in its content, no
 * sniffing, a CSP that lets nothing run should a browser render it anyway, and its SHA-256 as an ETag.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', attachmentHeader(file.originalName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.sha256}"`)
    .send(file.content);
}
