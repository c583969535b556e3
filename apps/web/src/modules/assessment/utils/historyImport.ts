import { sendWithProgress } from '../../tasks/utils/evidenceUpload';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/api/assessment/history-import';

/** Fields of the import, in the order the mapping step shows them (unit and score required). */
export const MAPPING_FIELDS = [
  'unit',
  'indicator',
  'score',
  'rank',
  'grade',
  'completion',
  'ledger',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export type ColumnMapping = Partial<Record<MappingField, string>>;
export const REQUIRED_FIELDS: readonly MappingField[] = ['unit', 'score'];

export interface ImportProblem {
  row: number;
  column?: string;
  code: string;
  message: string;
  value?: string;
  suggestions?: Array<{ code: string; name: string }>;
}

export interface PreviewRow {
  row: number;
  unitText: string;
  unitCode: string;
  unitName: string;
  indicator: string;
  score: number;
  rank: number | null;
  grade: string | null;
  completion: number | null;
  ledger: string | null;
  derived: boolean;
}

export interface ImportPreview {
  year: number;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  mappingSuggested: boolean;
  rows: PreviewRow[];
  rowCount: number;
  unitCount: number;
  indicatorCount: number;
  problems: ImportProblem[];
}

export interface ImportRequest {
  year: number;
  fileName: string;
  mapping?: ColumnMapping;
  unitMatches?: Record<string, string>;
}

export type ImportAnswer =
  | { ok: true; rowCount: number; unitCount: number; year: number }
  | { ok: false; code: string; message?: string; problems: ImportProblem[] };

/** The URL of a preview or an import: year, file name, mapping and unit choices as parameters. */
export function historyImportUrl(step: 'preview' | 'import', request: ImportRequest): string {
  const params = new URLSearchParams({ year: String(request.year), fileName: request.fileName });
  if (request.mapping) {
    const mapping = Object.fromEntries(Object.entries(request.mapping).filter(([, v]) => !!v));
    params.set('mapping', JSON.stringify(mapping));
  }
  if (request.unitMatches && Object.keys(request.unitMatches).length) {
    params.set('unitMatches', JSON.stringify(request.unitMatches));
  }
  return `${step === 'preview' ? `${BASE}/preview` : BASE}?${params.toString()}`;
}

function parseBody(bodyText: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function problemsOf(body: Record<string, unknown>): ImportProblem[] {
  return Array.isArray(body.problems)
    ? body.problems.filter(
        (p): p is ImportProblem =>
          !!p && typeof p === 'object' && typeof (p as ImportProblem).message === 'string',
      )
    : [];
}

function failure(status: number, body: Record<string, unknown>) {
  return {
    ok: false as const,
    code:
      typeof body.code === 'string'
        ? body.code
        : status >= 500 || status === 0
          ? 'SERVICE_UNAVAILABLE'
          : 'BAD_REQUEST',
    message: typeof body.message === 'string' ? body.message : undefined,
    problems: problemsOf(body),
  };
}

/** Reads the answer of a preview (200 with the preview, else an error body). */
export function parsePreviewAnswer(
  status: number,
  bodyText: string,
): { ok: true; preview: ImportPreview } | ReturnType<typeof failure> {
  const body = parseBody(bodyText);
  if (status === 200 && Array.isArray(body.headers)) {
    return {
      ok: true,
      preview: { ...(body as unknown as ImportPreview), problems: problemsOf(body) },
    };
  }
  return failure(status, body);
}

/** Reads the answer of an import (200 with the import, or 409/422 with every problem). */
export function parseImportAnswer(status: number, bodyText: string): ImportAnswer {
  const body = parseBody(bodyText);
  const done = body.import as { rowCount?: number; unitCount?: number; year?: number } | undefined;
  if (status === 200 && done && typeof done.rowCount === 'number') {
    return {
      ok: true,
      rowCount: done.rowCount,
      unitCount: done.unitCount ?? 0,
      year: done.year ?? 0,
    };
  }
  return failure(status, body);
}

export async function requestPreview(file: Blob, request: ImportRequest) {
  try {
    const { status, bodyText } = await sendWithProgress({
      url: historyImportUrl('preview', request),
      body: file,
      contentType: XLSX_TYPE,
    }).promise;
    return parsePreviewAnswer(status, bodyText);
  } catch {
    return failure(0, {});
  }
}

export async function requestImport(file: Blob, request: ImportRequest): Promise<ImportAnswer> {
  try {
    const { status, bodyText } = await sendWithProgress({
      url: historyImportUrl('import', request),
      body: file,
      contentType: XLSX_TYPE,
    }).promise;
    return parseImportAnswer(status, bodyText);
  } catch {
    return failure(0, {});
  }
}

/** Direction of a change for arrows: up, down or same; null when there is nothing to compare. */
export function trendOf(change: number | null | undefined): 'up' | 'down' | 'same' | null {
  if (change === null || change === undefined) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}
