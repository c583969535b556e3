import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes `dir` (mode 0700) for secret files, creating missing parents with the default mode: a
 * recursive mkdir would give them 0700 too, and the data directory they live in must stay
 * reachable by the embedded PostgreSQL's own user (its data directory is inside it).
 */
export async function ensurePrivateDirectory(dir: string): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
