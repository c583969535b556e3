import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LocalEvidenceStore } from './local-evidence-store';
import { ContentIntegrityError, openVerified, VerifyingStream } from './verified-read';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Reads a stream to the end, keeping what arrived even when it fails. */
async function drain(source: Readable): Promise<{ received: Buffer; error: unknown }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const error = await pipeline(source, sink).then(
    () => null,
    (e: unknown) => e,
  );
  return { received: Buffer.concat(chunks), error };
}

const chunked = (data: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / size) }, (_, i) =>
      data.subarray(i * size, (i + 1) * size),
    ),
  );

describe('VerifyingStream', () => {
  const content = Buffer.from('湖北省质量促进条例 佐证材料 '.repeat(500));

  it('passes intact content through unchanged, whatever the chunking', async () => {
    for (const size of [1, 7, 4096, content.length]) {
      const out = await drain(
        chunked(content, size).pipe(new VerifyingStream(sha(content), content.length)),
      );
      expect(out.error).toBeNull();
      expect(out.received.equals(content)).toBe(true);
    }
    const empty = await drain(Readable.from([]).pipe(new VerifyingStream(sha(Buffer.alloc(0)), 0)));
    expect(empty).toEqual({ received: Buffer.alloc(0), error: null });
  });

  it.each([
    ['the first', 0],
    ['a middle', 3000],
    ['the last', -1],
  ])('fails on one flipped byte (%s chunk) and never delivers the whole content', async (_, at) => {
    const corrupt = Buffer.from(content);
    corrupt[at < 0 ? corrupt.length - 1 : at] ^= 0x01;
    const out = await drain(
      chunked(corrupt, 1000).pipe(new VerifyingStream(sha(content), content.length)),
    );
    expect(out.error).toBeInstanceOf(ContentIntegrityError);
    expect(out.error).toMatchObject({
      kind: 'hash',
      sha256: sha(content),
      actualSha256: sha(corrupt),
      actualSize: content.length,
    });
    expect(out.received.length).toBeLessThan(content.length);
  });

  it('fails on a short file at its end and on a long one as soon as it is too long', async () => {
    const short = await drain(
      chunked(content.subarray(0, 5000), 1000).pipe(
        new VerifyingStream(sha(content), content.length),
      ),
    );
    expect(short.error).toMatchObject({ kind: 'size', actualSize: 5000 });
    expect(short.received.length).toBeLessThan(5000);

    const longer = Buffer.concat([content, Buffer.from('x')]);
    const long = await drain(
      chunked(longer, 1000).pipe(new VerifyingStream(sha(content), content.length)),
    );
    expect(long.error).toMatchObject({ kind: 'size', actualSha256: null });
    expect(long.received.length).toBeLessThan(content.length);
  });

  it('awaits onMismatch before failing, and fails with the integrity error even if it throws', async () => {
    const events: string[] = [];
    const stream = new VerifyingStream(sha(content), content.length, {
      onMismatch: async (error) => {
        await new Promise((r) => setTimeout(r, 20));
        events.push(`marked ${error.kind}`);
        throw new Error('database down');
      },
    });
    const out = await drain(chunked(Buffer.alloc(content.length), 1000).pipe(stream));
    events.push('failed');
    expect(events).toEqual(['marked hash', 'failed']);
    expect(out.error).toBeInstanceOf(ContentIntegrityError);
  });
});

describe('openVerified', () => {
  let root: string;
  let store: LocalEvidenceStore;
  const data = Buffer.alloc(300_000, 3);

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'evidence-verified-'));
    store = new LocalEvidenceStore(root);
    await store.init();
    await store.commit(await store.stage(Readable.from([data]), 1e6));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('reads stored content that is intact', async () => {
    const out = await drain(await openVerified(store, sha(data), data.length));
    expect(out.error).toBeNull();
    expect(out.received.equals(data)).toBe(true);
  });

  it('fails for stored content changed on disk (same size) or truncated', async () => {
    const file = store.pathOf(sha(data));
    const changed = await readFile(file);
    changed[123_456] ^= 0xff;
    await writeFile(file, changed);
    const flipped = await drain(await openVerified(store, sha(data), data.length));
    expect(flipped.error).toMatchObject({ kind: 'hash' });
    expect(flipped.received.length).toBeLessThan(data.length);

    await truncate(file, 1000);
    const cut = await drain(await openVerified(store, sha(data), data.length));
    expect(cut.error).toMatchObject({ kind: 'size', actualSize: 1000 });
  });

  it('fails when the stored file is gone', async () => {
    await rm(store.pathOf(sha(data)));
    const gone = await drain(await openVerified(store, sha(data), data.length));
    expect(gone.error).toMatchObject({ code: 'ENOENT' });
  });
});
