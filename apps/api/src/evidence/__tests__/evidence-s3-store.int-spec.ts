import { bufferBody, EvidenceStore, S3EvidenceStore } from '@duty/api/evidence-store';
import { startS3TestServer, type S3TestServer } from '@duty/api/evidence-store/testing';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '@duty/test-support';
import { migrations, MIGRATIONS_TABLE } from '@duty/migrations';
import { createBackup } from '../../backup/backup';
import { restoreBackup } from '../../backup/restore';
import { ConfigError, loadConfig } from '../../config/config';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { EVIDENCE_STORE } from '../evidence.constants';
import { checkEvidenceIntegrity } from '../evidence-integrity';
import { createEvidenceStore } from '../evidence-store.factory';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A PDF of `size` bytes, unique by `seed`. */
function pdfOfSize(seed: string, size: number): Buffer {
  const head = samplePdf(seed);
  const body = Buffer.alloc(size, 0x20);
  head.copy(body, 0, 0, head.length - 8);
  body.write('\n%%EOF\n', size - 8, 'latin1');
  return body;
}

/**
 * EVIDENCE_STORE=s3 through the real HTTP API and PostgreSQL, against an S3-compatible server
 * started here (SigV4 checked on every request): uploads land in the bucket by content
 * address, refused uploads leave nothing, downloads and the integrity check read the bucket.
 */
describe('evidence in an S3-compatible bucket (real HTTP, real PostgreSQL, real S3 API)', () => {
  let s3: S3TestServer;
  let api: TestApi;
  let db: DataSource;
  let store: S3EvidenceStore;
  let operator: SignedInClient;
  let taskId: string;
  const MB = 1024 * 1024;

  const s3Env = (bucket: string): Record<string, string> => ({
    EVIDENCE_STORE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: bucket,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    S3_PREFIX: 'duty',
  });
  const keys = async () => {
    const out: string[] = [];
    for await (const o of store.client.listObjects('')) out.push(o.key);
    return out.sort();
  };
  const openUploads = async () => {
    const out: string[] = [];
    for await (const u of store.client.listMultipartUploads('')) out.push(u.key);
    return out;
  };
  const localStaging = () => readdir(path.join(api.config.evidence.dir, 'tmp'));

  beforeAll(async () => {
    s3 = await startS3TestServer();
    api = await startTestApi({
      ...s3Env('duty-evidence'),
      S3_CREATE_BUCKET: 'true',
      EVIDENCE_MAX_FILE_BYTES: String(12 * MB),
    });
    db = api.server.app.get(DataSource);
    store = api.server.app.get<EvidenceStore>(EVIDENCE_STORE) as S3EvidenceStore;
    const province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    const cycleId = res.data!.createCycle.cycle.id;
    [{ id: taskId }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
        ORDER BY t.id LIMIT 1`,
      [cycleId],
    );
    operator = await api.signIn('jiangan-scjg');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await s3?.stop();
  });

  it('selects the S3 store from the environment', () => {
    expect(store).toBeInstanceOf(S3EvidenceStore);
    expect(api.config.evidence.store).toMatchObject({
      kind: 's3',
      bucket: 'duty-evidence',
      prefix: 'duty/',
      forcePathStyle: true,
    });
  });

  it('stores uploads in the bucket by SHA-256 (multipart for large ones) and serves them verified', async () => {
    const small = samplePdf('s3-small');
    const large = pdfOfSize('s3-large', 11 * MB + 12_345); // two parts of 8 MiB
    const res = await uploadEvidence(api, operator, taskId, [
      { name: '小文件.pdf', content: small },
      { name: '大文件.pdf', content: large },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.evidence!.map((e) => e.sha256)).toEqual([sha256(small), sha256(large)]);
    const stored = await keys();
    expect(stored).toEqual(
      [`duty/objects/${sha256(small)}`, `duty/objects/${sha256(large)}`].sort(),
    );
    expect(await openUploads()).toEqual([]);
    expect(await localStaging()).toEqual([]);
    // The bucket holds the content; nothing of it is kept on the local disk.
    expect(await readdir(api.config.evidence.dir)).toEqual(['tmp']);

    const download = await fetch(`${api.url}/api/evidence/${res.body.evidence![1].id}/content`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(large));
  });

  it('a refused upload (one file of the wrong type) leaves nothing in the bucket or on disk', async () => {
    const before = await keys();
    const res = await uploadEvidence(api, operator, taskId, [
      { name: '合格.pdf', content: pdfOfSize('s3-refused-batch', 6 * MB) },
      { name: '伪装.pdf', content: Buffer.from('MZ\x90\x00 not a pdf at all') },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('EVIDENCE_REJECTED');
    expect(await keys()).toEqual(before);
    expect(await openUploads()).toEqual([]);
    expect(await localStaging()).toEqual([]);
  });

  it('the integrity check reads the bucket: intact, then an altered object is found and refused', async () => {
    const first = await checkEvidenceIntegrity(db, store, 'cli');
    expect(first.run).toMatchObject({ ok: true, missing: 0, corrupt: 0, unreferenced: 0 });
    expect(first.run.checked).toBeGreaterThanOrEqual(2);

    const content = pdfOfSize('s3-altered', 100_000);
    const res = await uploadEvidence(api, operator, taskId, [{ name: '被改动.pdf', content }]);
    expect(res.status).toBe(201);
    const altered = Buffer.from(content);
    altered[50_000] ^= 1;
    await store.client.putObject(store.objectKey(sha256(content)), bufferBody(altered));
    // An object nobody references.
    const stray = Buffer.from('stray');
    await store.client.putObject(store.objectKey(sha256(stray)), bufferBody(stray));

    const second = await checkEvidenceIntegrity(db, store, 'cli');
    expect(second.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha256: sha256(content), kind: 'corrupt' }),
        expect.objectContaining({ sha256: sha256(stray), kind: 'unreferenced' }),
      ]),
    );
    expect(second.marked).toEqual([sha256(content)]);
    const refused = await fetch(`${api.url}/api/evidence/${res.body.evidence![0].id}/content`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(((await refused.json()) as { code: string }).code).toBe('EVIDENCE_INTEGRITY');
  });

  it('refuses to start with incomplete settings or a bucket that is not there, saying what to fix', async () => {
    let error: unknown;
    try {
      loadConfig({ EVIDENCE_STORE: 's3', S3_BUCKET: 'Bad_Bucket', S3_ENDPOINT: 'minio:9000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'S3_ACCESS_KEY_ID: required when EVIDENCE_STORE=s3',
      'S3_SECRET_ACCESS_KEY: required when EVIDENCE_STORE=s3',
      'S3_ENDPOINT: must be an http:// or https:// URL, e.g. https://minio.example.gov.cn:9000 (got "minio:9000")',
      'S3_BUCKET: must be 3–63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit (got "Bad_Bucket")',
    ]);
    expect(() => loadConfig({ EVIDENCE_STORE: 'oss' })).toThrow(
      /EVIDENCE_STORE: must be local or s3/,
    );
    // The local store stays the default.
    expect(loadConfig({}).evidence.store).toEqual({ kind: 'local' });

    // The store the evidence module builds at start (the same factory), from the same settings.
    const start = (env: Record<string, string>) =>
      createEvidenceStore(loadConfig({ ...env, EVIDENCE_DIR: api.config.evidence.dir }));
    await expect(start(s3Env('no-such-bucket'))).rejects.toThrow(
      /bucket "no-such-bucket" at http:\/\/127\.0\.0\.1:\d+ does not exist \(create it, or set S3_CREATE_BUCKET=true\)/,
    );
    await expect(
      start({ ...s3Env('duty-evidence'), S3_SECRET_ACCESS_KEY: 'wrong-secret' }),
    ).rejects.toThrow(/access to bucket "duty-evidence" .* denied/);
  });

  it('backs up from the bucket and restores into an empty one, checked by hash', async () => {
    const backupDir = await mkdtemp(path.join(os.tmpdir(), 'duty-s3-backup-'));
    const stagingDir = await mkdtemp(path.join(os.tmpdir(), 'duty-s3-restore-'));
    const target = await createTestDatabase({ empty: true });
    const into = await createEvidenceStore(
      loadConfig({ ...s3Env('duty-restored'), S3_CREATE_BUCKET: 'true', EVIDENCE_DIR: stagingDir }),
    );
    try {
      const referenced: Array<{ sha256: string }> = await db.query(
        `SELECT DISTINCT sha256 FROM evidence ORDER BY sha256`,
      );
      const { manifest } = await createBackup({
        databaseUrl: api.database.url,
        evidence: store,
        outDir: backupDir,
        migrationsTable: MIGRATIONS_TABLE,
      });
      // Every referenced object is in the backup, or reported (the one altered in the bucket
      // by the integrity test above is corrupt, and not copied).
      expect(
        [...manifest.evidence.objects, ...manifest.evidence.problems].map((o) => o.sha256).sort(),
      ).toEqual(referenced.map((r) => r.sha256));
      expect(manifest.evidence.objects.length).toBeGreaterThanOrEqual(2);
      for (const p of manifest.evidence.problems) expect(p.problem).toBe('corrupt');

      const result = await restoreBackup({
        fromDir: backupDir,
        databaseUrl: target.url,
        evidence: into,
        migrations,
        migrationsTable: MIGRATIONS_TABLE,
      });
      expect(result.evidenceObjects).toBe(manifest.evidence.objects.length);
      const restored: string[] = [];
      for await (const hash of into.list()) restored.push(hash);
      expect(restored.sort()).toEqual(manifest.evidence.objects.map((o) => o.sha256).sort());
      for (const hash of restored) {
        const chunks: Buffer[] = [];
        for await (const chunk of await into.open(hash)) chunks.push(chunk as Buffer);
        expect(sha256(Buffer.concat(chunks))).toBe(hash);
      }
      // The bucket now holds evidence: a second restore into it is refused before any write.
      const again = await createTestDatabase({ empty: true });
      try {
        await expect(
          restoreBackup({
            fromDir: backupDir,
            databaseUrl: again.url,
            evidence: into,
            migrations,
            migrationsTable: MIGRATIONS_TABLE,
          }),
        ).rejects.toThrow(/RESTORE_TARGET_NOT_EMPTY/);
      } finally {
        await again.drop();
      }
    } finally {
      into.close?.();
      await target.drop();
      await rm(backupDir, { recursive: true, force: true });
      await rm(stagingDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('reports in /ready whether the bucket answers, as a detail that does not take the server out', async () => {
    const ready = async () => {
      const res = await fetch(`${api.server.url}/ready`);
      return {
        status: res.status,
        body: (await res.json()) as { details: Record<string, unknown> },
      };
    };
    const up = await ready();
    expect(up.status).toBe(200);
    expect(up.body.details.evidenceStore).toEqual({ kind: 's3', status: 'ok' });
    // The bucket's server goes away (afterAll's stop is then a no-op): the server stays ready.
    await s3.stop();
    const down = await ready();
    expect(down.status).toBe(200);
    expect(down.body.details.evidenceStore).toMatchObject({ kind: 's3', status: 'error' });
    expect(JSON.stringify(down.body)).not.toContain(s3.endpoint);
  });
});
