import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListingFileParams } from '../../../../common/src/api/exchange-access.js';
import { ListingFileView } from '../../../../common/src/api/exchange-listings.js';
import { sendStoredFile, type StoredFile } from '../../core/files/files.js';
import { readMultipartUpload } from '../../core/http/multipart.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as files from './listing-files.service.js';

const tags = ['exchange files'];
const IdParams = z.object({ id: z.uuid() });

/** Images are shown in the page (inline, still sandboxed and not sniffed); documents are always attachments. */
function sendListingFile(reply: FastifyReply, file: StoredFile & { role: 'image' | 'document' }): FastifyReply {
  sendStoredFile(reply, file);
  if (file.role === 'image') reply.header('content-disposition', 'inline');
  return reply;
}

/** Files of a listing: upload (owner), list (owner, DOST), download (detail visibility). */
export async function listingFilesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/exchange/listings/:id/files',
    { schema: { tags, summary: 'Upload an image (PNG/JPEG/WebP ≤ 5 MB) or a PDF (≤ 20 MB) to a listing (multipart: file, caption?; owner)', params: IdParams, consumes: ['multipart/form-data'], response: { 201: ListingFileView } } },
    async (request, reply) => {
      const { fields, file } = await readMultipartUpload(request);
      return reply.status(201).send(await files.uploadListingFile(ctxOf(request), { listingId: request.params.id, caption: fields.caption, file }));
    },
  );

  r.get('/exchange/listings/:id/files', { schema: { tags, summary: "Every file uploaded to a listing (owner and DOST; readers get the published revision's files in the listing view)", params: IdParams, response: { 200: z.array(ListingFileView) } } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-cache');
    return files.listListingFiles(ctxOf(request), { listingId: request.params.id });
  });

  r.get('/exchange/listings/:id/files/:fileId', { schema: { tags, summary: "Download a listing's file (same visibility as the detail; audited when not public)", params: ListingFileParams } }, async (request, reply) => {
    return sendListingFile(reply, await files.downloadListingFile(ctxOf(request), { listingId: request.params.id, fileId: request.params.fileId }));
  });
}
