import { ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import {
  buildApps,
  builtCli,
  databaseFingerprint,
  DatabaseFingerprint,
  evidenceFingerprint,
  root,
  serverReady,
} from '@duty/test-support';

/**
 * The operator's drill with the built commands on the embedded database: a server runs with
 * the demo data and a fresh change; `npm run backup` takes its backup online; the server stops;
 * the data directory is wiped; `npm run restore` rebuilds it (and refuses to run over it a
 * second time); the restored database equals the original table by table, the evidence store
 * byte for byte, and the server starts on it with the same accounts and the same change.
 */
const main = path.join(root, 'dist/api/apps/api/src/main.js');

function env(dataDir: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    EVIDENCE_FSCK_INTERVAL_HOURS: '0',
  };
  delete e.DATABASE_URL;
  delete e.DATABASE_OWNER_URL;
  return e;
}

function run(
  cli: string,
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [builtCli(cli), ...args], {
      cwd: root,
      env: env(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: env(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = await serverReady(child, 120_000);
  return { child, url: ready.url };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function gql<T>(url: string, token: string | undefined, query: string, variables = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function signIn(url: string): Promise<string> {
  const data = await gql<{ signIn: { token: string } }>(
    url,
    undefined,
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { username: 'enshi-scjg', password: 'Hubei@Demo2026' } },
  );
  return data.signIn.token;
}

/** Reads the database of a stopped server's data directory. */
async function fingerprintOf(pgDir: string): Promise<DatabaseFingerprint> {
  const server = new EmbeddedPostgres({ dataDir: pgDir });
  await server.start();
  try {
    return await databaseFingerprint(server.urlFor('duty'));
  } finally {
    await server.stop();
  }
}

describe('npm run backup / npm run restore on the embedded database', () => {
  let dir: string;

  beforeAll(async () => {
    buildApps();
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-drill-'));
    await chmod(dir, 0o755);
  }, 320_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('backs up a running server, restores into a wiped data directory, and serves the same data', async () => {
    const dataDir = path.join(dir, 'data');
    const backupDir = path.join(dir, 'backup');
    const note = `演练 drill ${Date.now()}`;
    const first = await start(dataDir);
    let taskId: string;
    try {
      const token = await signIn(first.url);
      const { tasks } = await gql<{
        tasks: {
          nodes: Array<{ id: string; rowVersion: number; capabilities: { edit: boolean } }>;
        };
      }>(
        first.url,
        token,
        '{ tasks(first: 50) { nodes { id rowVersion capabilities { edit } } } }',
      );
      const task = tasks.nodes.find((t) => t.capabilities.edit)!;
      taskId = task.id;
      await gql(
        first.url,
        token,
        'mutation($input: TaskChangeInput!) { updateTask(input: $input) { id } }',
        { input: { taskId, expectedRowVersion: task.rowVersion, progressNote: note } },
      );
      const backup = await run('backup', ['--out', backupDir], dataDir);
      expect(backup).toMatchObject({ code: 0 });
      expect(backup.output).toMatch(/Backing up the online database/);
      expect(backup.output).toMatch(/manifest\.json SHA-256: [0-9a-f]{64}/);
    } finally {
      expect(await stop(first.child)).toBe(0);
    }
    const before = await fingerprintOf(path.join(dataDir, 'postgres'));
    const beforeEvidence = await evidenceFingerprint(path.join(dataDir, 'evidence'));
    expect(Object.keys(beforeEvidence).length).toBeGreaterThan(0);

    await rm(dataDir, { recursive: true, force: true });
    const restore = await run('restore', [backupDir], dataDir);
    expect(restore.output).toMatch(/checksums equal to the backup/);
    expect(restore).toMatchObject({ code: 0 });
    const again = await run('restore', [backupDir], dataDir);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/RESTORE_TARGET_NOT_EMPTY/);

    const after = await fingerprintOf(path.join(dataDir, 'postgres'));
    // The restore's evidence fsck records its run: one row more, nothing else differs.
    const runs = (f: DatabaseFingerprint) => Number(f.tables.evidence_integrity_run.split(':')[0]);
    expect(runs(after)).toBe(runs(before) + 1);
    const withoutRuns = (f: DatabaseFingerprint) => ({
      ...f,
      tables: { ...f.tables, evidence_integrity_run: undefined },
      sequences: Object.fromEntries(
        Object.entries(f.sequences).filter(([name]) => !name.startsWith('evidence_integrity_run')),
      ),
    });
    expect(withoutRuns(after)).toEqual(withoutRuns(before));
    expect(await evidenceFingerprint(path.join(dataDir, 'evidence'))).toEqual(beforeEvidence);

    const second = await start(dataDir);
    try {
      const token = await signIn(second.url);
      const { task } = await gql<{ task: { progressNote: string } }>(
        second.url,
        token,
        'query($id: ID!) { task(id: $id) { progressNote } }',
        { id: taskId },
      );
      expect(task.progressNote).toBe(note);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 240_000);
});
