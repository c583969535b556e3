import { ErrorCode, isErrorCode } from '@duty/shared/errors';
import type { AppError } from '../../../graphql/errors';
import { saveBlob } from '../../../utils/saveBlob';
import { fileNameFrom } from '../../bulletins/utils/periods';

/** The server's header with the PDF's detached signature (the signed JSON, in ASCII). */
export const SIGNATURE_HEADER = 'X-Duty-Signature';

export const unitReportPdfPath = (cycleId: string, unitCode: string) =>
  `/api/assessment/unit-report.pdf?${new URLSearchParams({ cycleId, unitCode }).toString()}`;

/** `恩施市-2026年度质量工作考核报告.pdf` → `恩施市-2026年度质量工作考核报告.sig.json`. */
export const signatureFileName = (pdfName: string) => `${pdfName.replace(/\.pdf$/i, '')}.sig.json`;

export type PdfDownload =
  { ok: true; fileName: string; signature: string | null } | { ok: false; error: AppError };

/**
 * GETs the unit report PDF with the session cookie and saves it; returns its name and its
 * detached signature (the signed JSON text) for saving beside it.
 */
export async function downloadUnitReportPdf(
  cycleId: string,
  unitCode: string,
  fallbackName: string,
): Promise<PdfDownload> {
  let response: Response;
  try {
    response = await fetch(unitReportPdfPath(cycleId, unitCode), { credentials: 'same-origin' });
  } catch {
    return { ok: false, error: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    return {
      ok: false,
      error: isErrorCode(body.code)
        ? {
            code: body.code,
            ...(typeof body.message === 'string' ? { serverMessage: body.message } : {}),
          }
        : { code: response.status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.INTERNAL_ERROR },
    };
  }
  const blob = await response.blob();
  const fileName = fileNameFrom(response.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(blob, fileName);
  const header = response.headers.get(SIGNATURE_HEADER);
  return { ok: true, fileName, signature: header ? signatureFile(header) : null };
}

/** The signed JSON as a readable file (indented, characters unescaped); the same JSON value. */
function signatureFile(header: string): string | null {
  try {
    return `${JSON.stringify(JSON.parse(header), null, 2)}\n`;
  } catch {
    return null;
  }
}
