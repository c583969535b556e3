import { createHash } from 'node:crypto';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import {
  MANIFEST_CHECKSUM_FILE_NAME,
  MANIFEST_FILE_NAME,
  ManifestFormatError,
  PACK_INFO_FILE_NAME,
  SIGNATURE_FILE_NAME,
  parseManifestChecksumFile,
  parseManifestCsv,
} from './manifest';
import {
  checkSignature,
  parseSignatureRecord,
  SignatureFormatError,
  type PublicKeyRecord,
  type SignatureRecord,
} from './signature';
import { parseProblemsCsv, PROBLEMS_FILE_NAME, type PackProblemRow } from './problems';
import type { PackEntryMetadata } from './types';

export interface VerifyProblem {
  /** The entry's path in the pack (for 'manifest' problems: the manifest file concerned). */
  path: string;
  /**
   * - `missing`: a manifest row has no entry in the zip;
   * - `mismatch`: the entry's SHA-256 differs from the manifest (or its data cannot be read);
   * - `size`: the entry's byte count differs from the manifest or from the zip's own records;
   * - `extra`: a zip entry the manifest does not list (or a second entry with the same name);
   * - `manifest`: manifest.csv or manifest.sha256 is missing, unreadable, or they disagree;
   *   or problems.csv is unreadable, not covered by manifest.sha256, or lists a file that the
   *   manifest does not (or with another hash) or that the pack holds after all; or
   *   manifest.json is unreadable or not covered by manifest.sha256;
   * - `signature`: public keys were given and the pack's signature is missing, unreadable,
   *   made by a key not among them, or does not match manifest.sha256 (something was changed
   *   and the manifests rebuilt to match).
   */
  kind: 'missing' | 'mismatch' | 'size' | 'extra' | 'manifest' | 'signature';
  detail: string;
}

export interface VerifyReport {
  /**
   * True when there is no problem at all: every file the pack holds is intact, and every file
   * the manifest lists is either in the pack or named in problems.csv.
   */
  ok: boolean;
  /** Manifest-listed file entries whose content was read and hashed to the end. */
  checked: number;
  problems: VerifyProblem[];
  /**
   * Files the manifest lists that the pack says it does not hold (problems.csv: their stored
   * content was missing or corrupt when the pack was built). Reported, not a failure.
   */
  unavailable: PackProblemRow[];
  /** SHA-256 of manifest.csv as found in the zip (compare with the hash logged at export), or null when absent. */
  manifestSha256: string | null;
  /** The pack's metadata (manifest.json) when present, covered by manifest.sha256 and readable. */
  info: Record<string, unknown> | null;
  signature: SignatureReport;
}

/** What the verifier found about the pack's signature (manifest.sig.json). */
export interface SignatureReport {
  /**
   * - `valid`: signed over manifest.sha256 by one of the public keys given;
   * - `unchecked`: signed, but no public key was given (nothing is known about who signed);
   * - `missing`: the pack carries no signature;
   * - `malformed`: manifest.sig.json cannot be read, or signs something else;
   * - `unknown-key`, `algorithm-mismatch`, `invalid`: see SignatureCheck.
   * With public keys given, anything but `valid` is also a `signature` problem.
   */
  status:
    | 'valid'
    | 'unchecked'
    | 'missing'
    | 'malformed'
    | 'unknown-key'
    | 'algorithm-mismatch'
    | 'invalid';
  kid: string | null;
  alg: string | null;
  detail: string;
}

export interface VerifyOptions {
  /**
   * The signer's public keys (from the server's well-known document or PEM files, see
   * `parsePublicKeys`). Given, the signature must be present and valid for `ok`; not given,
   * the signature is reported as `unchecked` (or `missing`) and does not decide `ok`.
   */
  publicKeys?: readonly PublicKeyRecord[];
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
export async function verifyPack(
  zipPath: string,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const zip = await openPack(zipPath);
  try {
    const problems: VerifyProblem[] = [];
    const layout = classifyEntries(zip.entries, problems);
    const manifest = await readManifest(zip.file, layout, problems);
    const signature = await readSignature(zip.file, layout, manifest.checksumFile, options);
    if (options.publicKeys !== undefined && signature.status !== 'valid') {
      problems.push({ path: SIGNATURE_FILE_NAME, kind: 'signature', detail: signature.detail });
    }
    let checked = 0;
    let unavailable: PackProblemRow[] = [];
    if (manifest.rows !== null) {
      unavailable = listedUnavailable(manifest.unavailable, manifest.rows, layout.files, problems);
      const skipped = new Set(unavailable.map((row) => row.path));
      checked = await checkFiles(zip.file, layout.files, manifest.rows, skipped, problems);
    }
    return {
      ok: problems.length === 0,
      checked,
      problems,
      unavailable,
      manifestSha256: manifest.sha256,
      info: manifest.info,
      signature,
    };
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
  problems: Entry | undefined;
  info: Entry | undefined;
  signature: Entry | undefined;
  /** File entries other than the manifest files, first occurrence of each name, in zip order. */
  files: Entry[];
}

function classifyEntries(entries: Entry[], problems: VerifyProblem[]): PackLayout {
  const layout: PackLayout = {
    manifest: undefined,
    checksum: undefined,
    problems: undefined,
    info: undefined,
    signature: undefined,
    files: [],
  };
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
    else if (path === PROBLEMS_FILE_NAME) layout.problems = entry;
    else if (path === PACK_INFO_FILE_NAME) layout.info = entry;
    else if (path === SIGNATURE_FILE_NAME) layout.signature = entry;
    else layout.files.push(entry);
  }
  return layout;
}

function isManifestFile(path: string): boolean {
  return (
    path === MANIFEST_FILE_NAME ||
    path === MANIFEST_CHECKSUM_FILE_NAME ||
    path === PROBLEMS_FILE_NAME ||
    path === PACK_INFO_FILE_NAME ||
    path === SIGNATURE_FILE_NAME
  );
}

interface ManifestReading {
  /** The manifest's rows, or null when manifest.csv is missing or unreadable. */
  rows: PackEntryMetadata[] | null;
  sha256: string | null;
  /** The rows of problems.csv, when it is present, covered by manifest.sha256 and readable. */
  unavailable: PackProblemRow[];
  /** manifest.json, when it is present, covered by manifest.sha256 and readable. */
  info: Record<string, unknown> | null;
  /** The bytes of manifest.sha256 (what the signature is over), or null when unreadable. */
  checksumFile: Buffer | null;
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
  const unavailable = await readProblemsFile(zip, layout.problems, checksum, report);
  const info = await readInfoFile(zip, layout.info, checksum, report);
  const checksumFile = typeof checksum === 'string' ? null : checksum;
  const read = { unavailable, info, checksumFile };
  if (typeof manifest === 'string') return { rows: null, sha256: null, ...read };

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
    return { rows: uniqueRows(parseManifestCsv(manifest), problems), sha256, ...read };
  } catch (error) {
    if (!(error instanceof ManifestFormatError)) throw error;
    report(MANIFEST_FILE_NAME, `cannot be parsed: ${error.message}`);
    return { rows: null, sha256, ...read };
  }
}

/** A small file that manifest.sha256 must cover: its bytes, or null when reported. */
async function readCovered(
  zip: ZipFile,
  name: string,
  entry: Entry | undefined,
  checksum: Buffer | string,
  report: (path: string, detail: string) => void,
): Promise<Buffer | null> {
  const recorded = typeof checksum === 'string' ? null : parseManifestChecksumFile(checksum, name);
  if (entry === undefined) {
    if (recorded !== null) report(name, 'listed in manifest.sha256, missing from the pack');
    return null;
  }
  const data = await readSmallEntry(zip, entry, MAX_MANIFEST_BYTES);
  if (typeof data === 'string') {
    report(name, data);
    return null;
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (recorded === null) {
    report(name, `not listed in manifest.sha256 (SHA-256 ${sha256})`);
    return null;
  }
  if (recorded !== sha256) {
    report(name, `SHA-256 is ${sha256}, manifest.sha256 records ${recorded}`);
    return null;
  }
  return data;
}

/** manifest.json: covered by manifest.sha256 and a JSON object. */
async function readInfoFile(
  zip: ZipFile,
  entry: Entry | undefined,
  checksum: Buffer | string,
  report: (path: string, detail: string) => void,
): Promise<Record<string, unknown> | null> {
  const data = await readCovered(zip, PACK_INFO_FILE_NAME, entry, checksum, report);
  if (data === null) return null;
  try {
    const info: unknown = JSON.parse(data.toString('utf8'));
    if (typeof info === 'object' && info !== null && !Array.isArray(info)) {
      return info as Record<string, unknown>;
    }
    report(PACK_INFO_FILE_NAME, 'not a JSON object');
  } catch (error) {
    report(PACK_INFO_FILE_NAME, `cannot be parsed: ${errorMessage(error)}`);
  }
  return null;
}

/** manifest.sig.json, checked over manifest.sha256 against the public keys when given. */
async function readSignature(
  zip: ZipFile,
  layout: PackLayout,
  checksumFile: Buffer | null,
  options: VerifyOptions,
): Promise<SignatureReport> {
  const none = { kid: null, alg: null };
  if (layout.signature === undefined) {
    return { status: 'missing', ...none, detail: `the pack has no ${SIGNATURE_FILE_NAME}` };
  }
  const data = await readSmallEntry(zip, layout.signature, MAX_CHECKSUM_FILE_BYTES);
  if (typeof data === 'string') {
    return { status: 'malformed', ...none, detail: `${SIGNATURE_FILE_NAME} ${data}` };
  }
  let record: SignatureRecord;
  try {
    record = parseSignatureRecord(JSON.parse(data.toString('utf8')));
  } catch (error) {
    if (!(error instanceof SignatureFormatError) && !(error instanceof SyntaxError)) throw error;
    return { status: 'malformed', ...none, detail: `${SIGNATURE_FILE_NAME}: ${error.message}` };
  }
  const signer = { kid: record.kid, alg: record.alg };
  if (record.signed !== MANIFEST_CHECKSUM_FILE_NAME) {
    const detail = `${SIGNATURE_FILE_NAME} signs "${record.signed}", not ${MANIFEST_CHECKSUM_FILE_NAME}`;
    return { status: 'malformed', ...signer, detail };
  }
  if (options.publicKeys === undefined) {
    const detail = `signed by key ${record.kid} (${record.alg}); not checked: no public key given`;
    return { status: 'unchecked', ...signer, detail };
  }
  if (checksumFile === null) {
    const detail = `${MANIFEST_CHECKSUM_FILE_NAME} cannot be read, so the signature cannot be checked`;
    return { status: 'invalid', ...signer, detail };
  }
  const check = checkSignature(record, checksumFile, options.publicKeys);
  return { status: check.status, ...signer, detail: check.detail };
}

/**
 * problems.csv, when the pack has one or manifest.sha256 says it should: it must be covered by
 * manifest.sha256 (so it cannot be added, dropped or edited unnoticed) and readable.
 */
async function readProblemsFile(
  zip: ZipFile,
  entry: Entry | undefined,
  checksum: Buffer | string,
  report: (path: string, detail: string) => void,
): Promise<PackProblemRow[]> {
  const recorded =
    typeof checksum === 'string' ? null : parseManifestChecksumFile(checksum, PROBLEMS_FILE_NAME);
  if (entry === undefined) {
    if (recorded !== null)
      report(PROBLEMS_FILE_NAME, 'listed in manifest.sha256, missing from the pack');
    return [];
  }
  const data = await readSmallEntry(zip, entry, MAX_MANIFEST_BYTES);
  if (typeof data === 'string') {
    report(PROBLEMS_FILE_NAME, data);
    return [];
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (recorded === null) {
    report(PROBLEMS_FILE_NAME, `not listed in manifest.sha256 (SHA-256 ${sha256})`);
    return [];
  }
  if (recorded !== sha256) {
    report(PROBLEMS_FILE_NAME, `SHA-256 is ${sha256}, manifest.sha256 records ${recorded}`);
    return [];
  }
  try {
    return parseProblemsCsv(data);
  } catch (error) {
    if (!(error instanceof ManifestFormatError)) throw error;
    report(PROBLEMS_FILE_NAME, `cannot be parsed: ${error.message}`);
    return [];
  }
}

/**
 * The rows of problems.csv that agree with the manifest and the zip; the others are reported.
 * A listed file must be a manifest row with the same hash and size, and absent from the zip.
 */
function listedUnavailable(
  listed: PackProblemRow[],
  rows: PackEntryMetadata[],
  files: Entry[],
  problems: VerifyProblem[],
): PackProblemRow[] {
  const rowsByPath = new Map(rows.map((row) => [row.path, row]));
  const inZip = new Set(files.map((entry) => entry.fileName));
  const seen = new Set<string>();
  return listed.filter((item) => {
    const row = rowsByPath.get(item.path);
    let detail: string | null = null;
    if (seen.has(item.path)) detail = 'listed more than once in problems.csv';
    else if (row === undefined) detail = 'listed in problems.csv, not in manifest.csv';
    else if (row.sha256 !== item.sha256 || row.size !== item.size) {
      detail = `problems.csv records ${item.sha256} (${item.size} bytes), manifest.csv ${row.sha256} (${row.size} bytes)`;
    } else if (inZip.has(item.path)) detail = 'listed in problems.csv, yet in the pack';
    seen.add(item.path);
    if (detail === null) return true;
    problems.push({ path: item.path, kind: 'manifest', detail });
    return false;
  });
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
  /** Paths problems.csv names: not expected in the zip. */
  unavailable: Set<string>,
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
    if (!found.has(row.path) && !unavailable.has(row.path)) {
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
