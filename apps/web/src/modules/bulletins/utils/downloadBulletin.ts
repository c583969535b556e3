import { ErrorCode, isErrorCode } from '@duty/shared/errors';
import type { AppError } from '../../../graphql/errors';
import { saveBlob } from '../../../utils/saveBlob';
import { fileNameFrom } from './periods';

/** GETs a bulletin's DOCX with the session cookie and saves it; resolves to an error or undefined. */
export async function downloadBulletin(
  path: string,
  fallbackName: string,
): Promise<AppError | undefined> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    return { code: ErrorCode.SERVICE_UNAVAILABLE };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    return isErrorCode(body.code)
      ? {
          code: body.code,
          ...(typeof body.message === 'string' ? { serverMessage: body.message } : {}),
        }
      : { code: response.status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.INTERNAL_ERROR };
  }
  const blob = await response.blob();
  saveBlob(blob, fileNameFrom(response.headers.get('content-disposition')) ?? fallbackName);
  return undefined;
}
