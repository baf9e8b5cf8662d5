import type { z } from 'zod';
import type { CaseCommentView } from '../../../../../common/src/api/cases.js';
import type { DataStep, DossierData } from '../../../../../common/src/api/registration-dossier.js';
import type * as filing from '../../../../../common/src/api/registration-filing.js';
import type { SessionInfo } from '../../../../../common/src/api/auth.js';
import { api, API_BASE, ApiError, toQueryString } from '../../../lib/api.js';
import { i18n } from '../../../app/i18n.js';

export type RegistrationDetail = z.infer<typeof filing.RegistrationDetail>;
export type RegistrationSummary = z.infer<typeof filing.RegistrationSummary>;
export type RegistrationList = z.infer<typeof filing.RegistrationList>;
export type RegistrationState = z.infer<typeof filing.RegistrationState>;
export type UploadedDocument = z.infer<typeof filing.UploadedDocument>;

const base = (id: string) => `/registrations/${encodeURIComponent(id)}`;

/** A key for one user intent (create, submit): a repeat of the same request returns the first answer. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function registrationsPath(query: { status?: string | undefined; page?: number | undefined; sort?: string | undefined; order?: string | undefined }): string {
  return `/registrations${toQueryString({ ...query, pageSize: 20 })}`;
}

export function registrationPath(id: string): string {
  return base(id);
}

export async function createRegistration(idempotencyKey: string): Promise<RegistrationState> {
  return sendJson<RegistrationState>('POST', '/registrations', { purpose: 'new' }, idempotencyKey);
}

export function saveStep(id: string, step: DataStep, revision: number, data: unknown): Promise<RegistrationState> {
  return api.put<RegistrationState>(`${base(id)}/steps/${step}`, { revision, data });
}

export function submitRegistration(id: string, revision: number, idempotencyKey: string): Promise<RegistrationState> {
  return sendJson<RegistrationState>('POST', `${base(id)}/submit`, { revision }, idempotencyKey);
}

export function supplementRegistration(id: string, body: { revision: number; data?: DossierData; note?: string }): Promise<RegistrationState> {
  return api.post<RegistrationState>(`${base(id)}/supplement`, body);
}

export function withdrawRegistration(id: string, revision: number, reason?: string): Promise<RegistrationState> {
  return api.post<RegistrationState>(`${base(id)}/withdraw`, { revision, ...(reason ? { reason } : {}) });
}

export function commentOnRegistration(id: string, body: string): Promise<CaseCommentView> {
  return api.post<CaseCommentView>(`${base(id)}/comments`, { body });
}

export function startAmendment(id: string, purpose: 'amendment' | 'extension', idempotencyKey: string): Promise<RegistrationState> {
  return sendJson<RegistrationState>('POST', `${base(id)}/amendments`, { purpose }, idempotencyKey);
}

export function removeDocument(id: string, documentId: string, revision: number): Promise<{ revision: number }> {
  return api.delete<{ revision: number }>(`${base(id)}/documents/${encodeURIComponent(documentId)}?revision=${revision}`);
}

export function documentUrl(id: string, documentId: string): string {
  return `${API_BASE}${base(id)}/documents/${encodeURIComponent(documentId)}`;
}

async function csrfToken(): Promise<string> {
  return (await api.get<SessionInfo>('/session')).csrfToken;
}

function apiErrorOf(status: number, body: unknown): ApiError {
  const data = (body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string };
  const code = data.code ?? (status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 0 ? 'NETWORK_ERROR' : 'UNEXPECTED_RESPONSE');
  return new ApiError(status, code, data.message ?? code, data.details, data.requestId);
}

/** A JSON request with an Idempotency-Key header (the JSON client has no header option). */
async function sendJson<T>(method: 'POST', path: string, body: unknown, idempotencyKey: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      body: JSON.stringify(body),
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Accept-Language': i18n.language, 'x-csrf-token': await csrfToken(), 'Idempotency-Key': idempotencyKey },
    });
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  const answer = await response.json().catch(() => undefined);
  if (!response.ok) throw apiErrorOf(response.status, answer);
  return answer as T;
}

/**
 * Uploads one PDF (multipart: kind, revision, file) and reports progress from 0 to 1 (XMLHttpRequest: fetch has
 * no upload progress).
 */
export async function uploadDocument(id: string, input: { kind: string; revision: number; file: File }, onProgress: (fraction: number) => void): Promise<UploadedDocument> {
  const token = await csrfToken();
  const form = new FormData();
  form.append('kind', input.kind);
  form.append('revision', String(input.revision));
  form.append('file', input.file, input.file.name);
  return new Promise<UploadedDocument>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${API_BASE}${base(id)}/documents`);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', i18n.language);
    request.setRequestHeader('x-csrf-token', token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as UploadedDocument);
      else reject(apiErrorOf(request.status, body));
    };
    request.onerror = () => reject(apiErrorOf(0, undefined));
    request.send(form);
  });
}
