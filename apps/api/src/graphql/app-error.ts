import { defaultErrorMessagesZh, ErrorCode } from '@duty/shared/errors';
import { GraphQLError } from 'graphql';

/**
 * A failure the caller can act on: a stable machine code plus a message for people
 * (Chinese, shown in the UI as is). `details` carries structured data, e.g. the current
 * state of a record for a CONFLICT or the invalid fields for VALIDATION_FAILED.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? defaultErrorMessagesZh[code], {
      extensions: { code, ...(details ? { details } : {}) },
    });
    this.name = 'AppError';
  }
}

/**
 * RATE_LIMITED as HTTP 429 with Retry-After (Apollo Server takes `extensions.http` for the
 * response's status and headers and drops it from the body); the body keeps the code and
 * `retryAfterSeconds` for clients that only read JSON.
 */
export function rateLimitedError(
  retryAfterSeconds: number,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  const error = new AppError(ErrorCode.RATE_LIMITED, message, { ...details, retryAfterSeconds });
  Object.assign(error.extensions, {
    retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
  return error;
}
