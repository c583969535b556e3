import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import { buildApps, root, serverReady } from '@duty/test-support';

/**
 * Fault injection against the built server (dist/, as `npm start` runs it) on a real embedded
 * PostgreSQL, under a bounded load of task updates through GraphQL:
 * - kill -9 of the postmaster: the server restarts it, answers 503 + Retry-After meanwhile
 *   (never 500, never a stack trace), is back within 30 s, and every write it acknowledged is
 *   in the database afterwards;
 * - SIGTERM: in-flight requests complete, no connection is reset;
 * - a database that stays gone (DATABASE_URL mode): /health fails and the process exits 1.
 */
const main = path.join(root, 'dist/api/apps/api/src/main.js');
const PASSWORD = 'Hubei@Demo2026';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startServer(env: Record<string, string>): Promise<Started> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'info',
    EVIDENCE_FSCK_INTERVAL_HOURS: '0',
    ...env,
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return serverReady(child, 120_000).then((ready) => ({ child, ...ready }));
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms`)), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  byStatus: Map<number, number>;
  stackTraces: number;
  /** fetch failed: code of the cause (ECONNRESET, UND_ERR_SOCKET, ECONNREFUSED…) */
  networkErrors: Map<string, number>;
  retryAfterMissing: number;
  /** The first few unexpected answers (500, a stack trace), for the failure message. */
  samples: string[];
}

function newTally(): Tally {
  return {
    byStatus: new Map(),
    stackTraces: 0,
    networkErrors: new Map(),
    retryAfterMissing: 0,
    samples: [],
  };
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

type GqlResult = {
  status: number;
  body?: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
};

async function gql(
  url: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown>,
  tally: Tally,
): Promise<GqlResult | { network: string }> {
  let res: Response;
  try {
    res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? cause?.message ?? (error as Error).message;
    bump(tally.networkErrors, code);
    if (code !== 'ECONNREFUSED' && tally.samples.length < 3) {
      tally.samples.push(`${code}: ${cause?.message ?? ''} at ${new Date().toISOString()}`);
    }
    return { network: code };
  }
  bump(tally.byStatus, res.status);
  const text = await res.text();
  const stack = /stacktrace|\n\s+at .+\(.+:\d+:\d+\)/.test(text);
  if (stack) tally.stackTraces++;
  if ((stack || (res.status >= 500 && res.status !== 503)) && tally.samples.length < 3) {
    tally.samples.push(`${res.status} ${text.slice(0, 2000)}`);
  }
  if (res.status === 503 && !res.headers.get('retry-after')) tally.retryAfterMissing++;
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status };
  }
}

async function signIn(url: string, username: string): Promise<string> {
  const result = await gql(
    url,
    undefined,
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { username, password: PASSWORD } },
    newTally(),
  );
  const token = ('body' in result &&
    (result.body?.data?.signIn as { token?: string } | undefined)?.token) as string | undefined;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  return token;
}

const UPDATE = `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id rowVersion progressNote } }`;
const TASK = `query($id: ID!) { task(id: $id) { id rowVersion } }`;

interface Ack {
  taskId: string;
  note: string;
}

/**
 * One writer per task, so that row versions only move by its own writes. A success is an
 * acknowledged write; a 503 or a network failure is an unknown outcome: the writer reads the
 * task's row version again and carries on.
 */
async function writer(
  url: string,
  token: string,
  taskId: string,
  label: string,
  tally: Tally,
  acks: Ack[],
  running: () => boolean,
): Promise<void> {
  let rowVersion: number | undefined;
  for (let n = 0; running(); n++) {
    if (rowVersion === undefined) {
      const read = await gql(url, token, TASK, { id: taskId }, tally);
      const task = 'body' in read ? (read.body?.data?.task as { rowVersion: number }) : undefined;
      if (!task) {
        if ('network' in read && read.network === 'ECONNREFUSED') return;
        await sleep(200);
        continue;
      }
      rowVersion = task.rowVersion;
    }
    const note = `fault-${label}-${n}-${Date.now()}`;
    const result = await gql(
      url,
      token,
      UPDATE,
      { input: { taskId, expectedRowVersion: rowVersion, progressNote: note } },
      tally,
    );
    const updated =
      'body' in result
        ? (result.body?.data?.updateTask as { rowVersion: number; progressNote: string } | null)
        : undefined;
    if (updated && 'status' in result && result.status === 200 && updated.progressNote === note) {
      acks.push({ taskId, note });
      rowVersion = updated.rowVersion;
      await sleep(25);
      continue;
    }
    if ('network' in result && result.network === 'ECONNREFUSED') return; // server gone
    rowVersion = undefined;
    await sleep(200);
  }
}

async function editableTasks(url: string, token: string, count: number): Promise<string[]> {
  const result = await gql(
    url,
    token,
    '{ tasks(first: 100) { nodes { id capabilities { edit } } } }',
    {},
    newTally(),
  );
  const nodes =
    'body' in result
      ? ((
          result.body?.data?.tasks as {
            nodes: Array<{ id: string; capabilities: { edit: boolean } }>;
          }
        )?.nodes ?? [])
      : [];
  const ids = nodes.filter((t) => t.capabilities.edit).map((t) => t.id);
  if (ids.length < count)
    throw new Error(`only ${ids.length} editable tasks: ${JSON.stringify(result)}`);
  return ids.slice(0, count);
}

async function readyWithin(url: string, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const res = await fetch(`${url}/ready`).catch(() => undefined);
    if (res?.status === 200) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`not ready within ${ms} ms`);
}

describe('fault injection on the built server', () => {
  let dir: string;

  beforeAll(async () => {
    buildApps();
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-fault-'));
    await chmod(dir, 0o755);
  }, 320_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('survives kill -9 of PostgreSQL under load and drains on SIGTERM without resets', async () => {
    const dataDir = path.join(dir, 'data');
    const server = await startServer({ DATA_DIR: dataDir });
    try {
      const token = await signIn(server.url, 'enshi-scjg');
      const tasks = await editableTasks(server.url, token, 4);

      // Phase 1: load, kill -9 the postmaster, keep the load until the service is back.
      const tally = newTally();
      const acks: Ack[] = [];
      let loading = true;
      const writers = tasks.map((id, i) =>
        writer(server.url, token, id, `k${i}`, tally, acks, () => loading),
      );
      await sleep(3000);
      const acksBeforeKill = acks.length;
      const pgDir = path.join(dataDir, 'postgres');
      const postmaster = Number(
        (await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
      );
      process.kill(postmaster, 'SIGKILL');
      const killedAt = Date.now();
      const backAfterMs = await readyWithin(server.url, 30_000);
      // The first write acknowledged after the kill.
      const acksAtReady = acks.length;
      while (acks.length === acksAtReady && Date.now() - killedAt < 30_000) await sleep(50);
      const writesBackAfterMs = Date.now() - killedAt;
      // Writes go through again.
      const acksAtRecovery = acks.length;
      await sleep(2000);
      loading = false;
      await Promise.all(writers);

      expect(acksBeforeKill).toBeGreaterThan(0);
      expect(acks.length).toBeGreaterThan(acksAtRecovery);
      expect(backAfterMs).toBeLessThan(30_000);
      expect(writesBackAfterMs).toBeLessThan(30_000);
      expect(tally.samples).toEqual([]);
      expect(tally.byStatus.get(500) ?? 0).toBe(0);
      expect(tally.stackTraces).toBe(0);
      expect(tally.retryAfterMissing).toBe(0);
      expect([...tally.networkErrors.keys()]).toEqual([]);
      expect([...tally.byStatus.keys()].every((s) => s === 200 || s === 503)).toBe(true);

      // Every acknowledged write is in the database: its note in the task's history.
      const connection = await EmbeddedPostgres.runningOn(pgDir, 'duty');
      expect(connection).toBeDefined();
      const client = new Client({ connectionString: connection!.url });
      await client.connect();
      try {
        const found = await client.query<{ note: string }>(
          `SELECT n.note FROM unnest($1::text[], $2::uuid[]) AS n(note, task_id)
            WHERE EXISTS (SELECT 1 FROM task_event e
                           WHERE e.task_id = n.task_id AND e.after::text LIKE '%' || n.note || '%')`,
          [acks.map((a) => a.note), acks.map((a) => a.taskId)],
        );
        const lost = acks.filter((a) => !found.rows.some((r) => r.note === a.note));
        expect(lost).toEqual([]);
      } finally {
        await client.end();
      }
      const statuses = Object.fromEntries(tally.byStatus);
      process.stdout.write(
        `kill -9: /ready 200 after ${backAfterMs} ms, first acknowledged write after ${writesBackAfterMs} ms; acknowledged writes ${acks.length}, lost 0; responses by status ${JSON.stringify(statuses)}\n`,
      );

      // Phase 2: SIGTERM under load: in-flight requests complete, nothing is reset.
      const drainTally = newTally();
      const drainAcks: Ack[] = [];
      let draining = true;
      const drainWriters = tasks.map((id, i) =>
        writer(server.url, token, id, `t${i}`, drainTally, drainAcks, () => draining),
      );
      await sleep(2000);
      const sigtermAt = new Date().toISOString();
      server.child.kill('SIGTERM');
      expect(await exitOf(server.child, 30_000)).toBe(0);
      draining = false;
      await Promise.all(drainWriters);
      const resets = [...drainTally.networkErrors].filter(([code]) => code !== 'ECONNREFUSED');
      expect({ resets, samples: drainTally.samples, sigterm: sigtermAt }).toEqual({
        resets: [],
        samples: [],
        sigterm: sigtermAt,
      });
      expect(drainTally.byStatus.get(500) ?? 0).toBe(0);
      expect(drainAcks.length).toBeGreaterThan(0);
      process.stdout.write(
        `SIGTERM: ${drainAcks.length} acknowledged writes, responses ${JSON.stringify(Object.fromEntries(drainTally.byStatus))}, refused after close ${drainTally.networkErrors.get('ECONNREFUSED') ?? 0}, reset 0\n`,
      );
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 150_000);

  it('exits non-zero when its database (DATABASE_URL) stays gone past the limit', async () => {
    const external = new EmbeddedPostgres({
      dataDir: path.join(dir, 'external'),
      supervise: false,
    });
    const connection = await external.start();
    let server: Started | undefined;
    try {
      server = await startServer({
        DATABASE_URL: connection.url,
        DATA_DIR: path.join(dir, 'external-app'),
        SEED_DEMO_DATA: 'false',
        DATABASE_OUTAGE_LIMIT_SECONDS: '5',
      });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      await external.stop();
      const tally = newTally();
      const during = await gql(server.url, undefined, '{ systemInfo { databaseMode } }', {}, tally);
      expect(during).toMatchObject({
        status: 503,
        body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      });
      // With a session token, the GraphQL context's session lookup meets the outage first.
      const token = randomBytes(32).toString('base64url'); // well-formed, so it is looked up
      const withToken = await gql(server.url, token, '{ __typename }', {}, tally);
      expect(withToken).toMatchObject({
        status: 503,
        body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      });
      // A REST endpoint: the same code as JSON, 503 with Retry-After.
      const rest = await fetch(`${server.url}/api/tasks/spreadsheet`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(rest.status).toBe(503);
      expect(rest.headers.get('retry-after')).toBe('5');
      expect(await rest.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(tally.retryAfterMissing).toBe(0);
      expect(tally.stackTraces).toBe(0);
      // Liveness holds until the limit, then fails; the process exits 1.
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const exited = await exitOf(server.child, 30_000);
      expect(exited).toBe(1);
      expect(server.output()).toMatch(/Database unavailable beyond the limit/);
    } finally {
      server?.child.kill('SIGKILL');
      await external.stop();
    }
  }, 120_000);
});
