import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import {
  MANIFEST_CHECKSUM_FILE_NAME,
  MANIFEST_FILE_NAME,
  PACK_INFO_FILE_NAME,
  PACK_FORMAT,
  SIGNATURE_FILE_NAME,
  manifestCsv,
  manifestChecksumFile,
} from './manifest';
import { PackPathRegistry } from './pack-paths';
import { PROBLEMS_FILE_NAME, problemRows, problemsCsv } from './problems';
import { signatureRecord, type Signer } from './signature';
import { PackEntryError } from './errors';
import { ByteCounter, ExactSizeStream, Tripwire } from './streams';
import type { PackEntry, PackEntryMetadata } from './types';

export interface WritePackOptions {
  /**
   * Zip archive comment. yazl stores it in CP437 (the zip format has no UTF-8 flag for it), so
   * it is refused, before anything is written, when it has other characters (e.g. Chinese).
   */
  comment?: string;
  /**
   * The manifest rows, in the order of `entries`, when `entries` can only be iterated once (an
   * async generator reading the database): the manifest is written from this list, then
   * `entries` is streamed. Without it, `entries` is first collected (metadata and `open`
   * functions only, never content). The manifest is what the database says; a streamed entry
   * it does not list, or a row with no streamed entry, is not an error here: the verifier
   * reports it ('extra', 'missing'). problems.csv is written from the rows marked
   * `unavailable` here, and streamed entries so marked are skipped.
   */
  manifestEntries?: PackEntryMetadata[];
  /**
   * Signs the pack: manifest.sig.json holds a signature over manifest.sha256, which covers
   * manifest.csv (every file's SHA-256 and size), problems.csv and manifest.json (the pack's
   * metadata). Computed before any file streams: the manifest is what the database recorded.
   */
  signer?: Signer;
  /**
   * The pack's metadata (what was selected, by whom), written to manifest.json with the format,
   * the time and the counts. manifest.json is written when this or `signer` is given.
   */
  info?: Record<string, unknown>;
}

export interface WritePackResult {
  /** File entries written (the manifest files and problems.csv not counted). */
  files: number;
  /** Files the manifest lists that are not in the pack (rows of problems.csv). */
  unavailable: number;
  /** Size in bytes of the whole zip written to `output`. */
  bytes: number;
  /** Hex SHA-256 of manifest.csv, as recorded in manifest.sha256 (worth logging). */
  manifestSha256: string;
  /** The signing key's id and algorithm, when the pack is signed. */
  signature?: { kid: string; alg: string };
}

/**
 * Streams an evidence pack into `output`: `manifest.csv`, `manifest.sha256`, `problems.csv` when
 * some entries are marked `unavailable` (those are listed in the manifest, named with the
 * reason in problems.csv, and not opened: one missing or corrupt file does not cost the auditor
 * the whole pack), then every other entry, stored (not compressed: evidence files are PDF, images, OOXML — compressed already), with
 * UTF-8 names, mtime = uploadedAt, ZIP64 where needed. One entry at a time: the next entry is
 * opened only once the previous one's content has been consumed, and the zip is piped into
 * `output` with backpressure, so memory stays flat whatever the total size.
 *
 * Rejects when an entry cannot be opened or read, when its content is not exactly `size` bytes,
 * when a path is invalid or duplicated (case-insensitively), or when `output` fails. Problems
 * found before the first byte is written (the comment, the manifest's paths and metadata)
 * leave `output` untouched, so the caller can still answer with an error; after that, `output`
 * is destroyed with the error, so that a truncated download cannot pass for a complete pack.
 * Resolves once `output` has finished (the zip's end record written).
 */
export async function writePack(
  entries: AsyncIterable<PackEntry> | Iterable<PackEntry>,
  output: NodeJS.WritableStream,
  options: WritePackOptions = {},
): Promise<WritePackResult> {
  if (options.comment !== undefined) assertZipComment(options.comment);
  const { manifestRows, stream } = await planPack(entries, options.manifestEntries);
  const manifestPaths = new PackPathRegistry();
  for (const row of manifestRows) manifestPaths.add(row.path);
  const manifest = manifestCsv(manifestRows);
  const manifestSha256 = createHash('sha256').update(manifest).digest('hex');
  const problems = problemRows(manifestRows);
  const problemsFile = problems.length > 0 ? problemsCsv(problems) : null;
  const packedAt = new Date();
  const infoFile =
    options.info !== undefined || options.signer !== undefined
      ? packInfoFile(packedAt, manifestRows.length, problems.length, options.info)
      : null;
  const checksummed = [
    ...(problemsFile ? [{ name: PROBLEMS_FILE_NAME, data: problemsFile }] : []),
    ...(infoFile ? [{ name: PACK_INFO_FILE_NAME, data: infoFile }] : []),
  ].map(({ name, data }) => ({ name, sha256: createHash('sha256').update(data).digest('hex') }));
  const checksumFile = manifestChecksumFile(manifestSha256, checksummed);
  const signatureFile = options.signer
    ? Buffer.from(
        `${JSON.stringify(signatureRecord(options.signer, MANIFEST_CHECKSUM_FILE_NAME, checksumFile), null, 2)}\n`,
        'utf8',
      )
    : null;

  const zip = new ZipFile();
  const tripwire = new Tripwire();
  zip.on('error', (error: unknown) => tripwire.trip(error));
  const zipBytes = new ByteCounter();
  const delivered = pipeline(zip.outputStream, zipBytes, output);
  delivered.catch((error: unknown) => tripwire.trip(error));
  try {
    zip.addBuffer(manifest, MANIFEST_FILE_NAME, { compress: false, mtime: packedAt });
    zip.addBuffer(checksumFile, MANIFEST_CHECKSUM_FILE_NAME, { compress: false, mtime: packedAt });
    if (infoFile) {
      zip.addBuffer(infoFile, PACK_INFO_FILE_NAME, { compress: false, mtime: packedAt });
    }
    if (signatureFile) {
      zip.addBuffer(signatureFile, SIGNATURE_FILE_NAME, { compress: false, mtime: packedAt });
    }
    if (problemsFile) {
      zip.addBuffer(problemsFile, PROBLEMS_FILE_NAME, { compress: false, mtime: packedAt });
    }
    const streamedPaths = new PackPathRegistry();
    let files = 0;
    for await (const entry of stream) {
      streamedPaths.add(entry.path);
      if (entry.unavailable !== undefined) continue;
      await addEntry(zip, entry, tripwire);
      files += 1;
    }
    zip.end(endOptions(options.comment));
    await tripwire.guard(delivered);
    const signature = options.signer
      ? { kid: options.signer.kid, alg: options.signer.alg }
      : undefined;
    return {
      files,
      unavailable: problems.length,
      bytes: zipBytes.bytes,
      manifestSha256,
      signature,
    };
  } catch (error) {
    abort(zip, output, error);
    throw error;
  }
}

/** manifest.json: the format, when, how many files, and the caller's metadata. */
function packInfoFile(
  packedAt: Date,
  listed: number,
  unavailable: number,
  info: Record<string, unknown> = {},
): Buffer {
  // The caller's metadata cannot replace the format, the time or the counts.
  const document = {
    ...info,
    format: PACK_FORMAT,
    createdAt: packedAt.toISOString(),
    files: { listed, included: listed - unavailable, unavailable },
  };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}

async function planPack(
  entries: AsyncIterable<PackEntry> | Iterable<PackEntry>,
  manifestEntries: PackEntryMetadata[] | undefined,
): Promise<{ manifestRows: PackEntryMetadata[]; stream: typeof entries }> {
  if (manifestEntries !== undefined) return { manifestRows: manifestEntries, stream: entries };
  const collected: PackEntry[] = [];
  for await (const entry of entries) collected.push(entry);
  return { manifestRows: collected, stream: collected };
}

/**
 * Adds one entry and waits until yazl has consumed all of its content (so the caller opens the
 * next entry only then). yazl pipes the stream through its CRC and size counters into its
 * output with ordinary `pipe()` backpressure; the size check sits in front of it.
 */
async function addEntry(zip: ZipFile, entry: PackEntry, tripwire: Tripwire): Promise<void> {
  const opening = openEntry(entry);
  let source: NodeJS.ReadableStream | Readable;
  try {
    source = await tripwire.guard(opening);
  } catch (error) {
    // Failed elsewhere while opening: release the stream should it arrive after all.
    void opening.then(
      (late) => destroyStream(late),
      () => undefined,
    );
    throw asEntryError(entry.path, 'cannot open the stored content', error);
  }
  const sized = new ExactSizeStream(entry.path, entry.size);
  try {
    zip.addReadStream(sized, entry.path, {
      compress: false,
      mtime: entry.uploadedAt,
      size: entry.size,
    });
    // Done when the source has been read to the end and yazl has read all of `sized`.
    await tripwire.guard(Promise.all([pipeline(source, sized), finished(sized)]));
  } catch (error) {
    sized.destroy();
    destroyStream(source);
    throw asEntryError(entry.path, 'cannot read the stored content', error);
  }
}

/** `entry.open()`, with a synchronous throw turned into a rejection. */
async function openEntry(entry: PackEntry): Promise<NodeJS.ReadableStream | Readable> {
  return entry.open();
}

function asEntryError(path: string, what: string, error: unknown): Error {
  if (error instanceof PackEntryError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new PackEntryError(path, `${what}: ${reason}`, { cause: error });
}

function endOptions(comment: string | undefined): { comment: string; forceZip64Format: boolean } {
  return { comment: comment ?? '', forceZip64Format: false };
}

/**
 * yazl encodes the comment in CP437 and checks it when the zip is ended; ending a throwaway
 * ZipFile runs the very same check now, before anything is written.
 */
function assertZipComment(comment: string): void {
  try {
    new ZipFile().end(endOptions(comment));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid evidence pack comment: ${reason}`, { cause: error });
  }
}

/** Stops everything: the zip stream, and `output` with the error (an HTTP response is cut). */
function abort(zip: ZipFile, output: NodeJS.WritableStream, error: unknown): void {
  const reason = error instanceof Error ? error : new Error(String(error));
  destroyStream(zip.outputStream, reason);
  destroyStream(output, reason);
}

function destroyStream(stream: object, error?: Error): void {
  const destroy: unknown = (stream as { destroy?: unknown }).destroy;
  if (typeof destroy === 'function') destroy.call(stream, error);
}
