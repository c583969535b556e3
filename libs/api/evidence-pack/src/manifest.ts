import { CsvSyntaxError, formatCsvRecord, parseCsv } from './csv';
import type { PackEntryMetadata } from './types';
import {
  formatLocalTime,
  neutraliseFormula,
  parseLocalTime,
  restoreFormula,
} from '@duty/shared/spreadsheet-text';

/**
 * The manifest's header, in order: Chinese, for the office that opens it in Excel or WPS
 * (issue 17). Packs written before then carry LEGACY_MANIFEST_COLUMNS; both are read.
 */
export const MANIFEST_COLUMNS = Object.freeze([
  '文件路径',
  'SHA-256',
  '大小（字节）',
  '上传时间（北京时间）',
  '上传人',
  '单位代码',
  '条',
  '款',
  '任务状态',
  '文号',
] as const);

/** The English header of packs written before issue 17 (uploaded_at in ISO 8601 UTC). */
export const LEGACY_MANIFEST_COLUMNS = Object.freeze([
  'path',
  'sha256',
  'size',
  'uploaded_at',
  'uploader',
  'unit_code',
  'article',
  'paragraph',
  'task_status',
  'document_number',
] as const);

export const MANIFEST_FILE_NAME = 'manifest.csv';
export const MANIFEST_CHECKSUM_FILE_NAME = 'manifest.sha256';
/** The pack's metadata (JSON), covered by manifest.sha256. */
export const PACK_INFO_FILE_NAME = 'manifest.json';
/** The signature over manifest.sha256 (JSON: alg, kid, signature). */
export const SIGNATURE_FILE_NAME = 'manifest.sig.json';
export const PACK_FORMAT = 'duty-evidence-pack/1';

export const UTF8_BOM = '\uFEFF';
const SHA256_HEX = /^[0-9a-f]{64}$/i;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// Spreadsheet formula injection: one rule for every export (see @duty/shared/spreadsheet-text).
export { neutraliseFormula, restoreFormula };

/**
 * The manifest: UTF-8 with a BOM (so Excel/WPS detect the encoding), the header, one CRLF
 * record per entry. The upload time is Beijing time `YYYY-MM-DD HH:mm:ss` (to the second);
 * numeric columns are plain decimals; the text
 * columns (path, uploader, unit_code, task_status, document_number) are protected against
 * formula injection; null is an empty field. Throws (naming the path) on metadata that cannot
 * be written faithfully: a malformed hash, a negative or fractional number, an invalid date.
 */
export function manifestCsv(entries: Iterable<PackEntryMetadata>): Buffer {
  const lines = [formatCsvRecord(MANIFEST_COLUMNS)];
  for (const entry of entries) lines.push(formatCsvRecord(manifestFields(entry)));
  return Buffer.from(UTF8_BOM + lines.join(''), 'utf8');
}

function manifestFields(entry: PackEntryMetadata): string[] {
  const fail = (what: string): never => {
    throw new Error(`Cannot write manifest row for "${entry.path}": ${what}`);
  };
  if (!SHA256_HEX.test(entry.sha256)) fail(`sha256 is not 64 hex digits: ${entry.sha256}`);
  if (!isCount(entry.size)) fail(`size is not a non-negative integer: ${entry.size}`);
  if (!isCount(entry.article)) fail(`article is not a non-negative integer: ${entry.article}`);
  if (entry.paragraph !== null && !isCount(entry.paragraph)) {
    fail(`paragraph is not a non-negative integer: ${entry.paragraph}`);
  }
  const time = entry.uploadedAt instanceof Date ? entry.uploadedAt.getTime() : Number.NaN;
  if (!Number.isFinite(time)) fail('uploadedAt is not a valid date');
  return [
    neutraliseFormula(entry.path),
    entry.sha256.toLowerCase(),
    String(entry.size),
    formatLocalTime(entry.uploadedAt),
    neutraliseFormula(entry.uploader),
    neutraliseFormula(entry.unitCode),
    String(entry.article),
    entry.paragraph === null ? '' : String(entry.paragraph),
    neutraliseFormula(entry.taskStatus),
    entry.documentNumber === null ? '' : neutraliseFormula(entry.documentNumber),
  ];
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/**
 * `manifest.sha256`: the manifest's hash in `sha256sum` format, so that after unzipping,
 * `sha256sum -c manifest.sha256` checks manifest.csv — and problems.csv, when the pack has one
 * (its hash is the second line).
 */
export function manifestChecksumFile(
  manifestSha256: string,
  others: ReadonlyArray<{ name: string; sha256: string }> = [],
): Buffer {
  const lines = [{ name: MANIFEST_FILE_NAME, sha256: manifestSha256 }, ...others];
  return Buffer.from(lines.map((l) => `${l.sha256}  ${l.name}\n`).join(''), 'utf8');
}

/**
 * The hash that a `manifest.sha256` file records for `name` (manifest.csv unless said), or null
 * when it holds no such line. Accepts `sha256sum` text and binary mode (`*manifest.csv`) and CRLF line ends.
 */
export function parseManifestChecksumFile(data: Buffer, name = MANIFEST_FILE_NAME): string | null {
  for (const line of data.toString('utf8').split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trimEnd());
    if (match?.[2] === name) return match[1].toLowerCase();
  }
  return null;
}

/** The manifest cannot be read: not UTF-8, not CSV, wrong header, or a malformed row. */
export class ManifestFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestFormatError';
  }
}

/**
 * Reads what `manifestCsv` writes (the inverse, except that an empty document number reads back
 * as null and the upload time has whole seconds), and the English manifests of older packs.
 * Accepts the text with or without the BOM, CRLF or LF line ends.
 */
export function parseManifestCsv(data: Buffer | string): PackEntryMetadata[] {
  const rows = readCsvTable(data, MANIFEST_COLUMNS, LEGACY_MANIFEST_COLUMNS);
  // Record 1 is the header, so data row i is record i + 2.
  return rows.map((fields, index) => parseManifestRow(fields, index + 2));
}

/**
 * The data rows of a CSV file of a pack (manifest.csv, problems.csv): strict UTF-8, with or
 * without the BOM, whose header is exactly `columns` or one of the `older` headers (same
 * columns, earlier names). Throws a ManifestFormatError otherwise.
 */
export function readCsvTable(
  data: Buffer | string,
  columns: readonly string[],
  ...older: ReadonlyArray<readonly string[]>
): string[][] {
  const text = typeof data === 'string' ? data : decodeUtf8(data);
  let records: string[][];
  try {
    records = parseCsv(text.startsWith(UTF8_BOM) ? text.slice(1) : text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ManifestFormatError(error.message);
    throw error;
  }
  const [header, ...rows] = records;
  const headerMatches = [columns, ...older].some(
    (names) =>
      header !== undefined &&
      header.length === names.length &&
      header.every((field, index) => field === names[index]),
  );
  if (!headerMatches) {
    throw new ManifestFormatError(
      `unexpected header: ${header?.join(',') ?? '(empty file)'}; expected ${columns.join(',')}`,
    );
  }
  return rows;
}

function decodeUtf8(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw new ManifestFormatError('not valid UTF-8');
  }
}

function parseManifestRow(fields: string[], record: number): PackEntryMetadata {
  const fail = (what: string): never => {
    throw new ManifestFormatError(`CSV record ${record}: ${what}`);
  };
  if (fields.length !== MANIFEST_COLUMNS.length) {
    fail(`${fields.length} fields, expected ${MANIFEST_COLUMNS.length}`);
  }
  const [path, sha256, size, uploadedAt, uploader, unitCode, article, paragraph, status, docNo] =
    fields;
  const count = (column: string, value: string): number => {
    const parsed = DECIMAL.test(value) ? Number(value) : Number.NaN;
    return Number.isSafeInteger(parsed) ? parsed : fail(`${column} is not a count: ${value}`);
  };
  const time = ISO_UTC.test(uploadedAt)
    ? Date.parse(uploadedAt)
    : (parseLocalTime(uploadedAt)?.getTime() ?? Number.NaN);
  if (!SHA256_HEX.test(sha256)) fail(`sha256 is not 64 hex digits: ${sha256}`);
  if (Number.isNaN(time)) {
    fail(`upload time is neither YYYY-MM-DD HH:mm:ss nor ISO 8601 UTC: ${uploadedAt}`);
  }
  return {
    path: restoreFormula(path),
    sha256: sha256.toLowerCase(),
    size: count('size', size),
    uploadedAt: new Date(time),
    uploader: restoreFormula(uploader),
    unitCode: restoreFormula(unitCode),
    article: count('article', article),
    paragraph: paragraph === '' ? null : count('paragraph', paragraph),
    taskStatus: restoreFormula(status),
    documentNumber: docNo === '' ? null : restoreFormula(docNo),
  };
}
