import { ChildProcess, spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApps, root, serverReady } from '@duty/test-support';

/**
 * The newcomer path end to end: the built API (dist/) started as `npm start` starts it, with no
 * DATABASE_URL, on the embedded PostgreSQL; the web app and GraphQL on one port; SIGTERM; restart.
 */
const main = path.join(root, 'dist/api/apps/api/src/main.js');

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startServer(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  user: { uid?: number; gid?: number } = {},
): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, ...extraEnv };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  return serverReady(child, 90_000).then((ready) => ({ child, ...ready }));
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(
      () => reject(new Error(`did not exit within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** PIDs of processes whose command line mentions `needle` (e.g. a postgres data directory). */
async function processesMentioning(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(needle)) pids.push(Number(entry));
  }
  return pids;
}

async function systemInfo(
  url: string,
): Promise<{ demoDataLoadedAt: string; databaseMode: string }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ systemInfo { databaseMode demoDataLoadedAt } }' }),
  });
  const body = (await res.json()) as {
    data: { systemInfo: { demoDataLoadedAt: string; databaseMode: string } };
  };
  return body.data.systemInfo;
}

describe('npm start on the embedded database', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    buildApps();
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-start-'));
    await chmod(dir, 0o755);
    dataDir = path.join(dir, 'data');
  }, 320_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the web app and GraphQL on one port, stops on SIGTERM, and keeps its data', async () => {
    const first = await startServer(dataDir);
    try {
      const page = await fetch(`${first.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toMatch(/<div id="root">/);
      // Client-side routes get the app; missing assets are real 404s.
      expect((await fetch(`${first.url}/tasks/123`)).status).toBe(200);
      expect((await fetch(`${first.url}/assets/missing-file.js`)).status).toBe(404);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      const script = await fetch(`${first.url}${asset}`);
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toContain('immutable');

      const info = await systemInfo(first.url);
      expect(info.databaseMode).toBe('EMBEDDED');
      expect(info.demoDataLoadedAt).toBeTruthy();
      expect((await fetch(`${first.url}/ready`)).status).toBe(200);

      // A second instance on the same data directory is refused with a clear message.
      await expect(startServer(dataDir)).rejects.toMatchObject({
        code: 1,
        output: expect.stringMatching(/already in use by another running instance/),
      });

      expect(await processesMentioning(dataDir)).not.toHaveLength(0);
      first.child.kill('SIGTERM');
      expect(await exitOf(first.child, 15_000)).toBe(0);
      expect(await processesMentioning(dataDir)).toEqual([]);

      // Production refuses to start while a demo account keeps its documented password.
      await expect(startServer(dataDir, { NODE_ENV: 'production' })).rejects.toMatchObject({
        code: 1,
        output: expect.stringMatching(
          /demo account\(s\) .*sysadmin.* still have the documented demo password/,
        ),
      });
      expect(await processesMentioning(dataDir)).toEqual([]);

      const second = await startServer(dataDir);
      try {
        expect((await systemInfo(second.url)).demoDataLoadedAt).toBe(info.demoDataLoadedAt);
      } finally {
        second.child.kill('SIGINT');
        expect(await exitOf(second.child, 15_000)).toBe(0);
      }
      expect(await processesMentioning(dataDir)).toEqual([]);
    } finally {
      first.child.kill('SIGKILL');
    }
  }, 240_000);

  const asRoot = process.getuid?.() === 0;
  (asRoot ? it : it.skip)(
    'also runs as a normal (non-root) user, PostgreSQL then running as that user',
    async () => {
      // As root the test above covers the root path (PostgreSQL as `postgres`); this covers the
      // other. As a normal user, the test above already is this case.
      const nobody = { uid: 65534, gid: 65534 };
      const userDir = path.join(dir, 'as-nobody');
      await mkdir(userDir);
      await chown(userDir, nobody.uid, nobody.gid);
      const server = await startServer(path.join(userDir, 'data'), {}, nobody);
      try {
        expect((await systemInfo(server.url)).databaseMode).toBe('EMBEDDED');
      } finally {
        server.child.kill('SIGTERM');
        expect(await exitOf(server.child, 15_000)).toBe(0);
      }
      expect(await processesMentioning(userDir)).toEqual([]);
    },
  );

  it('refuses to start on a bad configuration value, naming the variable', async () => {
    await expect(startServer(dataDir, { PORT: 'eighty' })).rejects.toMatchObject({
      code: 78,
      output: expect.stringMatching(/PORT: must be a number/),
    });
  });
});
