import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ChainHead } from '../integrity';

/** Version of the backup layout; a restore refuses other versions. */
export const BACKUP_FORMAT = 'duty-tracker-backup/1';
export const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: {
    /** `server_version` of the source. */
    serverVersion: string;
    /** The snapshot's time (`now()` in the backup transaction). */
    snapshotAt: string;
    /** Migrations applied on the source, in order (the restore's schema). */
    migrations: string[];
  };
  /** In restore order: every table after the tables its foreign keys point to. */
  tables: Array<{ name: string; rows: number; sha256: string; file: string }>;
  sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>;
  evidence: {
    objects: Array<{ sha256: string; bytes: number }>;
    /** Objects the database references that could not be copied (missing or corrupt at the source). */
    problems: Array<{ sha256: string; problem: 'missing' | 'corrupt'; detail: string }>;
  };
  /**
   * The hash chains' heads in the backup's snapshot (task history, security audit log,
   * evidence, frozen results): the daily digest that makes a later superuser edit detectable
   * (`npm run audit:verify`), and what a restore's chains must match.
   */
  auditChainHeads: ChainHead[];
  /** Every file of the backup except this manifest, with its SHA-256 and size. */
  files: Record<string, { sha256: string; bytes: number }>;
}

export class BackupError extends Error {
  constructor(
    readonly code:
      | 'BACKUP_TARGET_NOT_EMPTY'
      | 'BACKUP_INVALID'
      | 'BACKUP_MIGRATIONS_UNKNOWN'
      | 'RESTORE_TARGET_NOT_EMPTY'
      | 'RESTORE_VERIFY_FAILED'
      | 'RESTORE_NOT_PERMITTED',
    message: string,
  ) {
    super(`${message} [${code}]`);
    this.name = 'BackupError';
  }
}

export async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Copies `source` (a file, or a stream such as an evidence store's object) to `target` while
 * hashing it; the copy is written under a temporary name,
 * flushed to disk and renamed only when its SHA-256 is `expected` (else removed, and the actual
 * hash returned for the report).
 */
export async function copyVerified(
  source: string | Readable,
  target: string,
  expected: string,
): Promise<{ ok: true; bytes: number } | { ok: false; actual: string }> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.part`;
  const out = await open(temp, 'w', 0o640);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of typeof source === 'string' ? createReadStream(source) : source) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      await out.write(chunk as Buffer);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  const actual = hash.digest('hex');
  if (actual !== expected) {
    await rm(temp, { force: true });
    return { ok: false, actual };
  }
  await rename(temp, target);
  return { ok: true, bytes };
}

/** The path of an evidence object under a store (or backup) root: objects/ab/cd/<sha256>. */
export function objectPath(root: string, sha256: string): string {
  return path.join(root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Whether `dir` is missing or holds no files (empty subdirectories are fine). */
export async function isEmptyDir(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return true;
  if (!info.isDirectory()) return false;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) return false;
    if (!(await isEmptyDir(path.join(dir, entry.name)))) return false;
  }
  return true;
}

/** Every file under `dir`, relative, with `/` separators. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else files.push(rel);
  }
  return files.sort();
}
