import { HttpException } from '@nestjs/common';
import { defaultErrorMessagesZh, ErrorCode, isErrorCode } from '@duty/shared/errors';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailableError, RETRY_AFTER_SECONDS } from '../database/database-availability';

// graphql-armor reports its limits as validation errors with these messages.
const LIMIT_EXCEEDED =
  /^Syntax Error: (Query depth|Aliases|Directives|Token) limit of \d+ exceeded/i;

const APOLLO_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_REQUEST,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_REQUEST,
  BAD_USER_INPUT: ErrorCode.VALIDATION_FAILED,
  BAD_REQUEST: ErrorCode.BAD_REQUEST,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_REQUEST,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_REQUEST,
};

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

export interface FormatErrorOptions {
  /** Include internal messages and stack traces (never in production). */
  exposeInternals: boolean;
  onInternalError: (error: unknown) => void;
  /** A lost or refused database connection (answered as SERVICE_UNAVAILABLE, HTTP 503). */
  onDatabaseUnavailable?: (error: unknown) => void;
}

/**
 * Every GraphQL error leaves the server with a stable `extensions.code` from the shared list.
 * Unexpected errors are logged with the request id and replaced by a generic message, so
 * no SQL, file path or stack reaches a client in production.
 */
export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const rawCode = formatted.extensions?.code;
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };

    if (isErrorCode(rawCode)) {
      // An expected outcome (validation, permission, conflict…): no stack trace, in any mode.
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    if (typeof rawCode === 'string' && APOLLO_CODES[rawCode]) {
      const code = LIMIT_EXCEEDED.test(formatted.message)
        ? ErrorCode.QUERY_TOO_COMPLEX
        : APOLLO_CODES[rawCode];
      return { ...base, extensions: { code, graphqlCode: rawCode } };
    }
    if (original instanceof HttpException && HTTP_STATUS_CODES[original.getStatus()]) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      return { ...base, message: defaultErrorMessagesZh[code], extensions: { code } };
    }

    if (isDatabaseUnavailableError(original)) {
      // Not a bug of this request: the database is down or restarting. No message of the
      // driver, no stack; the HTTP status (503, Retry-After) is set by the response plugin.
      options.onDatabaseUnavailable?.(original);
      return {
        ...base,
        message: defaultErrorMessagesZh.SERVICE_UNAVAILABLE,
        extensions: {
          code: ErrorCode.SERVICE_UNAVAILABLE,
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        },
      };
    }

    options.onInternalError(original);
    return {
      message: options.exposeInternals ? formatted.message : defaultErrorMessagesZh.INTERNAL_ERROR,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.INTERNAL_ERROR,
        ...(options.exposeInternals && formatted.extensions?.stacktrace
          ? { stacktrace: formatted.extensions.stacktrace }
          : {}),
      },
    };
  };
}
