import { formatCsvRecord } from './csv';
import {
  ManifestFormatError,
  neutraliseFormula,
  readCsvTable,
  restoreFormula,
  UTF8_BOM,
} from './manifest';
import type { PackEntryMetadata, PackEntryProblemKind } from './types';

/**
 * `problems.csv`: the files the manifest lists that the pack does not hold, because their
 * stored content was missing or corrupt when the pack was built. Written only when there are
 * such files, and covered by manifest.sha256 like manifest.csv.
 */
export const PROBLEMS_FILE_NAME = 'problems.csv';

/** problems.csv's header (Chinese since issue 17; LEGACY_PROBLEMS_COLUMNS is still read). */
export const PROBLEMS_COLUMNS = Object.freeze([
  '文件路径',
  'SHA-256',
  '大小（字节）',
  '问题',
  '说明',
] as const);

export const LEGACY_PROBLEMS_COLUMNS = Object.freeze([
  'path',
  'sha256',
  'size',
  'problem',
  'detail',
] as const);

const KINDS: readonly PackEntryProblemKind[] = ['missing', 'corrupt'];

/** How problems.csv names each kind (older packs wrote the codes, which are still read). */
export const PROBLEM_KIND_LABELS: Readonly<Record<PackEntryProblemKind, string>> = Object.freeze({
  missing: '存储文件缺失',
  corrupt: '存储文件损坏',
});

function kindOf(text: string): PackEntryProblemKind | undefined {
  if ((KINDS as readonly string[]).includes(text)) return text as PackEntryProblemKind;
  return KINDS.find((kind) => PROBLEM_KIND_LABELS[kind] === text);
}

/** One file listed in problems.csv. */
export interface PackProblemRow {
  path: string;
  sha256: string;
  size: number;
  problem: PackEntryProblemKind;
  detail: string;
}

/** The rows of problems.csv for the manifest rows that are marked unavailable. */
export function problemRows(rows: Iterable<PackEntryMetadata>): PackProblemRow[] {
  const out: PackProblemRow[] = [];
  for (const row of rows) {
    if (row.unavailable === undefined) continue;
    out.push({
      path: row.path,
      sha256: row.sha256.toLowerCase(),
      size: row.size,
      problem: row.unavailable.kind,
      detail: row.unavailable.detail,
    });
  }
  return out;
}

/** Written like manifest.csv: UTF-8 with a BOM, CRLF records, formulas neutralised. */
export function problemsCsv(rows: Iterable<PackProblemRow>): Buffer {
  const lines = [formatCsvRecord(PROBLEMS_COLUMNS)];
  for (const row of rows) {
    lines.push(
      formatCsvRecord([
        neutraliseFormula(row.path),
        row.sha256,
        String(row.size),
        PROBLEM_KIND_LABELS[row.problem],
        neutraliseFormula(row.detail),
      ]),
    );
  }
  return Buffer.from(UTF8_BOM + lines.join(''), 'utf8');
}

/** Reads what `problemsCsv` writes; throws a ManifestFormatError on anything else. */
export function parseProblemsCsv(data: Buffer): PackProblemRow[] {
  const rows = readCsvTable(data, PROBLEMS_COLUMNS, LEGACY_PROBLEMS_COLUMNS);
  return rows.map((fields, index) => {
    const fail = (what: string): never => {
      throw new ManifestFormatError(`CSV record ${index + 2}: ${what}`);
    };
    if (fields.length !== PROBLEMS_COLUMNS.length) {
      fail(`${fields.length} fields, expected ${PROBLEMS_COLUMNS.length}`);
    }
    const [path, sha256, size, problem, detail] = fields;
    if (!/^[0-9a-f]{64}$/.test(sha256)) fail(`sha256 is not 64 hex digits: ${sha256}`);
    if (!/^(?:0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
      fail(`size is not a count: ${size}`);
    }
    const kind = kindOf(problem);
    if (kind === undefined) {
      fail(`problem is not one of ${Object.values(PROBLEM_KIND_LABELS).join(', ')}: ${problem}`);
    }
    return {
      path: restoreFormula(path),
      sha256,
      size: Number(size),
      problem: kind as PackEntryProblemKind,
      detail: restoreFormula(detail),
    };
  });
}
