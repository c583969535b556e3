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
