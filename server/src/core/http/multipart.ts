import type { FastifyRequest } from 'fastify';

/** A multipart body read into memory: its text fields, and the first file part named `file`. */
export interface MultipartUpload {
  fields: Record<string, string>;
  file: { buffer: Buffer; filename: string } | null;
}

/**
 * Reads a multipart body (text fields, and the first part named `file`); a body that is not multipart gives no
 * fields and no file, for the service to reject with its own message. Past UPLOAD_MAX_BYTES the multipart plugin
 * throws, which answers 413 PAYLOAD_TOO_LARGE, and nothing is kept.
 */
export async function readMultipartUpload(request: FastifyRequest): Promise<MultipartUpload> {
  const fields: Record<string, string> = {};
  let file: MultipartUpload['file'] = null;
  if (!request.isMultipart()) return { fields, file };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.fieldname === 'file' && !file) file = { buffer, filename: part.filename };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file };
}
