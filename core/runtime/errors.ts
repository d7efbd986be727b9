import type { ApiError, ErrorCode } from '../../contracts/common';

/** A failure the caller should see, with its code and a Chinese message meant for the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录');
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalidInput = (field: string, message: string) => new AppError('INVALID_INPUT', message, field);
