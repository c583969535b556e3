import { Transform, type TransformCallback } from 'node:stream';
import { PackEntryError } from './errors';

/** Passes bytes through, counting them. */
export class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Passes exactly `expected` bytes through, or fails naming `path`: as soon as a chunk goes past
 * the expected size (before passing it on), or at the end when the stream was shorter.
 */
export class ExactSizeStream extends Transform {
  private received = 0;

  constructor(
    private readonly path: string,
    private readonly expected: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.expected) {
      callback(this.mismatch(`at least ${this.received}`));
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.received === this.expected ? null : this.mismatch(`only ${this.received}`));
  }

  private mismatch(actual: string): Error {
    return new PackEntryError(
      this.path,
      `the database records ${this.expected} bytes, the stored content has ${actual}`,
    );
  }
}

/**
 * Remembers the first failure of a long-running operation and rejects every promise guarded
 * with it. (Racing each step against one shared promise would pile up reactions on it.)
 */
export class Tripwire {
  private failure: Error | undefined;
  private readonly listeners = new Set<(error: Error) => void>();

  get error(): Error | undefined {
    return this.failure;
  }

  trip(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    for (const listener of this.listeners) listener(this.failure);
    this.listeners.clear();
  }

  /** `promise`, or a rejection with the first failure if one happens before it settles. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failure !== undefined) {
        promise.catch(() => undefined);
        reject(this.failure);
        return;
      }
      this.listeners.add(reject);
      promise.then(
        (value) => {
          this.listeners.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.listeners.delete(reject);
          reject(error);
        },
      );
    });
  }
}
