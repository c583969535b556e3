import { createHash, type Hash } from 'node:crypto';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import type { EvidenceStore } from './evidence-store';

/** Stored content is not what its address and the recorded size say it is. */
export class ContentIntegrityError extends Error {
  constructor(
    /** The address (and the expected SHA-256) of the content. */
    readonly sha256: string,
    /** `size`: more or fewer bytes than recorded; `hash`: the right size, other bytes. */
    readonly kind: 'size' | 'hash',
    readonly expectedSize: number,
    /** Bytes read: the whole content, or for a file too long, as far as reading went. */
    readonly actualSize: number,
    /** SHA-256 of what was read, when it was read to the end. */
    readonly actualSha256: string | null,
  ) {
    super(
      kind === 'size'
        ? `stored content ${sha256} has ${actualSha256 === null ? 'at least ' : ''}${actualSize} bytes, ${expectedSize} recorded`
        : `stored content ${sha256} hashes to ${actualSha256}`,
    );
    this.name = 'ContentIntegrityError';
  }
}

export interface VerifyOptions {
  /**
   * Awaited before the stream fails with the error, so that whatever it records (a mark in the
   * database) is in place before anyone downstream sees the failure. Its own failure does not
   * replace the integrity error.
   */
  onMismatch?: (error: ContentIntegrityError) => Promise<void> | void;
}

/**
 * Passes content through while hashing it, and releases the last chunk only once the whole
 * content has been read and found to be exactly `expectedSize` bytes hashing to
 * `expectedSha256`. Otherwise it fails with a ContentIntegrityError — a reader downstream
 * (an HTTP response, a ZIP entry) never receives the complete content of a corrupt file, so a
 * corrupt file cannot pass for a complete one. Too many bytes fail as soon as they arrive.
 */
export class VerifyingStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private received = 0;
  private held: Buffer | null = null;

  constructor(
    private readonly expectedSha256: string,
    private readonly expectedSize: number,
    private readonly options: VerifyOptions = {},
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.expectedSize) {
      this.fail(
        new ContentIntegrityError(
          this.expectedSha256,
          'size',
          this.expectedSize,
          this.received,
          null,
        ),
        callback,
      );
      return;
    }
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    callback(null, previous ?? undefined);
  }

  override _flush(callback: TransformCallback): void {
    const actual = this.hash.digest('hex');
    if (this.received !== this.expectedSize || actual !== this.expectedSha256) {
      const kind = this.received !== this.expectedSize ? 'size' : 'hash';
      this.fail(
        new ContentIntegrityError(
          this.expectedSha256,
          kind,
          this.expectedSize,
          this.received,
          actual,
        ),
        callback,
      );
      return;
    }
    callback(null, this.held ?? undefined);
  }

  private fail(error: ContentIntegrityError, callback: TransformCallback): void {
    this.held = null;
    const hook = this.options.onMismatch;
    if (!hook) {
      callback(error);
      return;
    }
    Promise.resolve()
      .then(() => hook(error))
      .catch(() => undefined)
      .then(() => callback(error));
  }
}

/**
 * Opens stored content for reading through a VerifyingStream: the returned stream yields the
 * content only if it is intact, and fails with a ContentIntegrityError otherwise. Errors of the
 * underlying file (e.g. it vanished) fail the returned stream too.
 */
export async function openVerified(
  store: Pick<EvidenceStore, 'open'>,
  sha256: string,
  expectedSize: number,
  options: VerifyOptions = {},
): Promise<Readable> {
  const source = await store.open(sha256);
  const verifier = new VerifyingStream(sha256, expectedSize, options);
  // The callback form: errors travel to `verifier` (destroying both), nothing is left unhandled.
  return pipeline(source, verifier, () => undefined);
}
