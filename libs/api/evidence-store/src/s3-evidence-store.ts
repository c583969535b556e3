import { createHash, randomUUID, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceStore, FileTooLargeError, StagedFile } from './evidence-store';
import { S3Client, type S3ClientOptions } from './s3/s3-client';

const SHA256 = /^[0-9a-f]{64}$/;
const STAGING_NAME = /^([0-9a-f-]{36})\.part$/;
const MIB = 1024 * 1024;
/** S3's smallest part (except the last one of an upload). */
export const S3_MIN_PART_SIZE = 5 * MIB;
/** S3's largest single copy; also its largest single PUT. */
const S3_MAX_SINGLE_COPY = 5 * 1024 * MIB;

export interface S3EvidenceStoreOptions extends S3ClientOptions {
  /** Prefix of every key (e.g. `duty/` to share a bucket); empty by default. */
  prefix?: string;
  /**
   * Local scratch directory for the staging copy that type detection reads
   * (`StagedFile.tempPath`); never the durable copy.
   */
  stagingDir: string;
  /** Bytes per uploaded part; at least 5 MiB (S3's minimum). Default 8 MiB. */
  partSize?: number;
  /** Parts of one upload in flight at once. Default 2. */
  partConcurrency?: number;
  /**
   * Above this size a commit copies in parts (UploadPartCopy) instead of one CopyObject:
   * some S3-compatible services copy at most 1 GB at once. Default 512 MiB.
   */
  copyPartSize?: number;
  /** Creates the bucket at init when it does not exist (MinIO in docker-compose). */
  createBucket?: boolean;
}

/** The store could not be used as configured (bucket missing, access denied, unreachable). */
export class EvidenceStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EvidenceStoreUnavailableError';
  }
}

/**
 * Content-addressed evidence in an S3-compatible bucket (MinIO, or the OSS/OBS/COS service of
 * a government cloud), spoken to through S3's REST API with SigV4:
 *   <prefix>objects/<sha256>    stored content (never changed)
 *   <prefix>staging/<uuid>      an upload received but not yet committed
 * Staging streams the upload into a multipart upload of `staging/<uuid>` while hashing it (and
 * keeps a local copy for type detection); the object appears only when the upload completes,
 * and any failure aborts the multipart upload, so a failed upload leaves no object and no parts.
 * A commit is a server-side copy to the content address (atomic: the object is there whole or
 * not at all; identical content is stored once) — no bytes pass through this server again.
 * Reads are verified by the callers (openVerified), as with the local store.
 */
export class S3EvidenceStore implements EvidenceStore {
  readonly client: S3Client;
  private readonly prefix: string;
  private readonly partSize: number;
  private readonly partConcurrency: number;
  private readonly copyPartSize: number;

  constructor(readonly options: S3EvidenceStoreOptions) {
    this.client = new S3Client(options);
    this.prefix = options.prefix ?? '';
    this.partSize = options.partSize ?? 8 * MIB;
    if (this.partSize < S3_MIN_PART_SIZE) {
      throw new Error(`S3 part size must be at least ${S3_MIN_PART_SIZE} bytes (5 MiB)`);
    }
    this.partConcurrency = Math.max(1, options.partConcurrency ?? 2);
    this.copyPartSize = Math.min(
      Math.max(options.copyPartSize ?? 512 * MIB, S3_MIN_PART_SIZE),
      S3_MAX_SINGLE_COPY,
    );
  }

  /**
   * Checks that the bucket is there and these credentials may use it (creating it when asked),
   * and creates the local staging directory. Fails with a message naming what to fix.
   */
  async init(): Promise<void> {
    await mkdir(this.options.stagingDir, { recursive: true });
    const where = `bucket "${this.options.bucket}" at ${this.options.endpoint}`;
    let status: number;
    try {
      status = await this.client.headBucket();
    } catch (error) {
      throw new EvidenceStoreUnavailableError(
        `S3 evidence store: cannot reach ${where}: ${(error as Error).message} (check S3_ENDPOINT)`,
        { cause: error },
      );
    }
    if (status === 404 && this.options.createBucket) {
      await this.client.createBucket().catch((error: Error) => {
        throw new EvidenceStoreUnavailableError(
          `S3 evidence store: cannot create ${where}: ${error.message}`,
          { cause: error },
        );
      });
      status = 200;
    }
    if (status === 404) {
      throw new EvidenceStoreUnavailableError(
        `S3 evidence store: ${where} does not exist (create it, or set S3_CREATE_BUCKET=true)`,
      );
    }
    if (status === 403) {
      throw new EvidenceStoreUnavailableError(
        `S3 evidence store: access to ${where} denied (check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION and the bucket policy)`,
      );
    }
    // Every operation the store uses on the bucket itself: listing.
    try {
      for await (const _ of this.client.listObjects(this.stagingKey(''))) break;
    } catch (error) {
      throw new EvidenceStoreUnavailableError(
        `S3 evidence store: cannot list ${where}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  /** Closes idle connections (the store is not used afterwards). */
  close(): void {
    this.client.close();
  }

  objectKey(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return `${this.prefix}objects/${sha256}`;
  }

  stagingKey(id: string): string {
    return `${this.prefix}staging/${id}`;
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    await mkdir(this.options.stagingDir, { recursive: true });
    const id = randomUUID();
    const tempPath = path.join(this.options.stagingDir, `${id}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) return callback(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    // Opened before the pipeline starts, so that no failure can come before the file exists.
    const file = await open(tempPath, 'wx', 0o600);
    const upload = new StagingUpload(
      this.client,
      this.stagingKey(id),
      tempPath,
      file,
      this.partSize,
      this.partConcurrency,
    );
    try {
      await pipeline(source, meter, upload);
    } catch (error) {
      await upload.undo();
      throw error;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  async commit(staged: StagedFile): Promise<{ sha256: string; alreadyStored: boolean }> {
    const target = this.objectKey(staged.sha256);
    const source = this.stagingKey(stagingId(staged.tempPath));
    if (await this.client.headObject(target)) {
      await this.discard(staged);
      return { sha256: staged.sha256, alreadyStored: true };
    }
    const uploaded = await this.client.headObject(source);
    if (!uploaded || uploaded.size !== staged.size) {
      throw new Error(
        `S3 evidence store: staged upload ${source} is ${uploaded ? `${uploaded.size} bytes, ${staged.size} expected` : 'missing'}`,
      );
    }
    // Concurrent commits of the same content copy the same bytes: whichever lands last, the
    // object is whole.
    if (staged.size <= this.copyPartSize) await this.client.copyObject(source, target);
    else await this.copyInParts(source, target, staged.size);
    await this.discard(staged);
    return { sha256: staged.sha256, alreadyStored: false };
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.tempPath, { force: true }).catch(() => undefined);
    const name = path.basename(staged.tempPath);
    if (STAGING_NAME.test(name)) {
      await this.client
        .deleteObject(this.stagingKey(stagingId(staged.tempPath)))
        .catch(() => undefined);
    }
  }

  async remove(sha256: string): Promise<void> {
    await this.client.deleteObject(this.objectKey(sha256));
  }

  async size(sha256: string): Promise<number | null> {
    return (await this.client.headObject(this.objectKey(sha256)))?.size ?? null;
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== null;
  }

  /**
   * The stored bytes as they come from the bucket. As with a local file, a failure (no such
   * object, a broken connection) fails the stream rather than the call.
   */
  async open(sha256: string): Promise<Readable> {
    const key = this.objectKey(sha256);
    const out = new PassThrough();
    this.client.getObject(key).then(
      (res) => {
        out.once('close', () => res.destroy());
        pipeline(res, out).catch((error: unknown) => out.destroy(error as Error));
      },
      (error: unknown) => out.destroy(error as Error),
    );
    return out;
  }

  async *list(): AsyncIterable<string> {
    const prefix = `${this.prefix}objects/`;
    for await (const object of this.client.listObjects(prefix)) {
      const name = object.key.slice(prefix.length);
      if (SHA256.test(name)) yield name;
    }
  }

  /**
   * Removes leftovers of uploads a crash interrupted: local staging copies untouched for
   * `olderThanMs`, staged objects never committed, and multipart uploads whose last part is
   * that old (aborted, which deletes their parts). Returns how many it removed.
   */
  async sweep(olderThanMs: number): Promise<number> {
    let removed = 0;
    const cutoff = Date.now() - olderThanMs;
    const dir = this.options.stagingDir;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs <= cutoff) {
        await rm(file, { force: true });
        removed++;
      }
    }
    const prefix = this.stagingKey('');
    const stale: string[] = [];
    for await (const object of this.client.listObjects(prefix)) {
      if (object.lastModified.getTime() <= cutoff) stale.push(object.key);
    }
    for (const key of stale) {
      await this.client.deleteObject(key);
      removed++;
    }
    const abandoned: Array<{ key: string; uploadId: string }> = [];
    for await (const upload of this.client.listMultipartUploads(prefix)) {
      if (upload.initiated.getTime() > cutoff) continue;
      // An upload that is still receiving parts is not abandoned, however long it has run.
      const last = await this.client.lastPartWritten(upload.key, upload.uploadId);
      if (last === null || last.getTime() <= cutoff) abandoned.push(upload);
    }
    for (const { key, uploadId } of abandoned) {
      await this.client.abortMultipartUpload(key, uploadId);
      removed++;
    }
    return removed;
  }

  /** A server-side copy in parts (UploadPartCopy), aborted on failure. */
  private async copyInParts(source: string, target: string, size: number): Promise<void> {
    const uploadId = await this.client.createMultipartUpload(target);
    try {
      const etags: string[] = [];
      for (let first = 0, part = 1; first < size; first += this.copyPartSize, part++) {
        const last = Math.min(first + this.copyPartSize, size) - 1;
        etags.push(await this.client.uploadPartCopy(target, uploadId, part, source, first, last));
      }
      await this.client.completeMultipartUpload(target, uploadId, etags);
    } catch (error) {
      await this.client.abortMultipartUpload(target, uploadId).catch(() => undefined);
      throw error;
    }
  }
}

function stagingId(tempPath: string): string {
  const match = STAGING_NAME.exec(path.basename(tempPath));
  if (!match) throw new Error(`not a staging file of this store: ${tempPath}`);
  return match[1];
}

/**
 * The sink of a staging pipeline: writes the bytes to the local staging copy and, part by part
 * as each is complete, uploads them from that copy (memory does not grow with the file or the
 * part size). Each part is signed with its own SHA-256, computed on the way, so the service
 * refuses a part damaged in transit. A file smaller than one part is sent with one PUT.
 * `undo()` after a failure aborts the multipart upload and deletes both copies.
 */
class StagingUpload extends Writable {
  private file: FileHandle | undefined;
  private written = 0;
  private partStart = 0;
  private partHash: Hash = createHash('sha256');
  private uploadId: string | undefined;
  private readonly etags: string[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  /** The write or final step in progress (undo waits for it). */
  private current: Promise<void> = Promise.resolve();
  private putStarted = false;

  constructor(
    private readonly client: S3Client,
    private readonly key: string,
    private readonly tempPath: string,
    file: FileHandle,
    private readonly partSize: number,
    private readonly concurrency: number,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    this.file = file;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error) => void) {
    this.current = this.append(chunk);
    this.current.then(() => callback(), callback);
  }

  override _final(callback: (error?: Error) => void): void {
    this.current = this.finish();
    this.current.then(() => callback(), callback);
  }

  private async append(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      const room = this.partSize - (this.written - this.partStart);
      const piece = chunk.subarray(offset, offset + room);
      await this.file!.write(piece, 0, piece.length, this.written);
      this.partHash.update(piece);
      this.written += piece.length;
      offset += piece.length;
      if (this.written - this.partStart === this.partSize) await this.sendPart();
    }
  }

  /** Starts uploading the part that just filled up; waits while too many are in flight. */
  private async sendPart(): Promise<void> {
    this.throwIfFailed();
    const start = this.partStart;
    const end = this.written;
    const sha256 = this.partHash.digest('hex');
    this.partStart = end;
    this.partHash = createHash('sha256');
    this.uploadId ??= await this.client.createMultipartUpload(this.key);
    const uploadId = this.uploadId;
    const index = this.etags.length;
    this.etags.push('');
    const body = {
      open: () => createReadStream(this.tempPath, { start, end: end - 1 }),
      length: end - start,
      sha256,
    };
    const sending: Promise<void> = this.client
      .uploadPart(this.key, uploadId, index + 1, body)
      .then(
        (etag) => {
          this.etags[index] = etag;
        },
        (error: unknown) => {
          this.failure ??= error;
        },
      )
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
  }

  private async finish(): Promise<void> {
    await this.file!.sync();
    if (this.uploadId === undefined) {
      // Smaller than one part: one PUT, signed with the whole file's hash.
      this.putStarted = true;
      const sha256 = this.partHash.digest('hex');
      const length = this.written;
      await this.client.putObject(this.key, {
        open: () =>
          length === 0
            ? Buffer.alloc(0)
            : createReadStream(this.tempPath, { start: 0, end: length - 1 }),
        length,
        sha256,
      });
    } else {
      if (this.written > this.partStart) await this.sendPart();
      await Promise.all(this.inFlight);
      this.throwIfFailed();
      // Only now does the object appear, complete.
      await this.client.completeMultipartUpload(this.key, this.uploadId, this.etags);
    }
    await this.file!.close();
    this.file = undefined;
  }

  /** After a failure: nothing of this upload stays, in the bucket or on the local disk. */
  async undo(): Promise<void> {
    await this.current.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    if (this.uploadId !== undefined) {
      await this.client.abortMultipartUpload(this.key, this.uploadId).catch(() => undefined);
    }
    if (this.putStarted || this.uploadId !== undefined) {
      // A PUT (or a completion) may have landed before the failure was seen.
      await this.client.deleteObject(this.key).catch(() => undefined);
    }
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    await rm(this.tempPath, { force: true });
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
