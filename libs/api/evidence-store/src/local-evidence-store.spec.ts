import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileTooLargeError } from './evidence-store';
import { LocalEvidenceStore } from './local-evidence-store';

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe('LocalEvidenceStore', () => {
  let root: string;
  let store: LocalEvidenceStore;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'evidence-store-'));
    store = new LocalEvidenceStore(root);
    await store.init();
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const tmpFiles = () => readdir(path.join(root, 'tmp'));

  it('stages with the hash, commits by content address, and stores identical content once', async () => {
    const data = Buffer.from('湖北省质量促进条例 佐证材料');
    const first = await store.stage(Readable.from([data]), 1024);
    expect(first).toMatchObject({ sha256: sha(data), size: data.length });
    expect(await store.commit(first)).toEqual({ sha256: sha(data), alreadyStored: false });
    const second = await store.stage(Readable.from([data]), 1024);
    expect(await store.commit(second)).toEqual({ sha256: sha(data), alreadyStored: true });
    expect(await readFile(store.pathOf(sha(data)))).toEqual(data);
    expect(await tmpFiles()).toEqual([]);
    const listed: string[] = [];
    for await (const h of store.list()) listed.push(h);
    expect(listed).toEqual([sha(data)]);
  });

  it('refuses a file over the limit, leaving nothing behind', async () => {
    const big = Buffer.alloc(1025, 1);
    await expect(
      store.stage(Readable.from([big.subarray(0, 600), big.subarray(600)]), 1024),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await tmpFiles()).toEqual([]);
    // Exactly at the limit is fine.
    await expect(store.stage(Readable.from([Buffer.alloc(1024)]), 1024)).resolves.toMatchObject({
      size: 1024,
    });
  });

  it('leaves nothing when the source fails mid-stream (a client abort)', async () => {
    const source = new Readable({
      read() {
        this.push(Buffer.alloc(100));
        this.destroy(new Error('client aborted'));
      },
    });
    await expect(store.stage(source, 10_000)).rejects.toThrow('client aborted');
    expect(await tmpFiles()).toEqual([]);
  });

  it('two concurrent commits of the same content keep one intact file', async () => {
    const data = Buffer.alloc(200_000, 7);
    const staged = await Promise.all([1, 2, 3].map(() => store.stage(Readable.from([data]), 1e6)));
    const results = await Promise.all(staged.map((s) => store.commit(s)));
    expect(results.filter((r) => !r.alreadyStored).length).toBeGreaterThanOrEqual(1);
    expect(sha(await readFile(store.pathOf(sha(data))))).toBe(sha(data));
    expect(await tmpFiles()).toEqual([]);
  });

  it('sweeps stale temporary files only', async () => {
    const stale = path.join(root, 'tmp', 'old.part');
    const fresh = path.join(root, 'tmp', 'new.part');
    await writeFile(stale, 'x');
    await writeFile(fresh, 'y');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await utimes(stale, old, old);
    expect(await store.sweep(3_600_000)).toBe(1);
    expect(await tmpFiles()).toEqual(['new.part']);
  });

  it('reports sizes and removes content (for uploads whose record was not saved)', async () => {
    const data = Buffer.from('removable');
    await store.commit(await store.stage(Readable.from([data]), 1024));
    expect(await store.size(sha(data))).toBe(data.length);
    await store.remove(sha(data));
    expect(await store.size(sha(data))).toBeNull();
    expect(await store.exists(sha(data))).toBe(false);
    await expect(store.remove(sha(data))).resolves.toBeUndefined();
  });

  it('refuses paths that are not a SHA-256', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/not a SHA-256/);
  });
});
