import { ErrorCode, isErrorCode } from '@duty/shared/errors';
import type { AppError } from '../../../graphql/errors';
import { fileNameFromContentDisposition } from './contentDisposition';

/** A download the server refused or that broke off, as the UI reports it. */
export class DownloadError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.serverMessage ?? appError.code);
    this.name = 'DownloadError';
  }
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition; undefined when the server proposed none. */
  fileName: string | undefined;
  bytes: number;
}

export interface DownloadOptions {
  /** Called with the bytes received so far after every chunk. */
  onProgress?: (bytesReceived: number) => void;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  422: ErrorCode.VALIDATION_FAILED,
  502: ErrorCode.SERVICE_UNAVAILABLE,
  503: ErrorCode.SERVICE_UNAVAILABLE,
  504: ErrorCode.SERVICE_UNAVAILABLE,
};

/** The `{ code, message }` body of a refused request, or a code for its HTTP status. */
async function errorOf(response: Response): Promise<AppError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  if (isErrorCode(code)) {
    return { code, ...(typeof message === 'string' ? { serverMessage: message } : {}) };
  }
  return {
    code:
      STATUS_CODES[response.status] ??
      (response.status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST),
  };
}

/**
 * GETs `url` with the session cookie and reads the body chunk by chunk, reporting the bytes
 * received (the size of a streamed pack is not known in advance). Throws a
 * {@link DownloadError} for an error answer, a lost connection or an abort.
 */
export async function downloadWithProgress(
  url: string,
  {
    onProgress,
    signal,
    fetchImpl = (input, init) => globalThis.fetch(input, init),
  }: DownloadOptions = {},
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DownloadError({ code: ErrorCode.SERVICE_UNAVAILABLE });
  }
  if (!response.ok) throw new DownloadError(await errorOf(response));
  const fileName = fileNameFromContentDisposition(response.headers.get('content-disposition'));
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const chunks: BlobPart[] = [];
  let bytes = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as BlobPart);
        bytes += value.byteLength;
        onProgress?.(bytes);
      }
    } else {
      // No streams (old browsers): one step, still correct.
      const whole = await response.blob();
      chunks.push(whole);
      bytes = whole.size;
      onProgress?.(bytes);
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    // The server writes the ZIP as it goes: an error midway cuts the stream off.
    throw new DownloadError({ code: ErrorCode.SERVICE_UNAVAILABLE });
  }
  return { blob: new Blob(chunks, { type }), fileName, bytes };
}
