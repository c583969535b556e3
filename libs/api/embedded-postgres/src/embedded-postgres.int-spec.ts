import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, SupervisorEvent } from './embedded-postgres';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-embedded-'));
    await chmod(dir, 0o755); // reachable by the `postgres` user when tests run as root
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts, persists data across a restart, and stops without leaving a process', async () => {
    const dataDir = path.join(dir, 'restart');
    const first = new EmbeddedPostgres({ dataDir });
    const conn = await first.start();
    const pid = first.pid!;
    expect(conn.host).toBe('127.0.0.1');
    await query(conn.url, 'CREATE TABLE note (body text)');
    await query(conn.url, 'INSERT INTO note VALUES ($1)', ['职责清单']);
    // Only reachable with the generated password.
    const wrong = new URL(conn.url);
    wrong.password = 'not-the-password';
    await expect(query(wrong.toString(), 'SELECT 1')).rejects.toThrow(/password/);
    await first.stop();
    expect(isAlive(pid)).toBe(false);

    const second = new EmbeddedPostgres({ dataDir });
    const again = await second.start();
    try {
      expect(await query(again.url, 'SELECT body FROM note')).toEqual([{ body: '职责清单' }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second instance on the same data directory with a clear message', async () => {
    const dataDir = path.join(dir, 'exclusive');
    const owner = new EmbeddedPostgres({ dataDir });
    await owner.start();
    try {
      // Another process owns it: simulate by writing a live foreign PID into the lock file.
      const sleeper = spawn('sleep', ['30']);
      await writeFile(`${dataDir}.owner.lock`, `${sleeper.pid}\n`);
      try {
        await expect(new EmbeddedPostgres({ dataDir }).start()).rejects.toThrow(
          /already in use by another running instance \(PID \d+\)/,
        );
      } finally {
        sleeper.kill();
        await writeFile(`${dataDir}.owner.lock`, `${process.pid}\n`);
      }
    } finally {
      await owner.stop();
    }
  });

  it('takes over a data directory whose owner died, stopping the orphaned server', async () => {
    const dataDir = path.join(dir, 'orphan');
    // Its owner is gone, so nothing supervises it (in this process, the instance would).
    const crashed = new EmbeddedPostgres({ dataDir, supervise: false });
    const conn = await crashed.start();
    await query(conn.url, 'CREATE TABLE kept (id int)');
    const postmasterPid = Number(
      (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    // The owning process is gone (lock names a dead PID) but its PostgreSQL still runs.
    const dead = spawn('true');
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(`${dataDir}.owner.lock`, `${dead.pid}\n`);

    const successor = new EmbeddedPostgres({ dataDir });
    const next = await successor.start();
    try {
      expect(isAlive(postmasterPid)).toBe(false);
      expect(await query(next.url, `SELECT to_regclass('kept') IS NOT NULL AS ok`)).toEqual([
        { ok: true },
      ]);
    } finally {
      await successor.stop();
      await crashed.stop();
    }
  });

  it('restarts a postmaster killed with SIGKILL, with crash recovery, on the same port', async () => {
    const dataDir = path.join(dir, 'supervised');
    const events: SupervisorEvent[] = [];
    const server = new EmbeddedPostgres({
      dataDir,
      restartDelayMs: 200,
      onSupervisorEvent: (event) => events.push(event),
    });
    const conn = await server.start();
    try {
      await query(conn.url, 'CREATE TABLE kept (id int)');
      // Committed just before the kill: only in the WAL, not yet checkpointed.
      await query(conn.url, 'INSERT INTO kept SELECT generate_series(1, 500)');
      expect(await EmbeddedPostgres.runningOn(dataDir)).toMatchObject({ port: conn.port });
      const killed = server.pid!;
      process.kill(killed, 'SIGKILL');
      const deadline = Date.now() + 30_000;
      while (!events.some((e) => e.type === 'restarted')) {
        if (Date.now() > deadline) throw new Error(`not restarted: ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(events[0]).toMatchObject({ type: 'exited', signal: 'SIGKILL' });
      expect(server.pid).not.toBe(killed);
      expect(server.unavailableSince).toBeUndefined();
      expect(await query(conn.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 500 }]);
    } finally {
      await server.stop();
    }
    expect(await EmbeddedPostgres.runningOn(dataDir)).toBeUndefined();
  });
});
