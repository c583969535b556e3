import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDirectory } from './private-directory';

describe('ensurePrivateDirectory', () => {
  let root: string;
  beforeEach(async () => (root = await mkdtemp(path.join(os.tmpdir(), 'duty-private-'))));
  afterEach(() => rm(root, { recursive: true, force: true }));

  const mode = async (p: string) => (await stat(p)).mode & 0o777;

  it('makes the directory 0700 and leaves its new parents reachable (the data directory)', async () => {
    const keys = path.join(root, 'data', 'keys');
    await ensurePrivateDirectory(keys);
    expect(await mode(keys)).toBe(0o700);
    expect((await mode(path.join(root, 'data'))) & 0o001).toBe(0o001);
    // Again: nothing to do, no error.
    await ensurePrivateDirectory(keys);
    expect(await mode(keys)).toBe(0o700);
  });
});
