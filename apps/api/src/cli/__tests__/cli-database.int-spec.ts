import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import type { AppConfig } from '../../config/config';
import { resolveDatabase, type ResolvedDatabase } from '../../database/database-url';
import { withConfiguredDatabase } from '../cli-support';

jest.setTimeout(180_000);

const logger = pino({ level: 'silent' });

/**
 * A command-line tool (seed, regulation:import, migrate …) while the API runs on the embedded
 * database: the API's process owns the data directory (owner lock with its PID) and its
 * PostgreSQL. The command must use that server, not start a second one on the same directory,
 * and must leave it running.
 */
describe('CLI database resolution beside a running embedded server', () => {
  let dir: string;
  let dataDir: string;
  let config: AppConfig;
  let server: ResolvedDatabase | undefined;
  /** Stands in for the API process that owns the data directory. */
  let owner: ChildProcess;
  const lockFile = () => `${dataDir}.owner.lock`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-cli-db-'));
    await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach it
    dataDir = path.join(dir, 'postgres');
    config = { database: { kind: 'embedded', dataDir, port: 0, poolMax: 2 } } as AppConfig;
    owner = spawn('sleep', ['600'], { stdio: 'ignore' });
    // The API's start: the embedded server with the application database and role.
    server = await resolveDatabase(config.database as never, logger);
    await writeFile(lockFile(), `${owner.pid}\n`);
  });
  afterAll(async () => {
    await server?.embedded?.stop();
    owner?.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it('connects to the running server as the application role and leaves it running', async () => {
    const running = await EmbeddedPostgres.runningOn(dataDir);
    expect(running).toBeDefined();
    const notes: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((line) => {
      notes.push(String(line));
      return true;
    });
    let seen: { user: string; port: number; db: string } | undefined;
    try {
      seen = await withConfiguredDatabase(config, logger, async (dataSource) => {
        const [row] = await dataSource.query(
          `SELECT current_user AS user, inet_server_port() AS port, current_database() AS db`,
        );
        return row as { user: string; port: number; db: string };
      });
    } finally {
      stderr.mockRestore();
    }
    expect(seen).toEqual({ user: 'duty_app', port: running!.port, db: 'duty' });
    expect(notes.join('')).toContain('正在运行');

    // As the schema owner too (migrations, seeding).
    const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const owned = await withConfiguredDatabase(
      config,
      logger,
      async (dataSource) => (await dataSource.query(`SELECT current_user AS user`))[0].user,
      { as: 'owner' },
    ).finally(() => quiet.mockRestore());
    expect(owned).toBe('duty');

    // The server still serves, its owner still holds the directory.
    expect(await EmbeddedPostgres.runningOn(dataDir)).toMatchObject({ port: running!.port });
    const client = new Client({ connectionString: server!.url });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await client.end();
    }
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(owner.pid));
  });

  it('refuses, touching nothing, when another live process owns the directory but no server answers', async () => {
    await server!.embedded!.stop();
    server = undefined;
    await writeFile(lockFile(), `${owner.pid}\n`); // the owner is starting up again
    await expect(
      withConfiguredDatabase(config, logger, async () => 'should not run'),
    ).rejects.toThrow(/正被另一个进程使用.*未做任何修改/u);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(owner.pid));
  });

  it('starts and stops its own server when no other process holds the directory', async () => {
    await rm(lockFile(), { force: true });
    const user = await withConfiguredDatabase(
      config,
      logger,
      async (dataSource) => (await dataSource.query(`SELECT current_user AS user`))[0].user,
    );
    expect(user).toBe('duty_app');
    expect(await EmbeddedPostgres.runningOn(dataDir)).toBeUndefined();
    expect(existsSync(lockFile())).toBe(false);
  });
});
