/** The closed list of error codes the API answers with, and their HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 401,
  MFA_ENROLMENT_REQUIRED: 403,
  INVALID_TOTP_CODE: 400,
  EMAIL_NOT_VERIFIED: 403,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  ALREADY_MEMBER: 409,
  LAST_ADMIN: 409,
  VALIDITY_OVERLAP: 409,
  AGENCY_NOT_IN_FORCE: 409,
  LINEAGE_CYCLE: 409,
  ORGANISATION_NOT_AGENCY: 400,
  CALENDAR_DAY_EXISTS: 409,
  LEGAL_RULE_NOT_IN_FORCE: 409,
  LEGAL_RULE_OVERLAP: 409,
  LIST_IMPORT_INVALID: 400,
  LIST_VERSION_CLOSED: 409,
  CATALOG_OPEN_VERSION_EXISTS: 409,
  CATALOG_CODE_TAKEN: 409,
  CATALOG_AMENDMENT_NOT_APPLICABLE: 409,
  CATALOG_EFFECTIVE_DATE_INVALID: 400,
  FILE_TYPE_NOT_ALLOWED: 415,
  TOKEN_INVALID: 400,
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_TOO_LONG: 400,
  PASSWORD_TOO_COMMON: 400,
  PASSWORD_CONTAINS_EMAIL: 400,
  WRONG_PASSWORD: 400,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface FieldError {
  path: string;
  /** i18n key under `validation.` */
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldError[]; retryAfterSeconds?: number; [key: string]: unknown };
  requestId: string;
}
