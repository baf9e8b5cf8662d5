import type { z } from 'zod';
import type * as catalog from '../../../../common/src/api/catalog.js';
import type { SessionInfo } from '../../../../common/src/api/auth.js';
import { api, API_BASE, ApiError, type Page } from '../../lib/api.js';
import { i18n } from '../../app/i18n.js';

export type Amendment = z.infer<typeof catalog.Amendment>;
export type AmendmentList = Page<Amendment> & { organisations?: { id: string; name: string }[] };
export type DraftWorkspace = z.infer<typeof catalog.DraftWorkspace>;
export type VersionEvent = z.infer<typeof catalog.VersionEvent>;
export type VersionState = z.infer<typeof catalog.VersionState>;
export type ProposeAmendmentInput = z.input<typeof catalog.ProposeAmendmentInput>;
export type AmendmentChanges = z.infer<typeof catalog.AmendmentChanges>;
export type LinkCandidateList = z.infer<typeof catalog.LinkCandidateList>;
export type VersionAction = DraftWorkspace['actions'][number];

export const AMENDMENT_STATUSES = ['proposed', 'included', 'rejected', 'withdrawn'] as const;
export const AMENDMENT_KINDS = ['add', 'reword', 'retire'] as const;
export const AMENDMENT_SORTS = ['createdAt', 'status', 'sector', 'kind'] as const;

/** One workflow step on a version; `revision` is the one the page showed (a stale one answers CONFLICT). */
export function versionStep(id: string, action: 'include' | 'exclude' | 'discard' | 'submit' | 'return' | 'reject', body: Record<string, unknown>) {
  return api.post<VersionState>(`/catalog/versions/${encodeURIComponent(id)}/${action}`, body);
}

export function editDraftItem(id: string, code: string, body: AmendmentChanges & { revision: number }) {
  return api.patch<VersionState>(`/catalog/versions/${encodeURIComponent(id)}/items/${encodeURIComponent(code)}`, body);
}

/**
 * Sends a multipart form (the signed decision) with the session's CSRF token. The JSON client cannot send files,
 * so this asks for the token first and reads the error answer the same way.
 */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    const session = (await api.get<SessionInfo>('/session')) as SessionInfo;
    response = await fetch(API_BASE + path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language, 'x-csrf-token': session.csrfToken },
    });
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  const body = (await response.json().catch(() => undefined)) as { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string } | undefined;
  if (!response.ok) {
    throw new ApiError(response.status, body?.code ?? (response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNEXPECTED_RESPONSE'), body?.message ?? response.statusText, body?.details, body?.requestId);
  }
  return body as T;
}

/** Splits "a, b; c" into trimmed, non-empty entries. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}
