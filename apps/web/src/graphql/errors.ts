import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { ErrorCode, isErrorCode } from '@duty/shared/errors';
import type { GraphQLFormattedError } from 'graphql';

/** A failed request reduced to what the UI needs: a stable code and the server's words. */
export interface AppError {
  code: ErrorCode;
  /** The server's message, if any; only shown when it is meant for people (see below). */
  serverMessage?: string;
  /**
   * Per-field messages of a VALIDATION_FAILED answer (`extensions.details.fields`), keyed by
   * the server's field path (e.g. `username` or `input.username`).
   */
  fieldErrors?: Readonly<Record<string, readonly string[]>>;
  /** `extensions.details` as the server sent it (e.g. a CONFLICT's `reason` and counts). */
  details?: Readonly<Record<string, unknown>>;
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
  502: ErrorCode.SERVICE_UNAVAILABLE,
  503: ErrorCode.SERVICE_UNAVAILABLE,
  504: ErrorCode.SERVICE_UNAVAILABLE,
};

/** `details.fields` of a validation error: field → message or messages. */
function fieldErrorsOf(error: GraphQLFormattedError | undefined): AppError['fieldErrors'] {
  const details = error?.extensions?.details as { fields?: unknown } | undefined;
  const fields = details?.fields;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(fields)) {
    const messages = (Array.isArray(value) ? value : [value]).filter(
      (m): m is string => typeof m === 'string' && m.trim() !== '',
    );
    if (messages.length > 0) out[field] = messages;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function fromGraphQLErrors(errors: ReadonlyArray<GraphQLFormattedError>): AppError {
  const known = errors.find((e) => isErrorCode(e.extensions?.code));
  const chosen = known ?? errors[0];
  const fieldErrors = fieldErrorsOf(chosen);
  const details = chosen?.extensions?.details;
  return {
    code: known ? (known.extensions?.code as ErrorCode) : ErrorCode.INTERNAL_ERROR,
    serverMessage: chosen?.message,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(details && typeof details === 'object' && !Array.isArray(details)
      ? { details: details as Record<string, unknown> }
      : {}),
  };
}

function errorsInBody(bodyText: string): ReadonlyArray<GraphQLFormattedError> | undefined {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown };
    return Array.isArray(body?.errors) && body.errors.length > 0
      ? (body.errors as GraphQLFormattedError[])
      : undefined;
  } catch {
    return undefined;
  }
}

/** Maps anything Apollo Client (or fetch) can throw to an {@link AppError}. */
export function toAppError(error: unknown): AppError {
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors);
  if (ServerError.is(error)) {
    // Non-2xx answer; Apollo Server still puts `errors` in the body (e.g. 400 for CSRF).
    const errors = errorsInBody(error.bodyText);
    if (errors) return fromGraphQLErrors(errors);
    return {
      code:
        HTTP_STATUS_CODES[error.statusCode] ??
        (error.statusCode >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST),
    };
  }
  // Not JSON (a proxy or gateway page) or no answer at all (`TypeError: Failed to fetch`).
  if (ServerParseError.is(error) || error instanceof TypeError) {
    return { code: ErrorCode.SERVICE_UNAVAILABLE };
  }
  return { code: ErrorCode.INTERNAL_ERROR };
}

const CJK = /[\u3400-\u9fff]/;

/** Whether a server text is meant for people reading the UI in `language` (see below). */
export function isDisplayableServerText(text: string | undefined, language: string): boolean {
  return language.startsWith('zh') && !!text && CJK.test(text);
}

/**
 * The server message to show instead of the generic text for the code, or undefined.
 * The API sends specific Chinese messages for people (AppError); anything else (English
 * validation text, internal details in development) stays off the screen. Internal errors
 * always get the generic text.
 */
export function displayableServerMessage(error: AppError, language: string): string | undefined {
  if (error.code === ErrorCode.INTERNAL_ERROR) return undefined;
  const message = error.serverMessage?.trim();
  return isDisplayableServerText(message, language) ? message : undefined;
}
