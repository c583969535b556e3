import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Client, Pool } from 'pg';
import { samplePdf } from '@duty/api/file-types';
import { print, withScratchDatabase } from '../cli/cli-support';
import { ensureAppRole } from '../database/app-role';
import { verifyChain } from '../integrity/chain-verify';
import { CHAINS } from '../integrity/chains';
import { BenchServer, startBenchServer } from './bench-server';
import { DEMO_PASSWORD } from '../user/demo-accounts';

export interface StatusBenchOptions {
  /** Status changes per phase. */
  changes: number;
  /** Phases per mode; the modes alternate (unchained, chained, unchained, …). */
  rounds: number;
  /** Concurrent clients, each working on its own tasks. */
  concurrency: number;
  serverUrl?: string;
  out?: (line?: string) => void;
}

export interface StatusBenchResult {
  unchainedPerSecond: number;
  chainedPerSecond: number;
  /** chained / unchained. */
  ratio: number;
}

/** The cycle each task goes round: operator submits, supervisor returns, operator resumes. */
const STEPS = [
  { status: 'SUBMITTED', by: 'operator' },
  { status: 'RETURNED', by: 'supervisor', reason: '材料需补充（基准测试）' },
  { status: 'IN_PROGRESS', by: 'operator' },
] as const;

const OPERATOR = 'enshi-scjg';
const SUPERVISOR = 'enshi-zhou';

interface BenchTask {
  id: string;
  rowVersion: number;
  step: number;
}

/** What a bench of status changes works with: the server, sessions and prepared tasks. */
export interface StatusBenchSetup {
  /** The API's base URL. */
  base: string;
  /** The database owner (DDL, checks). */
  owner: Client;
  /** The app's least-privilege role, as the server connects (for raw-SQL comparisons). */
  appUrl: string;
  sessions: { operator: string; supervisor: string };
  /** The operator's tasks, each in progress with a note and an evidence file. */
  tasks: BenchTask[];
}

/**
 * A throw-away database with the demo units and accounts and one cycle, the real API started
 * on it as the app's least-privilege role, and the operator's tasks made ready to go round
 * {@link STEPS}; `body` runs against it, and everything is dropped afterwards.
 */
async function withStatusBenchSetup<T>(
  options: { serverUrl?: string; concurrency: number },
  out: (line?: string) => void,
  body: (setup: StatusBenchSetup) => Promise<T>,
): Promise<T> {
  return withScratchDatabase(options.serverUrl, async (ownerUrl) => {
    const appRole = `duty_bench_${randomBytes(4).toString('hex')}`;
    const appPassword = randomBytes(18).toString('hex');
    await ensureAppRole(ownerUrl, appRole, appPassword);
    const appUrl = new URL(ownerUrl);
    appUrl.username = appRole;
    appUrl.password = appPassword;
    const owner = new Client({ connectionString: ownerUrl, application_name: 'bench-status' });
    let bench: BenchServer | undefined;
    try {
      bench = await startBenchServer(
        {
          SEED_DEMO_DATA: 'true',
          SEED_DEMO_CYCLE: 'false',
          AUDIT_VERIFY_INTERVAL_HOURS: '0',
          PASSWORD_HASH_COST_LOG2: '12',
        },
        { databaseUrl: appUrl.toString(), databaseOwnerUrl: ownerUrl },
      );
      const server = bench.server;
      await owner.connect();
      const base = server.url;
      const province = await signIn(base, 'province');
      const operator = await signIn(base, OPERATOR);
      const supervisor = await signIn(base, SUPERVISOR);
      const [{ id: versionId }] = (await owner.query(`SELECT id FROM regulation_version LIMIT 1`))
        .rows;
      await graphql(
        base,
        province,
        `
          mutation ($v: ID!) {
            createCycle(
              input: {
                year: 2026
                regulationVersionId: $v
                startDate: "2026-01-01"
                dueDate: "2026-12-31"
              }
            ) {
              cycle {
                id
              }
            }
          }
        `,
        { v: versionId },
      );
      const { rows } = await owner.query<{ id: string; row_version: number }>(
        `SELECT t.id, t.row_version FROM task t
          WHERE t.lead_department_id = (SELECT department_id FROM app_user WHERE username = $1)
          ORDER BY t.id`,
        [OPERATOR],
      );
      if (rows.length < options.concurrency) {
        throw new Error(`Only ${rows.length} tasks for ${OPERATOR}; lower --concurrency.`);
      }
      // Each task: in progress, a progress note and one evidence file, so it can be submitted.
      const tasks: BenchTask[] = [];
      for (const row of rows) {
        let version = row.row_version;
        version = await change(base, operator, row.id, version, { status: 'IN_PROGRESS' });
        version = await change(base, operator, row.id, version, { progressNote: '基准测试' });
        await upload(base, operator, row.id);
        tasks.push({ id: row.id, rowVersion: version, step: 0 });
      }
      const cpus = os.cpus();
      const [{ version: pgVersion }] = (
        await owner.query(`SELECT current_setting('server_version') AS version`)
      ).rows;
      out(
        `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}; Node ${process.version}; PostgreSQL ${pgVersion}`,
      );
      return await body({
        base,
        owner,
        appUrl: appUrl.toString(),
        sessions: { operator, supervisor },
        tasks,
      });
    } finally {
      await owner.end().catch(() => undefined);
      await bench?.close();
      const admin = new Client({ connectionString: ownerUrl });
      await admin.connect();
      await admin
        .query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [
          appRole,
        ])
        .catch(() => undefined);
      await admin.end();
      // The scratch database (and with it every grant) is dropped by withScratchDatabase; the
      // role goes then, see dropBenchRole.
      pendingRoles.push({ serverUrl: ownerUrl, role: appRole });
    }
  }).finally(dropBenchRoles);
}

/**
 * Runs `changes` status changes over the tasks in `concurrency` lanes (each lane its own
 * tasks), each change made by `step`; returns changes per second.
 */
async function timedPhase(
  tasks: BenchTask[],
  changes: number,
  concurrency: number,
  step: (task: BenchTask, next: (typeof STEPS)[number]) => Promise<number>,
): Promise<number> {
  let remaining = changes;
  const lanes = Array.from({ length: concurrency }, (_, lane) =>
    tasks.filter((_, i) => i % concurrency === lane),
  );
  const start = process.hrtime.bigint();
  await Promise.all(
    lanes.map(async (lane) => {
      for (let i = 0; remaining > 0; i++) {
        remaining--;
        const task = lane[i % lane.length];
        task.rowVersion = await step(task, STEPS[task.step]);
        task.step = (task.step + 1) % STEPS.length;
      }
    }),
  );
  return changes / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** One status change through GraphQL, by the step's role. */
function throughApi(setup: StatusBenchSetup) {
  return (task: BenchTask, step: (typeof STEPS)[number]) =>
    change(setup.base, setup.sessions[step.by], task.id, task.rowVersion, {
      status: step.status,
      ...('reason' in step ? { reason: step.reason } : {}),
    });
}

/**
 * npm run bench:status — status changes per second through GraphQL (HTTP, real sessions,
 * the app as its least-privilege role), with the task history hash chain and without it, in
 * the same run on the same database: the chain's link trigger is disabled for the unchained
 * phases (its rows are then unlinked: the scratch database is dropped afterwards).
 */
export async function runStatusBench(options: StatusBenchOptions): Promise<StatusBenchResult> {
  const out = options.out ?? print;
  return withStatusBenchSetup(options, out, async (setup) => {
    const { owner, tasks } = setup;
    out(
      `${tasks.length} tasks of ${OPERATOR}; ${options.concurrency} concurrent clients; ${options.changes} status changes per phase; ${options.rounds} phase(s) per mode, alternating`,
    );

    // Both chain triggers: the baseline is the table as it was before chaining.
    const setChaining = async (on: boolean) => {
      for (const trigger of ['task_event_chain_unset', 'task_event_chain_link']) {
        await owner.query(`ALTER TABLE task_event ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
      }
    };
    const phase = () => timedPhase(tasks, options.changes, options.concurrency, throughApi(setup));

    // Warm-up (chained), untimed.
    await phase();
    const rates = { unchained: [] as number[], chained: [] as number[] };
    for (let round = 0; round < options.rounds; round++) {
      for (const mode of ['unchained', 'chained'] as const) {
        await setChaining(mode === 'chained');
        const rate = await phase();
        rates[mode].push(rate);
        out(`  round ${round + 1}, ${mode.padEnd(9)}: ${rate.toFixed(1)} status changes/s`);
      }
    }
    await setChaining(true);
    const result = {
      unchainedPerSecond: mean(rates.unchained),
      chainedPerSecond: mean(rates.chained),
      ratio: mean(rates.chained) / mean(rates.unchained),
    };
    out(
      `Unchained ${result.unchainedPerSecond.toFixed(1)}/s, chained ${result.chainedPerSecond.toFixed(1)}/s: ratio ${result.ratio.toFixed(3)} (${((result.ratio - 1) * 100).toFixed(1)} %; target: within 20 %)`,
    );
    // The chained rows are still a sound chain up to the first unchained phase's rows.
    const taskChain = CHAINS.find((c) => c.table === 'task_event')!;
    const check = await verifyChain(owner, taskChain);
    out(
      `task_event chain after the run: ${check.ok ? 'intact' : `${check.firstBreak!.problem} (expected: the unchained phases wrote unlinked rows)`}`,
    );
    return result;
  });
}

export interface WritesBenchOptions {
  /** Status changes per phase. */
  changes: number;
  /** Phases per way and client count; the two ways alternate. */
  rounds: number;
  /** The client counts to measure, e.g. [1, 8, 32]. */
  clients: number[];
  serverUrl?: string;
  out?: (line?: string) => void;
}

export interface WritesBenchRow {
  clients: number;
  apiPerSecond: number;
  sqlPerSecond: number;
  /** api / sql. */
  ratio: number;
}

/**
 * The same write as the service makes for a status change, as one raw-SQL transaction on the
 * app's role: the task row (status, version, who, return count, submission stamp) and its
 * history row. The database's own triggers do the rest, as for the service: the analytics
 * rollups and trend, the history hash chain, the urging notices' closing.
 */
const RAW_UPDATE = `UPDATE task SET status = $2::varchar, row_version = row_version + 1,
    updated_at = now(), updated_by = $3::varchar,
    return_count = return_count + CASE WHEN $2::varchar = 'RETURNED' THEN 1 ELSE 0 END,
    submitted_at = CASE WHEN $2::varchar = 'SUBMITTED' THEN now() ELSE submitted_at END,
    submitted_by = CASE WHEN $2::varchar = 'SUBMITTED' THEN $3::varchar ELSE submitted_by END
  WHERE id = $1 AND row_version = $4
  RETURNING unit_code, cycle_id, row_version`;
const RAW_EVENT = `INSERT INTO task_event (task_id, unit_code, cycle_id, actor_username, kind, before, after, reason, ip)
  VALUES ($1, $2, $3, $4, 'status', $5, $6, $7, '127.0.0.1')`;

/**
 * npm run bench:writes — status changes per second with the rollups maintained (issue 20):
 * through GraphQL (HTTP, real sessions, the whole service: authorization, validation,
 * notifications) next to raw SQL transactions making the same rows, for each client count,
 * alternating in one run on one throw-away database; prints both rates and their ratio
 * (target at 8 clients: the API at ≥ 50 % of raw SQL).
 */
export async function runWritesBench(options: WritesBenchOptions): Promise<WritesBenchRow[]> {
  const out = options.out ?? print;
  const most = Math.max(...options.clients);
  return withStatusBenchSetup({ ...options, concurrency: most }, out, async (setup) => {
    const { tasks } = setup;
    const usernames = { operator: OPERATOR, supervisor: SUPERVISOR };
    const pool = new Pool({
      connectionString: setup.appUrl,
      max: most,
      application_name: 'bench-writes-sql',
    });
    try {
      const rawSql = async (task: BenchTask, step: (typeof STEPS)[number]): Promise<number> => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const before = (
            await client.query<{ status: string }>(`SELECT status FROM task WHERE id = $1`, [
              task.id,
            ])
          ).rows[0];
          const updated = await client.query<{
            unit_code: string;
            cycle_id: string;
            row_version: number;
          }>(RAW_UPDATE, [task.id, step.status, usernames[step.by], task.rowVersion]);
          const row = updated.rows[0];
          if (!row) throw new Error(`Task ${task.id} changed under the bench.`);
          await client.query(RAW_EVENT, [
            task.id,
            row.unit_code,
            row.cycle_id,
            usernames[step.by],
            JSON.stringify({ status: before.status }),
            JSON.stringify({ status: step.status }),
            'reason' in step ? step.reason : null,
          ]);
          await client.query('COMMIT');
          return row.row_version;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      };
      out(
        `${tasks.length} tasks of ${OPERATOR}; ${options.changes} status changes per phase; ${options.rounds} phase(s) per way, alternating; rollups, trend and hash chain maintained by the database in both`,
      );
      // Warm-up, untimed: both ways once at the largest client count.
      await timedPhase(tasks, options.changes, most, throughApi(setup));
      await timedPhase(tasks, options.changes, most, rawSql);
      const rows: WritesBenchRow[] = [];
      for (const clients of options.clients) {
        const rates = { api: [] as number[], sql: [] as number[] };
        for (let round = 0; round < options.rounds; round++) {
          rates.api.push(await timedPhase(tasks, options.changes, clients, throughApi(setup)));
          rates.sql.push(await timedPhase(tasks, options.changes, clients, rawSql));
        }
        const row = {
          clients,
          apiPerSecond: mean(rates.api),
          sqlPerSecond: mean(rates.sql),
          ratio: mean(rates.api) / mean(rates.sql),
        };
        rows.push(row);
        out(
          `  ${String(clients).padStart(2)} client(s): GraphQL ${row.apiPerSecond.toFixed(1)}/s, raw SQL ${row.sqlPerSecond.toFixed(1)}/s — ratio ${row.ratio.toFixed(3)}`,
        );
      }
      const at8 = rows.find((r) => r.clients === 8);
      if (at8) {
        out(
          `At 8 clients the API reaches ${(at8.ratio * 100).toFixed(1)} % of the raw-SQL rate (target ≥ 50 %).`,
        );
      }
      return rows;
    } finally {
      await pool.end().catch(() => undefined);
    }
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const pendingRoles: Array<{ serverUrl: string; role: string }> = [];

async function dropBenchRoles(): Promise<void> {
  for (const { serverUrl, role } of pendingRoles.splice(0)) {
    const url = new URL(serverUrl);
    url.pathname = '/postgres';
    const admin = new Client({ connectionString: url.toString() });
    try {
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${admin.escapeIdentifier(role)}`);
    } catch {
      // Best effort: an embedded server is gone already, with the role.
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
}

async function graphql<T>(
  base: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed (HTTP ${response.status}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

async function signIn(base: string, username: string): Promise<string> {
  const data = await graphql<{ signIn: { token: string } }>(
    base,
    null,
    `
      mutation ($input: SignInInput!) {
        signIn(input: $input) {
          token
        }
      }
    `,
    { input: { username, password: DEMO_PASSWORD } },
  );
  return data.signIn.token;
}

async function change(
  base: string,
  token: string,
  taskId: string,
  expectedRowVersion: number,
  fields: Record<string, string>,
): Promise<number> {
  const data = await graphql<{ updateTask: { rowVersion: number } }>(
    base,
    token,
    `
      mutation ($input: TaskChangeInput!) {
        updateTask(input: $input) {
          rowVersion
        }
      }
    `,
    { input: { taskId, expectedRowVersion, ...fields } },
  );
  return data.updateTask.rowVersion;
}

async function upload(base: string, token: string, taskId: string): Promise<void> {
  const form = new FormData();
  form.append('files', new Blob([samplePdf('bench') as Uint8Array]), '佐证.pdf');
  const response = await fetch(`${base}/api/tasks/${taskId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': 'bench' },
    body: form,
  });
  if (response.status !== 201) {
    throw new Error(`Evidence upload failed: HTTP ${response.status} ${await response.text()}`);
  }
}
