import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceStore, FileTooLargeError, StagedFile } from './evidence-store';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed evidence on the local file system:
 *   <root>/objects/ab/cd/<sha256>   stored content (read-only, never changed)
 *   <root>/tmp/<uuid>.part          staging area
 * A commit is: fsync the temporary file → rename it into place → fsync the directory, so that
 * after a crash a stored object is either complete or absent, never partial.
 */
export class LocalEvidenceStore implements EvidenceStore {
  private readonly objects: string;
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.objects = path.join(root, 'objects');
    this.tmp = path.join(root, 'tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.objects, { recursive: true });
    await mkdir(this.tmp, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.objects, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    await mkdir(this.tmp, { recursive: true });
    const tempPath = path.join(this.tmp, `${randomUUID()}.part`);
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
    const out = createWriteStream(tempPath, { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(source, meter, out);
      await fsyncPath(tempPath);
    } catch (error) {
      // The file is opened asynchronously: wait until the stream is closed, or the file could
      // appear after it was removed (an error before the open completed).
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  async commit(staged: StagedFile): Promise<{ sha256: string; alreadyStored: boolean }> {
    const target = this.pathOf(staged.sha256);
    if (await this.exists(staged.sha256)) {
      await this.discard(staged);
      return { sha256: staged.sha256, alreadyStored: true };
    }
    await mkdir(path.dirname(target), { recursive: true });
    // rename() is atomic: two concurrent commits of the same content leave one intact file.
    await rename(staged.tempPath, target);
    await fsyncPath(path.dirname(target));
    return { sha256: staged.sha256, alreadyStored: false };
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.tempPath, { force: true }).catch(() => undefined);
  }

  async remove(sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    await rm(target, { force: true });
    await fsyncPath(path.dirname(target)).catch(() => undefined);
  }

  async size(sha256: string): Promise<number | null> {
    return stat(this.pathOf(sha256)).then(
      (s) => (s.isFile() ? s.size : null),
      () => null,
    );
  }

  async open(sha256: string): Promise<Readable> {
    return createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async *list(): AsyncIterable<string> {
    for (const a of await readdir(this.objects).catch(() => [] as string[])) {
      for (const b of await readdir(path.join(this.objects, a)).catch(() => [] as string[])) {
        for (const name of await readdir(path.join(this.objects, a, b)).catch(
          () => [] as string[],
        )) {
          if (SHA256.test(name)) yield name;
        }
      }
    }
  }

  async sweep(olderThanMs: number): Promise<number> {
    let removed = 0;
    const cutoff = Date.now() - olderThanMs;
    for (const name of await readdir(this.tmp).catch(() => [] as string[])) {
      const file = path.join(this.tmp, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs <= cutoff) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** fsync a file or a directory (directories need it for a rename to be durable). */
async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
