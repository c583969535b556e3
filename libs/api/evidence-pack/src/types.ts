import type { Readable } from 'node:stream';

/** Why a file the manifest lists is not in the pack. */
export type PackEntryProblemKind = 'missing' | 'corrupt';

export interface PackEntryProblem {
  kind: PackEntryProblemKind;
  /** Said to the auditor in problems.csv (e.g. when the corruption was found). */
  detail: string;
}

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
  /**
   * Set when the stored content cannot be packed (it is missing or known to be corrupt): the
   * manifest still lists the file, problems.csv says why, and `open` is never called.
   */
  unavailable?: PackEntryProblem;
  /** Opens the stored content (called lazily, one entry at a time). */
  open(): Promise<NodeJS.ReadableStream | Readable>;
}

/** What the manifest records about an entry: its database metadata, without the content. */
export type PackEntryMetadata = Omit<PackEntry, 'open'>;
