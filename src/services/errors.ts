import type { ApiError, ErrorCode } from '@contracts';

/** A code the client adds for failures that never reached a function (offline, timeout). */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export type ErrorDetail = NonNullable<ApiError['details']>[number];

/** Thrown by every service call that does not succeed. `message` is Chinese, for the user. */
export class ApiRequestError extends Error {
  readonly code: ClientErrorCode;
  readonly field?: string;
  readonly details?: ErrorDetail[];
  /** Set on every instance, so it survives transpiled subclassing of Error. */
  readonly isApiRequestError = true;

  constructor(code: ClientErrorCode, message: string, field?: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.field = field;
    this.details = details;
  }

  static from(error: ApiError): ApiRequestError {
    return new ApiRequestError(error.code, error.message, error.field, error.details);
  }
}

export function isApiRequestError(e: unknown): e is ApiRequestError {
  return typeof e === 'object' && e !== null && (e as { isApiRequestError?: unknown }).isApiRequestError === true;
}

export const NETWORK_MESSAGE = '网络不通，请检查网络后重试';

/** A message for the user, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (isApiRequestError(e)) return e.message;
  return '出了点问题，请稍后重试';
}
