import type { ListingFileView } from '../../../../../common/src/api/exchange-listings.js';
import type { SessionInfo } from '../../../../../common/src/api/auth.js';
import { api, API_BASE, ApiError } from '../../../lib/api.js';
import { i18n } from '../../../app/i18n.js';

export type { ListingFileView };

/** Every file uploaded to a listing (owner and DOST). */
export function fetchListingFiles(listingId: string): Promise<ListingFileView[]> {
  return api.get<ListingFileView[]>(`/exchange/listings/${encodeURIComponent(listingId)}/files`);
}

/**
 * Uploads one image or PDF to a listing (multipart: file, caption?) with the session's CSRF token; reports progress
 * from 0 to 1 (XMLHttpRequest: fetch has no upload progress).
 */
export async function uploadListingFile(listingId: string, input: { file: File; caption?: string }, onProgress: (fraction: number) => void): Promise<ListingFileView> {
  const session = await api.get<SessionInfo>('/session');
  const form = new FormData();
  if (input.caption) form.append('caption', input.caption);
  form.append('file', input.file, input.file.name);
  return new Promise<ListingFileView>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${API_BASE}/exchange/listings/${encodeURIComponent(listingId)}/files`);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', i18n.language);
    request.setRequestHeader('x-csrf-token', session.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string } | undefined;
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as unknown as ListingFileView);
      else reject(new ApiError(request.status, body?.code ?? (request.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNEXPECTED_RESPONSE'), body?.message ?? request.statusText, body?.details, body?.requestId));
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'network error'));
    request.send(form);
  });
}
