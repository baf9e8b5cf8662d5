import type { TFunction } from 'i18next';
import { i18n } from '../app/i18n.js';
import { ApiError } from './api.js';

function numberParam(details: Record<string, unknown> | undefined, name: string): number | undefined {
  const direct = details?.[name];
  if (typeof direct === 'number') return direct;
  const fields = details?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields) {
      const value = (field as { params?: Record<string, unknown> }).params?.[name];
      if (typeof value === 'number') return value;
    }
  }
  return undefined;
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** The message for an API error code in the UI language (`errors.<CODE>`), with its parameters. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('common.unexpectedError');
  if (error.code === 'NETWORK_ERROR') return t('common.networkError');
  const key = `errors.${error.code}`;
  if (!i18n.exists(key)) return t('common.unexpectedError');
  const details = error.details;
  return t(key, {
    seconds: details?.retryAfterSeconds ?? numberParam(details, 'seconds') ?? 60,
    min: numberParam(details, 'min') ?? numberParam(details, 'minimum') ?? 8,
    max: numberParam(details, 'max') ?? numberParam(details, 'maximum') ?? 256,
  });
}

/** Error codes about the chosen password, shown next to the password field. */
const PASSWORD_POLICY_CODES = new Set(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'PASSWORD_TOO_COMMON', 'PASSWORD_CONTAINS_EMAIL']);

export interface FieldErrorOptions {
  /** Field that receives password-policy errors (PASSWORD_TOO_SHORT, ...). */
  passwordField?: string;
  /** Field that receives WRONG_PASSWORD. */
  currentPasswordField?: string;
  /** Field that receives INVALID_TOTP_CODE (a wrong or reused authenticator code). */
  codeField?: string;
}

/**
 * Field name → translated message, from `details.fields` (prefers `validation.<code>` in the UI language,
 * else the message the server translated) and from password-policy codes.
 */
export function fieldErrorsOf(t: TFunction, error: unknown, options: FieldErrorOptions = {}): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  if (options.passwordField && PASSWORD_POLICY_CODES.has(error.code)) {
    result[options.passwordField] = errorMessage(t, error);
  }
  if (options.currentPasswordField && error.code === 'WRONG_PASSWORD') {
    result[options.currentPasswordField] = errorMessage(t, error);
  }
  if (options.codeField && error.code === 'INVALID_TOTP_CODE') {
    result[options.codeField] = errorMessage(t, error);
  }
  // A single-field error (`details.field`, e.g. CONFLICT on a tax code already registered) goes next to that field.
  const single = error.details?.field;
  if (typeof single === 'string' && !result[single]) {
    result[single] = error.code === 'CONFLICT' ? t('common.valueTaken') : errorMessage(t, error);
  }
  for (const field of error.details?.fields ?? []) {
    const name = field.path.replace(/^body\./, '').split('.')[0] ?? field.path;
    if (result[name]) continue;
    const key = `validation.${field.code}`;
    const params = { minimum: 0, maximum: 0, ...field.params };
    result[name] = i18n.exists(key) ? t(key, params) : field.message;
  }
  return result;
}

/** True when the whole error is already shown next to fields (no need for a form-level alert text besides the summary). */
export function isFieldLevelError(error: unknown, options: FieldErrorOptions = {}): boolean {
  if (!(error instanceof ApiError)) return false;
  if (options.passwordField && PASSWORD_POLICY_CODES.has(error.code)) return true;
  if (options.currentPasswordField && error.code === 'WRONG_PASSWORD') return true;
  if (options.codeField && error.code === 'INVALID_TOTP_CODE') return true;
  return false;
}
