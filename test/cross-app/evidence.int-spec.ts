import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { dataOffset, flipByte, readZip } from '@duty/api/evidence-pack/testing';
import {
  buildApps,
  builtCli,
  createTestDatabase,
  root,
  serverReady,
  TestDatabase,
} from '@duty/test-support';

const run = promisify(execFile);
const main = path.join(root, 'dist/api/apps/api/src/main.js');
const MB = 1024 * 1024;

/**
 * Evidence end to end with the built server in a process of its own (so that its memory can be
 * measured): a 200 MB upload with the server's resident memory watched, upload throughput next
 * to `sha256sum` + `cp` of the same file, a prefecture's sealed pack checked by the built
 * `evidence:verify` (clean, then with one byte flipped), and `evidence:fsck` finding a file
 * corrupted on disk. Figures are printed for the closing note.
 */
describe('evidence with the built server and commands (memory, throughput, packs, fsck)', () => {
  let dir: string;
  let database: TestDatabase;
  let server: ChildProcess;
  let url: string;
  let evidenceDir: string;
  let env: NodeJS.ProcessEnv;
  const measured: Record<string, unknown> = {};

  const rssOf = async (pid: number) => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
  };
  const signIn = async (username: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($i: SignInInput!) { signIn(input: $i) { token } }`,
        variables: { i: { username, password: 'Hubei@Demo2026' } },
      }),
    });
    return ((await res.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  };
  const cli = async (name: string, args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, [builtCli(name), ...args], {
        cwd: root,
        env,
        timeout: 300_000,
      });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
    }
  };
  /** A PDF of `size` bytes written to disk in chunks (never held in memory). */
  const bigPdf = async (file: string, size: number, seed: string) => {
    const head = Buffer.from(`%PDF-1.4\n% ${seed}\n`, 'latin1');
    const tail = Buffer.from('\n%%EOF\n', 'latin1');
    const out = createWriteStream(file);
    out.write(head);
    let left = size - head.length - tail.length;
    const chunk = Buffer.alloc(MB);
    for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 131 + seed.length) & 0xff;
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      if (!out.write(chunk.subarray(0, n)))
        await new Promise<void>((r) => out.once('drain', () => r()));
      left -= n;
    }
    out.end(tail);
    await new Promise<void>((r) => out.once('finish', () => r()));
  };
  /** Streams one file as multipart/form-data to the upload endpoint (the client buffers nothing). */
  const upload = (token: string, taskId: string, file: string, name: string) =>
    stat(file).then(
      ({ size }) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const boundary = `b${Date.now()}`;
          const head = Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: application/pdf\r\n\r\n`,
          );
          const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
          const req = http.request(`${url}/api/tasks/${taskId}/evidence`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'x-requested-with': 'test',
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'content-length': String(head.length + size + tail.length),
            },
          });
          req.on('response', (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          });
          req.on('error', reject);
          req.write(head);
          const source = createReadStream(file);
          source.pipe(req, { end: false });
          source.on('end', () => req.end(tail));
        }),
    );

  let operatorTask: string;
  let operatorToken: string;

  beforeAll(async () => {
    buildApps();
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-evidence-e2e-'));
    evidenceDir = path.join(dir, 'evidence');
    database = await createTestDatabase();
    env = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: database.url,
      DATA_DIR: dir,
      EVIDENCE_DIR: evidenceDir,
      EVIDENCE_MAX_FILE_BYTES: String(300 * MB),
      SEED_DEMO_DATA: 'true',
      SEED_DEMO_CYCLE: 'true',
      PASSWORD_HASH_COST_LOG2: '12',
      EVIDENCE_FSCK_INTERVAL_HOURS: '0',
      WEB_DIST_DIR: '/nonexistent-web-build',
      LOG_LEVEL: 'info',
    };
    server = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    ({ url } = await serverReady(server));
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const [row] = (
      await db.query(
        `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
          WHERE t.unit_code = '420102' AND d.kind_code = 'market_regulation' AND t.status IN ('NOT_STARTED', 'IN_PROGRESS')
          ORDER BY t.id LIMIT 1`,
      )
    ).rows;
    await db.end();
    operatorTask = row.id;
    operatorToken = await signIn('jiangan-scjg');
  }, 400_000);

  afterAll(async () => {
    process.stdout.write(`\nEVIDENCE MEASUREMENTS ${JSON.stringify(measured)}\n`);
    server?.kill('SIGTERM');
    await new Promise((r) => (server?.exitCode !== null ? r(null) : server.once('exit', r)));
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads 200 MB with the server’s resident memory growing by less than 64 MB', async () => {
    const file = path.join(dir, 'big-200.pdf');
    await bigPdf(file, 200 * MB, 'two hundred');
    const before = await rssOf(server.pid!);
    let peak = before;
    const sampler = setInterval(() => {
      rssOf(server.pid!).then(
        (rss) => (peak = Math.max(peak, rss)),
        () => undefined,
      );
    }, 25);
    const started = Date.now();
    const res = await upload(operatorToken, operatorTask, file, '两百兆大文件.pdf');
    clearInterval(sampler);
    expect(res.status).toBe(201);
    const growth = peak - before;
    measured.upload200MB = {
      seconds: (Date.now() - started) / 1000,
      rssBeforeMB: +(before / MB).toFixed(1),
      rssPeakMB: +(peak / MB).toFixed(1),
      rssGrowthMB: +(growth / MB).toFixed(1),
    };
    expect(growth).toBeLessThan(64 * MB);
    const body = JSON.parse(res.body) as { evidence: Array<{ size: number; sha256: string }> };
    expect(body.evidence[0].size).toBe(200 * MB);
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    expect(body.evidence[0].sha256).toBe(hash.digest('hex'));
    await rm(file);
  });

  it('measures upload throughput for 100 MB next to sha256sum + cp of the same file', async () => {
    const file = path.join(dir, 'big-100.pdf');
    await bigPdf(file, 100 * MB, 'one hundred');
    const rawStart = process.hrtime.bigint();
    await run('sha256sum', [file]);
    await run('cp', [file, path.join(dir, 'copy-100.pdf')]);
    await run('sync', []);
    const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;
    const start = process.hrtime.bigint();
    const res = await upload(operatorToken, operatorTask, file, '百兆文件.pdf');
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    expect(res.status).toBe(201);
    measured.throughput100MB = {
      uploadSeconds: +seconds.toFixed(2),
      uploadMBps: +(100 / seconds).toFixed(1),
      sha256sumPlusCpSeconds: +rawSeconds.toFixed(2),
      sha256sumPlusCpMBps: +(100 / rawSeconds).toFixed(1),
    };
    await rm(file);
    await rm(path.join(dir, 'copy-100.pdf'));
  });

  it('packs a prefecture’s evidence into a ZIP that evidence:verify passes, and fails on one flipped byte', async () => {
    const auditor = await signIn('auditor');
    const cycle = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auditor}` },
      body: JSON.stringify({ query: `{ cycles { id year } }` }),
    });
    const cycleId = ((await cycle.json()) as { data: { cycles: Array<{ id: string }> } }).data
      .cycles[0].id;
    const started = Date.now();
    const res = await fetch(`${url}/api/evidence/pack?cycleId=${cycleId}&unitCode=422800`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = path.join(dir, 'enshi.zip');
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(zip));
    const size = (await stat(zip)).size;

    const clean = await cli('evidence-verify', [zip]);
    expect(clean.code).toBe(0);
    const checked = Number(/(\d+) file\(s\) checked, 0 problem/.exec(clean.stdout)![1]);
    expect(checked).toBeGreaterThan(20);
    measured.prefecturePack = {
      files: checked,
      bytes: size,
      seconds: (Date.now() - started) / 1000,
    };

    // Every path is <prefecture>/<county>/第N条/<task>/<file>, all inside 恩施州.
    const names = (await readZip(zip)).entries.map(({ entry }) => entry.fileName);
    const files = names.filter((n) => !n.startsWith('manifest.'));
    expect(names.slice(0, 2)).toEqual(['manifest.csv', 'manifest.sha256']);
    expect(
      files.every((n) => /^恩施土家族苗族自治州\/[^/]+\/第\d+条\/[^/]+\/[^/]+\.pdf$/.test(n)),
    ).toBe(true);

    // Flip one byte inside one stored file: the verifier names that file and fails.
    const target = files[3];
    await flipByte(zip, (await dataOffset(zip, target)) + 10);
    const broken = await cli('evidence-verify', [zip]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(target);
    expect(broken.stdout).toContain('哈希不符');

    // The download is in the security audit log.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const audit = await db.query(
      `SELECT actor_username, result, detail FROM security_audit_log WHERE action = 'EVIDENCE_PACK_DOWNLOADED'`,
    );
    await db.end();
    expect(audit.rows).toEqual([
      expect.objectContaining({
        actor_username: 'auditor',
        result: 'success',
        detail: expect.objectContaining({ unitCode: '422800', files: checked }),
      }),
    ]);
  });

  it('evidence:fsck passes on a clean store and finds a file corrupted on disk', async () => {
    const ok = await cli('evidence-fsck', []);
    expect(ok.stdout).toMatch(/0 missing, 0 corrupt, 0 unreferenced — OK/);
    expect(ok.code).toBe(0);

    const db = new Client({ connectionString: database.url });
    await db.connect();
    const [{ sha256 }] = (
      await db.query(`SELECT sha256 FROM evidence WHERE size < 10000 ORDER BY sha256 LIMIT 1`)
    ).rows;
    await db.end();
    const stored = path.join(
      evidenceDir,
      'objects',
      sha256.slice(0, 2),
      sha256.slice(2, 4),
      sha256,
    );
    const content = await readFile(stored);
    content[content.length - 3] ^= 0x01;
    await writeFile(stored, content);

    const bad = await cli('evidence-fsck', []);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(sha256);
    expect(bad.stdout).toMatch(/损坏/);
    expect(bad.stdout).toMatch(/1 corrupt/);
    // /ready shows the last result.
    const ready = (await (await fetch(`${url}/ready`)).json()) as {
      details: { evidenceIntegrity: Record<string, unknown> };
    };
    expect(ready.details.evidenceIntegrity).toMatchObject({
      status: 'problems',
      corrupt: 1,
      source: 'cli',
    });
  });
});
