import { errorCodes, type ErrorCode } from '@caunoi/domain';

/**
 * The one error type of the server. `details` must never carry personal data:
 * it is sent to the client and may be logged. Field paths and codes only.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(errorCodes[code].vi);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code].status;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
