import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, openTestDatabase, testConfig } from '../../../test/harness.js';
import { ANONYMOUS, type Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { detectFileType, findStoredFile, findStoredFileInfo, sanitizeFileName, sendStoredFile, storeFile } from './files.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('detectFileType (content, not name or claimed type)', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectFileType(PDF)).toBe('application/pdf');
    expect(detectFileType(PNG)).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]))).toBe('image/jpeg');
  });

  it('recognises nothing else: text, HTML, a truncated signature, an empty file', () => {
    expect(detectFileType(Buffer.from('hello %PDF-1.7'))).toBeNull();
    expect(detectFileType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectFileType(Buffer.from('%PDF'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it('keeps only the last path segment', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\x\\Quyết định 1234.pdf')).toBe('Quyết định 1234.pdf');
  });

  it('removes control and reserved characters and leading dots', () => {
    expect(sanitizeFileName('a\u0000b\r\n"<c>|?*:.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('..hidden.pdf')).toBe('hidden.pdf');
  });

  it('falls back when nothing is left, and shortens long names keeping the extension', () => {
    expect(sanitizeFileName('...', 'decision.pdf')).toBe('decision.pdf');
    expect(sanitizeFileName(undefined)).toBe('file');
    const long = sanitizeFileName(`${'đ'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('composes Vietnamese text to NFC', () => {
    expect(sanitizeFileName('Quye\u0302\u0301t.pdf')).toBe('Quy\u1ebft.pdf');
  });
});

describe('storeFile and sendStoredFile (against the database)', () => {
  let database: Database;
  let ctx: Ctx;
  beforeAll(async () => {
    database = await openTestDatabase();
    ctx = { db: database.db, database, actor: ANONYMOUS, locale: 'en', requestId: 'test', ip: null, config: testConfig() };
  });
  afterAll(() => database.close());

  it('stores an allowed file with its SHA-256, detected type, size and sanitised name', async () => {
    const info = await storeFile(ctx, { buffer: PDF, name: '../QĐ 1234.pdf', allowed: ['application/pdf'] });
    expect(info).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length, originalName: 'QĐ 1234.pdf' });
    expect(info.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const stored = await findStoredFile(database.db, info.id);
    expect(Buffer.compare(stored!.content, PDF)).toBe(0);
    expect((await findStoredFileInfo(database.db, info.id))?.sha256).toBe(info.sha256);
  });

  it('refuses a type that is not allowed (even when named .pdf) and stores nothing', async () => {
    const before = await countRows(database, 'stored_files');
    const refusal = await storeFile(ctx, { buffer: PNG, name: 'decision.pdf', allowed: ['application/pdf'] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((refusal as AppError).status).toBe(415);
    const text = await storeFile(ctx, { buffer: Buffer.from('not a pdf'), name: 'a.pdf', allowed: ['application/pdf'] }).catch((e: unknown) => e);
    expect((text as AppError).code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await countRows(database, 'stored_files')).toBe(before);
  });

  it('refuses a file over the size limit (413) and an empty file, storing nothing', async () => {
    const before = await countRows(database, 'stored_files');
    const big = await storeFile(ctx, { buffer: Buffer.concat([PDF, Buffer.alloc(100)]), name: 'big.pdf', allowed: ['application/pdf'], maxBytes: 64 }).catch((e: unknown) => e);
    expect((big as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    const empty = await storeFile(ctx, { buffer: Buffer.alloc(0), name: 'empty.pdf', allowed: ['application/pdf'] }).catch((e: unknown) => e);
    expect((empty as AppError).code).toBe('VALIDATION_FAILED');
    expect(await countRows(database, 'stored_files')).toBe(before);
  });

  it('sends a download with safe headers: attachment (RFC 6266 name), nosniff, CSP none, detected type', async () => {
    const info = await storeFile(ctx, { buffer: PDF, name: 'Quyết định 1234.pdf', allowed: ['application/pdf'] });
    const file = (await findStoredFile(database.db, info.id))!;
    const app = Fastify();
    app.get('/file', async (_request, reply) => sendStoredFile(reply, file));
    const res = await app.inject({ method: 'GET', url: '/file' });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Quyet-dinh-1234.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định 1234.pdf')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(res.headers.etag).toBe(`"${info.sha256}"`);
    expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
  });
});
