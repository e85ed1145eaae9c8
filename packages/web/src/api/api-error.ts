import { errorCodes, type ErrorCode } from '@caunoi/domain';

/** A failed API call: the server's stable code, its (Vietnamese) message and the HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCodes, code);
}

/** True for the 404 of a record the user may not see (the server answers both the same way). */
export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}
