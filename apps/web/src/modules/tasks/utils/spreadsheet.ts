export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const SPREADSHEET_URL = '/api/tasks/spreadsheet';

export function spreadsheetDownloadUrl(cycleId: string): string {
  return `${SPREADSHEET_URL}?cycleId=${encodeURIComponent(cycleId)}`;
}

export type SpreadsheetResult =
  | { ok: true; applied: number; unchanged: number }
  | {
      ok: false;
      code: string;
      message?: string;
      /** Every problem of the sheet: its row (0: the whole file), column if known, reason. */
      problems: SpreadsheetProblem[];
    };

export interface SpreadsheetProblem {
  row: number;
  column?: string;
  message: string;
}

/** Reads the answer of POST /api/tasks/spreadsheet (200, or 409/422 with the problems). */
export function parseSpreadsheetAnswer(status: number, bodyText: string): SpreadsheetResult {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON
  }
  const problems = Array.isArray(body.problems)
    ? body.problems.flatMap((p: unknown) => {
        const problem = (p ?? {}) as Record<string, unknown>;
        if (typeof problem.message !== 'string') return [];
        const found: SpreadsheetProblem = {
          row: typeof problem.row === 'number' ? problem.row : 0,
          message: problem.message,
        };
        if (typeof problem.column === 'string' && problem.column) found.column = problem.column;
        return [found];
      })
    : [];
  if (status >= 200 && status < 300 && problems.length === 0) {
    return {
      ok: true,
      applied: typeof body.applied === 'number' ? body.applied : 0,
      unchanged: typeof body.unchanged === 'number' ? body.unchanged : 0,
    };
  }
  return {
    ok: false,
    code:
      typeof body.code === 'string'
        ? body.code
        : status >= 500 || status === 0
          ? 'SERVICE_UNAVAILABLE'
          : 'BAD_REQUEST',
    message: typeof body.message === 'string' ? body.message : undefined,
    problems,
  };
}
