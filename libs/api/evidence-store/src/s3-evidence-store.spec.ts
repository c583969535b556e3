import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileTooLargeError } from './evidence-store';
import {
  S3_MIN_PART_SIZE,
  S3EvidenceStore,
  type S3EvidenceStoreOptions,
} from './s3-evidence-store';
import { bufferBody } from './s3/s3-client';
import { startS3TestServer, type S3TestServer } from './testing/s3-test-server';
import { ContentIntegrityError, openVerified } from './verified-read';

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const MIB = 1024 * 1024;

/** A source that yields `data` in chunks of irregular sizes (as a socket would). */
function chunks(data: Buffer, sizes = [65_536, 1_000, 333_333, 7]): Readable {
  let offset = 0;
  let i = 0;
  return new Readable({
    read() {
      if (offset >= data.length) return void this.push(null);
      const n = sizes[i++ % sizes.length];
      this.push(data.subarray(offset, offset + n));
      offset += n;
    },
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        parts.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(parts);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

// A real S3-compatible server (HTTP, SigV4 checked on every request), started for this file.
describe('S3EvidenceStore against an S3-compatible server', () => {
  let server: S3TestServer;
  let stagingDir: string;
  let store: S3EvidenceStore;
  let bucketNo = 0;

  const optionsFor = (bucket: string, extra: Partial<S3EvidenceStoreOptions> = {}) => ({
    endpoint: server.endpoint,
    bucket,
    region: server.region,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    forcePathStyle: true,
    stagingDir,
    prefix: 'duty/',
    partSize: S3_MIN_PART_SIZE,
    createBucket: true,
    ...extra,
  });

  /** Everything in the bucket, and every multipart upload still open. */
  const bucketState = async (s = store) => ({
    keys: (await collect(s.client.listObjects(''))).map((o) => o.key).sort(),
    uploads: await collect(s.client.listMultipartUploads('')),
  });
  const localFiles = () => readdir(stagingDir);

  beforeAll(async () => {
    server = await startS3TestServer();
  }, 60_000);
  afterAll(() => server?.stop());

  beforeEach(async () => {
    stagingDir = await mkdtemp(path.join(os.tmpdir(), 's3-evidence-staging-'));
    store = new S3EvidenceStore(optionsFor(`evidence-${++bucketNo}`));
    await store.init();
  });
  afterEach(async () => {
    store.close();
    await rm(stagingDir, { recursive: true, force: true });
  });

  it('stages into the bucket with the hash, commits by content address, stores identical content once', async () => {
    const data = Buffer.from('湖北省质量促进条例 佐证材料');
    const first = await store.stage(Readable.from([data]), 1024);
    expect(first).toMatchObject({ sha256: sha(data), size: data.length });
    // The upload is in the bucket (staging) before the commit; the local copy is for detection.
    const staged = await bucketState();
    expect(staged.keys).toEqual([expect.stringMatching(/^duty\/staging\/[0-9a-f-]{36}$/)]);
    expect(await localFiles()).toHaveLength(1);

    expect(await store.commit(first)).toEqual({ sha256: sha(data), alreadyStored: false });
    const second = await store.stage(Readable.from([data]), 1024);
    expect(await store.commit(second)).toEqual({ sha256: sha(data), alreadyStored: true });

    expect(await bucketState()).toEqual({ keys: [`duty/objects/${sha(data)}`], uploads: [] });
    expect(await localFiles()).toEqual([]);
    expect(await collect(store.list())).toEqual([sha(data)]);
    expect(await store.size(sha(data))).toBe(data.length);
    expect(await store.exists(sha(data))).toBe(true);
    expect(await readAll(await openVerified(store, sha(data), data.length))).toEqual(data);
  });

  it('streams a large file as a multipart upload and reads it back intact', async () => {
    const data = randomBytes(2 * S3_MIN_PART_SIZE + 123_457);
    const staged = await store.stage(chunks(data), 20 * MIB);
    expect(staged).toMatchObject({ sha256: sha(data), size: data.length });
    expect((await bucketState()).uploads).toEqual([]); // completed
    await store.commit(staged);
    const back = await readAll(await openVerified(store, sha(data), data.length));
    expect(sha(back)).toBe(sha(data));
    expect(await bucketState()).toEqual({ keys: [`duty/objects/${sha(data)}`], uploads: [] });
  });

  it('a file of exactly one part, and an empty file', async () => {
    for (const data of [randomBytes(S3_MIN_PART_SIZE), Buffer.alloc(0)]) {
      const staged = await store.stage(chunks(data), 20 * MIB);
      await store.commit(staged);
      expect(sha(await readAll(await openVerified(store, sha(data), data.length)))).toBe(sha(data));
    }
    expect((await bucketState()).keys).toHaveLength(2);
  });

  it('refuses a file over the limit after parts were uploaded, leaving nothing anywhere', async () => {
    const big = randomBytes(2 * S3_MIN_PART_SIZE + 10);
    await expect(store.stage(chunks(big), 2 * S3_MIN_PART_SIZE + 9)).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    expect(await bucketState()).toEqual({ keys: [], uploads: [] });
    expect(await localFiles()).toEqual([]);
    // Exactly at the limit is fine.
    await expect(store.stage(chunks(big), big.length)).resolves.toMatchObject({ size: big.length });
  });

  it('leaves nothing when the client goes away mid-stream (the multipart upload is aborted)', async () => {
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent >= S3_MIN_PART_SIZE + MIB) return void this.destroy(new Error('client aborted'));
        sent += 256 * 1024;
        this.push(randomBytes(256 * 1024));
      },
    });
    await expect(store.stage(source, 100 * MIB)).rejects.toThrow('client aborted');
    expect(await bucketState()).toEqual({ keys: [], uploads: [] });
    expect(await localFiles()).toEqual([]);
  });

  it('leaves nothing when the service refuses a part (the upload was aborted under it)', async () => {
    let sent = 0;
    let aborted = false;
    const source = new Readable({
      read() {
        if (sent >= 3 * S3_MIN_PART_SIZE) return void this.push(null);
        const next = async () => {
          if (!aborted && sent >= S3_MIN_PART_SIZE + MIB) {
            // Someone (a lifecycle rule, an operator) aborts the upload while it runs.
            for (;;) {
              const [upload] = await collect(store.client.listMultipartUploads(''));
              if (upload) {
                await store.client.abortMultipartUpload(upload.key, upload.uploadId);
                break;
              }
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
            aborted = true;
          }
          sent += 512 * 1024;
          this.push(randomBytes(512 * 1024));
        };
        next().catch((error: Error) => this.destroy(error));
      },
    });
    // S3 answers 404 NoSuchUpload; the test server a 500: either way the part is refused.
    await expect(store.stage(source, 100 * MIB)).rejects.toMatchObject({
      name: 'S3Error',
      operation: 'UploadPart',
    });
    expect(aborted).toBe(true);
    expect(await bucketState()).toEqual({ keys: [], uploads: [] });
    expect(await localFiles()).toEqual([]);
  });

  it('discards a staged upload that will not be committed', async () => {
    const staged = await store.stage(chunks(randomBytes(S3_MIN_PART_SIZE + 5)), 20 * MIB);
    await store.discard(staged);
    await store.discard(staged); // never throws
    expect(await bucketState()).toEqual({ keys: [], uploads: [] });
    expect(await localFiles()).toEqual([]);
  });

  it('commits large content by a server-side copy in parts', async () => {
    const copying = new S3EvidenceStore(
      optionsFor(`evidence-${bucketNo}`, { copyPartSize: S3_MIN_PART_SIZE }),
    );
    try {
      const data = randomBytes(2 * S3_MIN_PART_SIZE + 777);
      const staged = await copying.stage(chunks(data), 20 * MIB);
      expect(await copying.commit(staged)).toEqual({ sha256: sha(data), alreadyStored: false });
      expect(sha(await readAll(await openVerified(copying, sha(data), data.length)))).toBe(
        sha(data),
      );
      expect(await bucketState(copying)).toEqual({
        keys: [`duty/objects/${sha(data)}`],
        uploads: [],
      });
    } finally {
      copying.close();
    }
  });

  it('concurrent commits of the same content keep one intact object', async () => {
    const data = randomBytes(200_000);
    const staged = await Promise.all([1, 2, 3].map(() => store.stage(chunks(data), MIB)));
    const results = await Promise.all(staged.map((s) => store.commit(s)));
    expect(results.filter((r) => !r.alreadyStored).length).toBeGreaterThanOrEqual(1);
    expect(sha(await readAll(await store.open(sha(data))))).toBe(sha(data));
    expect(await bucketState()).toEqual({ keys: [`duty/objects/${sha(data)}`], uploads: [] });
    expect(await localFiles()).toEqual([]);
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

  it('fails the read stream on missing content, and verified reads on altered content', async () => {
    const missing = sha('never stored');
    await expect(readAll(await store.open(missing))).rejects.toMatchObject({
      name: 'S3Error',
      code: 'NoSuchKey',
    });
    const data = Buffer.from('原件内容 '.repeat(1000));
    await store.commit(await store.stage(Readable.from([data]), MIB));
    // The object is replaced behind the store's back by bytes of the same length.
    const altered = Buffer.from(data);
    altered[altered.length - 1] ^= 1;
    await store.client.putObject(store.objectKey(sha(data)), bufferBody(altered));
    const error = await readAll(await openVerified(store, sha(data), data.length)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentIntegrityError);
    expect(error).toMatchObject({ kind: 'hash', actualSha256: sha(altered) });
  });

  it('sweeps leftovers of interrupted uploads: local copies, staged objects, open multipart uploads', async () => {
    const fresh = await store.stage(Readable.from([Buffer.from('in progress')]), 1024);
    // Leftovers of a crashed server: a local copy, a staged object, a multipart upload.
    const stale = path.join(stagingDir, 'crashed.part');
    await writeFile(stale, 'x');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await utimes(stale, old, old);
    await store.client.putObject(store.stagingKey('crashed-object'), bufferBody(Buffer.from('y')));
    const uploadId = await store.client.createMultipartUpload(
      store.stagingKey('crashed-multipart'),
    );
    await store.client.uploadPart(
      store.stagingKey('crashed-multipart'),
      uploadId,
      1,
      bufferBody(Buffer.from('z')),
    );
    // Nothing in the bucket is an hour old yet: only the local file goes.
    expect(await store.sweep(3_600_000)).toBe(1);
    expect((await bucketState()).uploads).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // S3 times are in seconds
    await store.discard(fresh);
    const left = await store.stage(Readable.from([Buffer.from('kept')]), 1024);
    // Everything older than a second: the staged object and the multipart upload; not `left`…
    const removed = await store.sweep(1000);
    expect(removed).toBe(2);
    const state = await bucketState();
    expect(state.uploads).toEqual([]);
    expect(state.keys).toEqual([store.stagingKey(path.basename(left.tempPath, '.part'))]);
    expect(await localFiles()).toEqual([path.basename(left.tempPath)]);
  });

  it('checks the bucket and the credentials at start, with errors naming what to fix', async () => {
    await expect(
      new S3EvidenceStore(optionsFor('no-such-bucket', { createBucket: false })).init(),
    ).rejects.toThrow(/bucket "no-such-bucket" .* does not exist .*S3_CREATE_BUCKET/);
    // A wrong secret: the server checks the signature and refuses.
    const wrong = new S3EvidenceStore(
      optionsFor(`evidence-${bucketNo}`, {
        credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'not-the-secret' },
      }),
    );
    await expect(wrong.init()).rejects.toThrow(/denied .*S3_SECRET_ACCESS_KEY/);
    const unknown = new S3EvidenceStore(
      optionsFor(`evidence-${bucketNo}`, {
        credentials: { accessKeyId: 'AKIAUNKNOWN00000', secretAccessKey: 'x' },
      }),
    );
    await expect(unknown.init()).rejects.toThrow(/denied/);
    const unreachable = new S3EvidenceStore(
      optionsFor('x', { endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }),
    );
    await expect(unreachable.init()).rejects.toThrow(/cannot reach .*S3_ENDPOINT/);
    expect(() => new S3EvidenceStore(optionsFor('x', { partSize: MIB }))).toThrow(/5 MiB/);
  });

  it('refuses addresses that are not a SHA-256', () => {
    expect(() => store.objectKey('../../etc/passwd')).toThrow(/not a SHA-256/);
  });
});
