import { ERROR_STATUS, type ErrorCode, type FieldError } from '../../../common/src/errors.js';

/** The one error type of the application. `code` is from the closed list in common/src/errors.ts. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly status: number;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(code);
    this.code = code;
    this.details = details;
    this.status = ERROR_STATUS[code];
  }
}

export function validationError(fields: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', { fields });
}
