import type { SessionInfo } from '../../../../../common/src/api/auth.js';
import type { ConnectionMessageView } from '../../../../../common/src/api/exchange-connections.js';
import { i18n } from '../../../app/i18n.js';
import { API_BASE, api, ApiError } from '../../../lib/api.js';

/** Calls of the connection pages that the JSON client cannot make (a message with files). */

export const attachmentUrl = (connectionId: string, fileId: string) => `${API_BASE}/exchange/connections/${encodeURIComponent(connectionId)}/attachments/${encodeURIComponent(fileId)}`;

/** Posts a thread message with its files as multipart (body, file × n), with the session's CSRF token. */
export async function postMessage(connectionId: string, body: string, files: File[]): Promise<ConnectionMessageView> {
  const form = new FormData();
  form.append('body', body);
  for (const file of files) form.append('file', file, file.name);
  let response: Response;
  try {
    const session = await api.get<SessionInfo>('/session');
    response = await fetch(`${API_BASE}/exchange/connections/${encodeURIComponent(connectionId)}/messages`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language, 'x-csrf-token': session.csrfToken },
    });
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  const answer = (await response.json().catch(() => undefined)) as { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string } | undefined;
  if (!response.ok) {
    throw new ApiError(response.status, answer?.code ?? (response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNEXPECTED_RESPONSE'), answer?.message ?? response.statusText, answer?.details, answer?.requestId);
  }
  return answer as unknown as ConnectionMessageView;
}

/** A file size for people: "820 kB", "3.4 MB". */
export function fileSize(bytes: number, language: string): string {
  const format = (value: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(value);
  return bytes >= 1024 * 1024 ? `${format(bytes / (1024 * 1024))} MB` : `${format(Math.max(1, bytes / 1024))} kB`;
}
