import type { FieldError } from '../../../common/src/errors.js';
import type { SessionInfo } from '../../../common/src/api/auth.js';

/** Error codes produced by the web client itself (no HTTP answer, or an answer that is not JSON). */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export interface ApiErrorDetails {
  fields?: FieldError[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

/** An API error answer (`{ code, message, details, requestId }`) or a client-side failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetails | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details?: ApiErrorDetails, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export const API_BASE = '/api/v1';

let csrfToken = '';
let lastActivityAt = Date.now();
let currentLanguage: () => string = () => 'vi';
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Time of the last API request (the server's idle timeout counts from the last request). */
export function lastApiActivity(): number {
  return lastActivityAt;
}

export function setLanguageSource(source: () => string): void {
  currentLanguage = source;
}

/** Called when a request answers 401 UNAUTHENTICATED (the session expired or was revoked). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
}

function statusToCode(status: number): string {
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status === 404) return 'NOT_FOUND';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status >= 500) return 'INTERNAL';
  return 'UNEXPECTED_RESPONSE';
}

async function send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  lastActivityAt = Date.now();
  return fetch(API_BASE + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal: options.signal,
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && typeof (parsed as { code?: unknown }).code === 'string') {
    const data = parsed as { code: string; message?: string; details?: ApiErrorDetails; requestId?: string };
    const details = { ...data.details };
    const retryAfter = response.headers.get('retry-after');
    if (details.retryAfterSeconds === undefined && retryAfter && /^\d+$/.test(retryAfter)) {
      details.retryAfterSeconds = Number(retryAfter);
    }
    return new ApiError(response.status, data.code, data.message ?? data.code, details, data.requestId);
  }
  return new ApiError(response.status, statusToCode(response.status), response.statusText);
}

async function refreshCsrfToken(): Promise<void> {
  const response = await send('GET', '/session', undefined, {});
  if (response.ok) {
    const session = (await response.json()) as SessionInfo;
    csrfToken = session.csrfToken;
  }
}

/** Paths whose 401 answer is part of the normal flow (signing in), not an expired session. */
function isAuthFlow(path: string): boolean {
  return path === '/session' || path.startsWith('/auth/');
}

/** Sends one JSON request to the API; throws ApiError on any non-2xx answer. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    // A change sent before the first GET /session answered (e.g. a link handler on page load) fetches the token first.
    if (method !== 'GET' && !csrfToken) await refreshCsrfToken();
    response = await send(method, path, body, options);
    if (!response.ok && method !== 'GET' && response.status === 403) {
      const error = await toApiError(response.clone());
      if (error.code === 'CSRF_FAILED') {
        await refreshCsrfToken();
        response = await send(method, path, body, options);
      }
    }
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'UNAUTHENTICATED' && !isAuthFlow(path)) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', 'response is not JSON');
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};

/** Builds `?a=1&b=x` from defined, non-empty values. */
export function toQueryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
