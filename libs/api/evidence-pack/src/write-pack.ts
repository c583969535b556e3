import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import {
  MANIFEST_CHECKSUM_FILE_NAME,
  MANIFEST_FILE_NAME,
  manifestCsv,
  manifestChecksumFile,
} from './manifest';
import { PackPathRegistry } from './pack-paths';
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
   * reports it ('extra', 'missing').
   */
  manifestEntries?: PackEntryMetadata[];
}

export interface WritePackResult {
  /** File entries written (the two manifest files not counted). */
  files: number;
  /** Size in bytes of the whole zip written to `output`. */
  bytes: number;
  /** Hex SHA-256 of manifest.csv, as recorded in manifest.sha256 (worth logging). */
  manifestSha256: string;
}

/**
 * Streams an evidence pack into `output`: `manifest.csv`, `manifest.sha256`, then every entry,
 * stored (not compressed: evidence files are PDF, images, OOXML — compressed already), with
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

  const zip = new ZipFile();
  const tripwire = new Tripwire();
  zip.on('error', (error: unknown) => tripwire.trip(error));
  const zipBytes = new ByteCounter();
  const delivered = pipeline(zip.outputStream, zipBytes, output);
  delivered.catch((error: unknown) => tripwire.trip(error));
  try {
    const packedAt = new Date();
    zip.addBuffer(manifest, MANIFEST_FILE_NAME, { compress: false, mtime: packedAt });
    const checksumFile = manifestChecksumFile(manifestSha256);
    zip.addBuffer(checksumFile, MANIFEST_CHECKSUM_FILE_NAME, { compress: false, mtime: packedAt });
    const streamedPaths = new PackPathRegistry();
    let files = 0;
    for await (const entry of stream) {
      streamedPaths.add(entry.path);
      await addEntry(zip, entry, tripwire);
      files += 1;
    }
    zip.end(endOptions(options.comment));
    await tripwire.guard(delivered);
    return { files, bytes: zipBytes.bytes, manifestSha256 };
  } catch (error) {
    abort(zip, output, error);
    throw error;
  }
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
