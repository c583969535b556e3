import type { Readable } from 'node:stream';

/** One stored file to put into an evidence pack. */
export interface PackEntry {
  /**
   * Path inside the zip, '/'-separated, already built by the caller (see `packSegment` and
   * `uniquePackPaths`), e.g. '恩施州/恩施市/第12条/任务名-1a2b3c4d/v1-通知.pdf'.
   */
  path: string;
  /** Hex SHA-256 recorded in the database. */
  sha256: string;
  /** Size in bytes recorded in the database. */
  size: number;
  uploadedAt: Date;
  uploader: string;
  unitCode: string;
  /** Article number (第N条). */
  article: number;
  paragraph: number | null;
  taskStatus: string;
  documentNumber: string | null;
  /** Opens the stored content (called lazily, one entry at a time). */
  open(): Promise<NodeJS.ReadableStream | Readable>;
}

/** What the manifest records about an entry: its database metadata, without the content. */
export type PackEntryMetadata = Omit<PackEntry, 'open'>;
