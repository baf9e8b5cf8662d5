import type { CertificateVerification } from '../../../../../common/src/api/registration-certificates.js';

export type { CertificateLink, CertificateVerification } from '../../../../../common/src/api/registration-certificates.js';

export function verificationPath(code: string): string {
  return `/certificates/verify/${encodeURIComponent(code)}`;
}

/** SHA-256 of a file, hex, computed in the browser (the file never leaves it); null when crypto.subtle is missing (no secure context). */
export async function sha256OfFile(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function matchesIssued(verification: CertificateVerification, hash: string): boolean {
  return verification.pdfSha256 === hash.toLowerCase();
}
