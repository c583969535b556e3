import { createHash } from 'node:crypto';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import {
  MANIFEST_CHECKSUM_FILE_NAME,
  MANIFEST_FILE_NAME,
  ManifestFormatError,
  parseManifestChecksumFile,
  parseManifestCsv,
} from './manifest';
import type { PackEntryMetadata } from './types';

export interface VerifyProblem {
  /** The entry's path in the pack (for 'manifest' problems: the manifest file concerned). */
  path: string;
  /**
   * - `missing`: a manifest row has no entry in the zip;
   * - `mismatch`: the entry's SHA-256 differs from the manifest (or its data cannot be read);
   * - `size`: the entry's byte count differs from the manifest or from the zip's own records;
   * - `extra`: a zip entry the manifest does not list (or a second entry with the same name);
   * - `manifest`: manifest.csv or manifest.sha256 is missing, unreadable, or they disagree.
   */
  kind: 'missing' | 'mismatch' | 'size' | 'extra' | 'manifest';
  detail: string;
}

export interface VerifyReport {
  /** True when there is no problem at all. */
  ok: boolean;
  /** Manifest-listed file entries whose content was read and hashed to the end. */
  checked: number;
  problems: VerifyProblem[];
  /** SHA-256 of manifest.csv as found in the zip (compare with the hash logged at export), or null when absent. */
  manifestSha256: string | null;
}

/** Manifests are read into memory (metadata only; 64 MiB is some 300 000 rows). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_CHECKSUM_FILE_BYTES = 64 * 1024;

/**
 * Checks an evidence pack written by `writePack`: manifest.csv against manifest.sha256, then
 * every file entry (streamed through SHA-256, never buffered) against its manifest row.
 * Problems with the content are reported, not thrown; rejects only when the archive itself
 * cannot be read (not a zip, truncated, an unreadable central directory).
 */
export async function verifyPack(zipPath: string): Promise<VerifyReport> {
  const zip = await openPack(zipPath);
  try {
    const problems: VerifyProblem[] = [];
    const layout = classifyEntries(zip.entries, problems);
    const manifest = await readManifest(zip.file, layout, problems);
    let checked = 0;
    if (manifest.rows !== null) {
      checked = await checkFiles(zip.file, layout.files, manifest.rows, problems);
    }
    return { ok: problems.length === 0, checked, problems, manifestSha256: manifest.sha256 };
  } finally {
    zip.file.close();
  }
}

interface OpenedPack {
  file: ZipFile;
  /** Every central directory record, in order. */
  entries: Entry[];
}

async function openPack(zipPath: string): Promise<OpenedPack> {
  try {
    return await listEntries(zipPath, true);
  } catch (error) {
    if (!isStoredSizeMismatch(error)) throw unreadable(zipPath, error);
  }
  // With validateEntrySizes, yauzl refuses the whole central directory when one stored entry
  // records two different sizes, without naming it. List it again without that check so the
  // entry can be named: `entryReadProblem` makes the same check per entry.
  try {
    return await listEntries(zipPath, false);
  } catch (error) {
    throw unreadable(zipPath, error);
  }
}

async function listEntries(zipPath: string, validateEntrySizes: boolean): Promise<OpenedPack> {
  const file = await openPromise(zipPath, {
    lazyEntries: true,
    validateEntrySizes,
    decodeStrings: true,
    autoClose: false,
  });
  try {
    const entries: Entry[] = [];
    for await (const entry of file.eachEntry()) entries.push(entry);
    return { file, entries };
  } catch (error) {
    file.close();
    throw error;
  }
}

function isStoredSizeMismatch(error: unknown): boolean {
  return error instanceof Error && error.message.includes('size mismatch for stored file');
}

function unreadable(zipPath: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Cannot read evidence pack "${zipPath}": ${reason}`, { cause: error });
}

interface PackLayout {
  manifest: Entry | undefined;
  checksum: Entry | undefined;
  /** File entries other than the manifest files, first occurrence of each name, in zip order. */
  files: Entry[];
}

function classifyEntries(entries: Entry[], problems: VerifyProblem[]): PackLayout {
  const layout: PackLayout = { manifest: undefined, checksum: undefined, files: [] };
  const seen = new Set<string>();
  for (const entry of entries) {
    const path = entry.fileName;
    if (path.endsWith('/')) continue; // a directory
    if (seen.has(path)) {
      const kind = isManifestFile(path) ? 'manifest' : 'extra';
      problems.push({ path, kind, detail: 'a second zip entry with this name' });
      continue;
    }
    seen.add(path);
    if (path === MANIFEST_FILE_NAME) layout.manifest = entry;
    else if (path === MANIFEST_CHECKSUM_FILE_NAME) layout.checksum = entry;
    else layout.files.push(entry);
  }
  return layout;
}

function isManifestFile(path: string): boolean {
  return path === MANIFEST_FILE_NAME || path === MANIFEST_CHECKSUM_FILE_NAME;
}

interface ManifestReading {
  /** The manifest's rows, or null when manifest.csv is missing or unreadable. */
  rows: PackEntryMetadata[] | null;
  sha256: string | null;
}

async function readManifest(
  zip: ZipFile,
  layout: PackLayout,
  problems: VerifyProblem[],
): Promise<ManifestReading> {
  const report = (path: string, detail: string): void => {
    problems.push({ path, kind: 'manifest', detail });
  };
  const manifest = await readSmallEntry(zip, layout.manifest, MAX_MANIFEST_BYTES);
  const checksum = await readSmallEntry(zip, layout.checksum, MAX_CHECKSUM_FILE_BYTES);
  if (typeof manifest === 'string') report(MANIFEST_FILE_NAME, manifest);
  if (typeof checksum === 'string') report(MANIFEST_CHECKSUM_FILE_NAME, checksum);
  if (typeof manifest === 'string') return { rows: null, sha256: null };

  const sha256 = createHash('sha256').update(manifest).digest('hex');
  if (typeof checksum !== 'string') {
    const recorded = parseManifestChecksumFile(checksum);
    if (recorded === null) {
      report(MANIFEST_CHECKSUM_FILE_NAME, `no "<sha256>  ${MANIFEST_FILE_NAME}" line`);
    } else if (recorded !== sha256) {
      report(MANIFEST_FILE_NAME, `SHA-256 is ${sha256}, manifest.sha256 records ${recorded}`);
    }
  }
  try {
    return { rows: uniqueRows(parseManifestCsv(manifest), problems), sha256 };
  } catch (error) {
    if (!(error instanceof ManifestFormatError)) throw error;
    report(MANIFEST_FILE_NAME, `cannot be parsed: ${error.message}`);
    return { rows: null, sha256 };
  }
}

/** Keeps the first row of each path, reporting the others. */
function uniqueRows(rows: PackEntryMetadata[], problems: VerifyProblem[]): PackEntryMetadata[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (!seen.has(row.path)) {
      seen.add(row.path);
      return true;
    }
    problems.push({
      path: row.path,
      kind: 'manifest',
      detail: 'listed more than once in manifest.csv',
    });
    return false;
  });
}

/** The content of a small entry, or why it cannot be had. */
async function readSmallEntry(
  zip: ZipFile,
  entry: Entry | undefined,
  limit: number,
): Promise<Buffer | string> {
  if (entry === undefined) return 'missing from the pack';
  const problem = entryReadProblem(entry);
  if (problem !== null) return problem;
  if (entry.uncompressedSize > limit) return `larger than ${limit} bytes`;
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      size += (chunk as Buffer).length;
      if (size > limit) return `larger than ${limit} bytes`;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    return `cannot be read: ${errorMessage(error)}`;
  }
}

/**
 * The central directory's own consistency check for stored entries (yauzl's, see `openPack`):
 * stored data is as long as the file it holds.
 */
function entryReadProblem(entry: Entry): string | null {
  if (entry.compressionMethod === 0 && !entry.isEncrypted()) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      return `stored entry records ${entry.uncompressedSize} bytes but holds ${entry.compressedSize}`;
    }
  }
  return null;
}

/** Compares every file entry with the manifest; returns how many were hashed. */
async function checkFiles(
  zip: ZipFile,
  files: Entry[],
  rows: PackEntryMetadata[],
  problems: VerifyProblem[],
): Promise<number> {
  const rowsByPath = new Map(rows.map((row) => [row.path, row]));
  const found = new Set<string>();
  let checked = 0;
  for (const entry of files) {
    const path = entry.fileName;
    const row = rowsByPath.get(path);
    if (row === undefined) {
      problems.push({
        path,
        kind: 'extra',
        detail: `not in manifest.csv (${entry.uncompressedSize} bytes)`,
      });
      continue;
    }
    found.add(path);
    const check = await checkFile(zip, entry, row);
    if (check.hashed) checked += 1;
    if (check.problem !== null) problems.push(check.problem);
  }
  for (const row of rows) {
    if (!found.has(row.path)) {
      problems.push({
        path: row.path,
        kind: 'missing',
        detail: 'listed in manifest.csv, not in the zip',
      });
    }
  }
  return checked;
}

interface FileCheck {
  /** Whether the content was read to the end. */
  hashed: boolean;
  problem: VerifyProblem | null;
}

async function checkFile(zip: ZipFile, entry: Entry, row: PackEntryMetadata): Promise<FileCheck> {
  const path = entry.fileName;
  const structural = entryReadProblem(entry);
  if (structural !== null)
    return { hashed: false, problem: { path, kind: 'size', detail: structural } };
  let actual: { sha256: string; size: number };
  try {
    actual = await hashEntry(zip, entry);
  } catch (error) {
    const message = errorMessage(error);
    // yauzl's own byte count checks (validateEntrySizes) on compressed entries.
    const kind = /too many bytes|not enough bytes/.test(message) ? 'size' : 'mismatch';
    return { hashed: false, problem: { path, kind, detail: `cannot be read: ${message}` } };
  }
  if (actual.size !== row.size || actual.size !== entry.uncompressedSize) {
    const detail =
      `expected ${row.size} bytes (manifest), the zip records ${entry.uncompressedSize}, ` +
      `read ${actual.size}; sha256 expected ${row.sha256}, actual ${actual.sha256}`;
    return { hashed: true, problem: { path, kind: 'size', detail } };
  }
  if (actual.sha256 !== row.sha256) {
    const detail = `sha256 expected ${row.sha256}, actual ${actual.sha256}`;
    return { hashed: true, problem: { path, kind: 'mismatch', detail } };
  }
  return { hashed: true, problem: null };
}

async function hashEntry(zip: ZipFile, entry: Entry): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await zip.openReadStreamPromise(entry)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
