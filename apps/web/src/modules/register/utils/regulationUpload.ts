import type { ArticleChangeKind } from '../graphql/types';

/** POST /api/regulations/import: the regulation file and its fields (multipart). */
export const REGULATION_IMPORT_URL = '/api/regulations/import';

export interface RegulationImportFields {
  code: string;
  /** draft | enacted */
  status: 'draft' | 'enacted';
  /** YYYY-MM-DD */
  effectiveDate?: string;
  /** A department kind code; omitted keeps the stored one. */
  coordinatingDepartment?: string;
  confirmTitleChange?: boolean;
  /** The province (XX0000) owning a new regulation; omitted: national (system administrators). */
  ownerProvinceCode?: string;
}

/** The server's answer to an import (what the importRegulationVersion mutation answers, plus the file). */
export interface RegulationImportAnswer {
  code: string;
  versionId: string;
  versionNumber: number;
  alreadyImported: boolean;
  title: string;
  chapters: number;
  sections: number;
  articles: number;
  paragraphs: number;
  items: number;
  duties: number;
  trackedDuties: number;
  needsReview: number;
  carriedOver: number;
  mappingSuggestions: number;
  changeSummary: Partial<Record<Lowercase<ArticleChangeKind>, number>>;
  warnings: Array<{ code: string; line: number; message: string }>;
  source: {
    fileName: string;
    format: 'docx' | 'text';
    encoding: string | null;
    description: string;
  };
}

/** A refusal: the server's code and Chinese message, and its details (field, line, titles…). */
export interface RegulationImportFailure {
  code: string;
  message?: string;
  details: Record<string, unknown>;
  status: number;
}

export type RegulationImportOutcome =
  { ok: true; answer: RegulationImportAnswer } | { ok: false; failure: RegulationImportFailure };

export function buildRegulationImportForm(
  file: Blob & { name?: string },
  fields: RegulationImportFields,
): FormData {
  const data = new FormData();
  data.append('code', fields.code.trim());
  data.append('status', fields.status);
  if (fields.effectiveDate) data.append('effectiveDate', fields.effectiveDate);
  if (fields.coordinatingDepartment)
    data.append('coordinatingDepartment', fields.coordinatingDepartment);
  if (fields.confirmTitleChange) data.append('confirmTitleChange', 'true');
  if (fields.ownerProvinceCode) data.append('ownerProvinceCode', fields.ownerProvinceCode);
  data.append('file', file, file.name);
  return data;
}

/** Maps a failed answer (`{ code, message, details? }`) or a non-JSON body to a failure. */
export function parseRegulationImportFailure(
  status: number,
  bodyText: string,
): RegulationImportFailure {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's page): the status decides
  }
  return {
    code:
      typeof body.code === 'string'
        ? body.code
        : status === 0 || status >= 500
          ? 'SERVICE_UNAVAILABLE'
          : 'BAD_REQUEST',
    message: typeof body.message === 'string' ? body.message : undefined,
    details:
      body.details && typeof body.details === 'object'
        ? (body.details as Record<string, unknown>)
        : {},
    status,
  };
}

/** Uploads a regulation file with the session cookie and the anti-CSRF header the API requires. */
export async function importRegulationFile(
  file: Blob & { name?: string },
  fields: RegulationImportFields,
): Promise<RegulationImportOutcome> {
  let response: Response;
  try {
    response = await fetch(REGULATION_IMPORT_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      body: buildRegulationImportForm(file, fields),
    });
  } catch {
    return { ok: false, failure: parseRegulationImportFailure(0, '') };
  }
  const bodyText = await response.text();
  if (response.ok) return { ok: true, answer: JSON.parse(bodyText) as RegulationImportAnswer };
  return { ok: false, failure: parseRegulationImportFailure(response.status, bodyText) };
}
