import type { TFunction } from 'i18next';
import type { SessionInfo } from '../../../../common/src/api/auth.js';
import type {
  ImportProblem,
  ImportResult,
  ListCounts,
  ListItem,
  ListItemsPage,
  ListType,
  ListVersion,
  ListVersions,
} from '../../../../common/src/api/technology-lists.js';
import { api, API_BASE, ApiError, toQueryString } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';

export type { ImportProblem, ImportResult, ListCounts, ListItem, ListItemsPage, ListType, ListVersion, ListVersions };

/** The day in Vietnam (UTC+7), the default date of the lists. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function localized(language: string, vi: string, en: string): string;
export function localized(language: string, vi: string | null, en: string | null): string | null;
export function localized(language: string, vi: string | null, en: string | null): string | null {
  return language === 'en' ? (en ?? vi) : (vi ?? en);
}

/** "Decree 76/2018/ND-CP, Appendix I, item 3": what a reader needs to find the item in the official text. */
export function citation(t: TFunction, language: string, item: Pick<ListItem, 'sourceInstrument' | 'sourceInstrumentEn' | 'appendix' | 'itemNo'>): string {
  const instrument = localized(language, item.sourceInstrument, item.sourceInstrumentEn);
  if (item.appendix && item.itemNo) return t('techLists.citationItem', { instrument, appendix: item.appendix, item: item.itemNo });
  if (item.appendix) return t('techLists.citationAppendix', { instrument, appendix: item.appendix });
  if (item.itemNo) return t('techLists.citationItemOnly', { instrument, item: item.itemNo });
  return t('techLists.citation', { instrument });
}

export function validityText(t: TFunction, language: string, version: Pick<ListVersion, 'validFrom' | 'validTo'>): string {
  return t('techLists.validity', { from: formatDate(version.validFrom, language), to: version.validTo ? formatDate(version.validTo, language) : t('techLists.openEnded') });
}

/** Source URLs are stored separated by " | ". */
export function sourceUrls(value: string | null): string[] {
  return (value ?? '')
    .split('|')
    .map((url) => url.trim())
    .filter((url) => /^https?:\/\//i.test(url));
}

export function exportUrl(path: string, query: Record<string, string | number | undefined>, format: 'csv' | 'xlsx'): string {
  return `${API_BASE}${path}${toQueryString({ ...query, format })}`;
}

export function closeVersion(id: string, validTo: string) {
  return api.post<ListVersion>(`/technology-lists/versions/${encodeURIComponent(id)}/close`, { validTo });
}

/** The problems of a refused import (LIST_IMPORT_INVALID), or null for any other error. */
export function importProblems(error: unknown): { count: number; truncated: boolean; problems: ImportProblem[] } | null {
  if (!(error instanceof ApiError) || error.code !== 'LIST_IMPORT_INVALID' || !error.details) return null;
  const details = error.details as { count?: number; truncated?: boolean; problems?: ImportProblem[] };
  return { count: details.count ?? 0, truncated: details.truncated ?? false, problems: details.problems ?? [] };
}

/**
 * Sends the import form (file + version fields) as multipart with the session's CSRF token; the JSON client cannot
 * send files. Errors are read like the JSON client reads them (413 has no JSON body when a proxy answers it).
 */
export async function postImport(form: FormData, language: string): Promise<ImportResult> {
  let response: Response;
  try {
    const session = await api.get<SessionInfo>('/session');
    response = await fetch(`${API_BASE}/technology-lists/imports`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': language, 'x-csrf-token': session.csrfToken },
    });
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  const body = (await response.json().catch(() => undefined)) as
    | (ImportResult & { code?: undefined })
    | { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string }
    | undefined;
  if (!response.ok) {
    const error = body as { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string } | undefined;
    throw new ApiError(
      response.status,
      error?.code ?? (response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNEXPECTED_RESPONSE'),
      error?.message ?? response.statusText,
      error?.details,
      error?.requestId,
    );
  }
  return body as ImportResult;
}
