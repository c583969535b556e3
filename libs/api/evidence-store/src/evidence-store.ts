import type { Readable } from 'node:stream';

/** A file received into temporary storage, hashed on the way in. */
export interface StagedFile {
  /** Server-generated temporary path; only the store moves or deletes it. */
  tempPath: string;
  sha256: string;
  size: number;
}

/**
 * Where evidence bytes live, addressed by their SHA-256. Callers stage a stream (hashing it
 * while it is written), inspect the staged file (type detection), then commit it — or discard
 * it. The local implementation writes under a directory; an S3-compatible store can implement
 * the same interface without touching callers.
 */
export interface EvidenceStore {
  /** Streams into a temporary file, computing SHA-256; fails (leaving nothing) past `maxBytes`. */
  stage(source: Readable, maxBytes: number): Promise<StagedFile>;
  /** Moves a staged file into place (durably); identical content is stored once. */
  commit(staged: StagedFile): Promise<{ sha256: string; alreadyStored: boolean }>;
  /** Deletes a staged file that will not be committed. Never throws. */
  discard(staged: StagedFile): Promise<void>;
  /**
   * Removes stored content. Only for content that no record references (an upload whose
   * database transaction failed after the commit); callers check that under a lock.
   */
  remove(sha256: string): Promise<void>;
  /** Reads stored content. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Size in bytes of stored content, or null when it is not stored. */
  size(sha256: string): Promise<number | null>;
  /** Every stored hash (for integrity checks). */
  list(): AsyncIterable<string>;
  /** Removes temporary files older than `olderThanMs` (left by a crash); returns how many. */
  sweep(olderThanMs: number): Promise<number>;
  /** Releases what the store holds open (an S3 store's connections); optional. */
  close?(): void;
}

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file exceeds ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}
