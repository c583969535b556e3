import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

/**
 * A real PostgreSQL hot standby for tests: pg_basebackup from a running primary, started with
 * pg_ctl on a free port in a temporary directory, stopped and removed afterwards. As root,
 * every PostgreSQL program runs as the `postgres` system user (the server refuses root).
 */

/** pg_basebackup on the PATH, or null. */
export function findProgram(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const runAsPostgres = typeof process.getuid === 'function' && process.getuid() === 0;

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    execFileAsync('id', ['-u', 'postgres']),
    execFileAsync('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a PostgreSQL program (as `postgres` when we are root); rejects with its stderr. */
export async function runPg(program: string, args: string[]): Promise<string> {
  const [file, argv] = runAsPostgres
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  try {
    const { stdout } = await execFileAsync(file, argv, {
      env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' },
      timeout: 180_000,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${path.basename(program)} failed: ${e.stderr?.trim() || e.message}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A directory the server's user owns (and can reach), removed by the caller. */
async function serverDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  if (runAsPostgres) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  return dir;
}

export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The directory of pg_ctl, initdb and postgres of a major version (Debian's layout), or PG_BIN_DIR. */
export function serverBinDir(major: number): string {
  const dir = process.env.PG_BIN_DIR ?? `/usr/lib/postgresql/${major}/bin`;
  try {
    accessSync(path.join(dir, 'pg_ctl'), constants.X_OK);
  } catch {
    throw new Error(
      `PostgreSQL ${major} server programs (pg_ctl, postgres) not found in ${dir}: install postgresql-${major} or set PG_BIN_DIR`,
    );
  }
  return dir;
}

/** A server this test started (pg_ctl), on 127.0.0.1:port, superuser `postgres`, trust. */
export class TestServer {
  constructor(
    readonly dir: string,
    readonly dataDir: string,
    readonly port: number,
    readonly binDir: string,
  ) {}

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    await runPg(path.join(this.binDir, 'pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.dir}`,
      '-w',
      '-t',
      '120',
      'start',
    ]).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await this.logTail()}`);
    });
  }

  /** `fast` ends connections cleanly; `immediate` is a crash (as when the machine dies). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await runPg(path.join(this.binDir, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  async logTail(lines = 20): Promise<string> {
    const log = await readFile(path.join(this.dir, 'server.log'), 'utf8').catch(() => '');
    return log.split('\n').slice(-lines).join('\n');
  }

  /** Stops the server if it runs and removes its directory. */
  async remove(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Settings a standby needs at least at the primary's values, or it refuses to start. */
const STANDBY_MINIMUMS = [
  'max_connections',
  'max_worker_processes',
  'max_wal_senders',
  'max_prepared_transactions',
  'max_locks_per_transaction',
];

/**
 * pg_basebackup -R -X stream from `primaryUrl` into a new directory and starts the copy as a
 * hot standby streaming from it. The configuration files are written afresh: on Debian they
 * live in /etc, not in the data directory pg_basebackup copies.
 */
export async function startHotStandby(primaryUrl: string): Promise<TestServer> {
  const settings = await withClient(primaryUrl, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name = ANY ($1) OR name = 'server_version_num'`,
      [STANDBY_MINIMUMS],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
  const binDir = serverBinDir(Math.floor(Number(settings.server_version_num) / 10000));
  const dir = await serverDir('duty-standby-');
  const server = new TestServer(dir, path.join(dir, 'data'), await freePort(), binDir);
  try {
    await runPg(path.join(binDir, 'pg_basebackup'), [
      '-d',
      primaryUrl,
      '-D',
      server.dataDir,
      '-R',
      '-X',
      'stream',
      // A spread checkpoint would make the copy wait for minutes.
      '--checkpoint=fast',
      '--no-sync',
    ]);
    await writeServerConfig(
      server,
      STANDBY_MINIMUMS.map((name) => `${name} = ${settings[name]}`),
    );
    await server.start();
  } catch (error) {
    await server.remove();
    throw error;
  }
  return server;
}

/**
 * A fresh primary of its own (initdb, trust, replication allowed from 127.0.0.1), for machines
 * whose PostgreSQL refuses replication connections.
 */
export async function startScratchPrimary(major: number): Promise<TestServer> {
  const binDir = serverBinDir(major);
  const dir = await serverDir('duty-primary-');
  const server = new TestServer(dir, path.join(dir, 'data'), await freePort(), binDir);
  try {
    await runPg(path.join(binDir, 'initdb'), [
      '-D',
      server.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await writeServerConfig(server, ['wal_level = replica', 'max_wal_senders = 5']);
    await server.start();
  } catch (error) {
    await server.remove();
    throw error;
  }
  return server;
}

async function writeServerConfig(server: TestServer, extra: string[]): Promise<void> {
  const conf = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${server.port}`,
    `unix_socket_directories = '${server.dir}'`,
    'hot_standby = on',
    'fsync = off',
    'shared_buffers = 32MB',
    ...extra,
    '',
  ].join('\n');
  const hba = [
    'local all all trust',
    'host all all 127.0.0.1/32 trust',
    'local replication all trust',
    'host replication all 127.0.0.1/32 trust',
    '',
  ].join('\n');
  const files: Array<[string, string]> = [
    ['postgresql.conf', conf],
    ['pg_hba.conf', hba],
    ['pg_ident.conf', ''],
  ];
  for (const [name, content] of files) {
    const file = path.join(server.dataDir, name);
    await writeFile(file, content, { mode: 0o600 });
    if (runAsPostgres) {
      const { uid, gid } = await postgresIds();
      await chown(file, uid, gid);
    }
  }
}
