import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { syncReferenceData } from '../admin-unit/reference-data.sync';
import { print, withScratchDatabase } from '../cli/cli-support';
import { createDataSource } from '../database/data-source';
import { runMigrations } from '../database/migrate';
import { seedRegulations } from '../regulation/seed-regulations';
import { BenchServer, startBenchServer } from './bench-server';
import { DEMO_PASSWORD } from '../user/demo-accounts';
import { seedDemoAccounts } from '../user/demo-accounts.seed';
import {
  AnalyticsDataset,
  buildAnalyticsDataset,
  DatasetCycle,
  describeDataset,
} from './analytics-dataset';
import {
  loadNationalUnits,
  NATIONAL_TRACKED_DUTIES,
  nationalProvinceCodes,
} from './national-dataset';
import { describeDifference, verifyRollups } from '../analytics/rollup-verify';
import { describeBreak, verifyChains } from '../integrity/chain-verify';
import { BenchResult, elapsedMs, formatTable, summarize, targetVerdict } from './bench-stats';
import { Jurisdiction } from '../access/jurisdiction';
import type { Statement } from '../analytics/analytics-sql';
import { narrowToProvince } from '../analytics/analytics.service';
import { executePrepared } from '../database/prepared-query';

/** What each benchmarked query is run with. */
export interface BenchContext {
  cycleId: string;
  prefectureCode: string;
  countyCode: string;
  /** The reader's jurisdiction as the API applies it (narrowed to the cycle's province). */
  jurisdiction?: Jurisdiction;
}

/**
 * One benchmarked query: a GraphQL operation and the plain SQL that computes the same figures
 * (the shape of `ANALYTICS_BENCH_QUERIES` in ../analytics/bench-queries).
 */
export interface BenchQuery {
  name: string;
  graphql: string;
  variables: (ctx: BenchContext) => Record<string, unknown>;
  sql: string;
  sqlParams: (ctx: BenchContext) => unknown[];
  /** The same figures from the base tables (before the maintained rollups), timed alongside. */
  baseSql?: string;
  baseSqlParams?: (ctx: BenchContext) => unknown[];
  /**
   * Text and parameters for the context's jurisdiction (the reader's): used instead of `sql` /
   * `baseSql` (which are for a caller who sees everything) when present.
   */
  statement?: (ctx: BenchContext) => Statement;
  baseStatement?: (ctx: BenchContext) => Statement;
}

/** The statement timed as plain SQL for `ctx` (its reader's jurisdiction where known). */
function plainSql(q: BenchQuery, ctx: BenchContext): Statement {
  return q.statement ? q.statement(ctx) : { sql: q.sql, params: q.sqlParams(ctx) };
}

function baseSqlOf(q: BenchQuery, ctx: BenchContext): Statement | null {
  if (q.baseStatement) return q.baseStatement(ctx);
  return q.baseSql && q.baseSqlParams ? { sql: q.baseSql, params: q.baseSqlParams(ctx) } : null;
}

export interface AnalyticsBenchOptions {
  /** Timed runs per query and path (default 50). */
  runs?: number;
  /** Untimed runs per query and path first (default 5). */
  warmup?: number;
  /** Assessment cycles in the data set (default 3; 5 at national scale). */
  cycles?: number;
  /**
   * `province` (default): Hubei's units and the shipped regulation. `national`: the units of
   * `provinces` provinces from the division package (all 31 by default, Hubei first) and 200
   * tracked duties (national-dataset.ts).
   */
  scale?: 'province' | 'national';
  /** With `national`: how many provinces (default all). */
  provinces?: number;
  /** Recompute the rollups from the base tables after the build and fail on any difference. */
  verify?: boolean;
  /**
   * Also time the GraphQL operations on an API started with DATABASE_JIT=on (the server's JIT,
   * as before the setting existed) next to the default (off). Default true.
   */
  compareJit?: boolean;
  /** Keep the database afterwards and print its URL (needs `serverUrl`). */
  keep?: boolean;
  /**
   * Time an existing benchmark database (one an earlier run kept with `keep`) instead of
   * building one: this build's newer migrations are applied to it (a new rollup is filled from
   * the data there), then everything is timed as after a build. It is neither dropped nor
   * rebuilt; its cycles and open cycle are read from it (`cycles` and `provinces` do not apply).
   */
  database?: string;
  /** PostgreSQL server to create the database on; a temporary embedded server when absent. */
  serverUrl?: string;
  /** Where the report goes (default stdout). */
  out?: (line?: string) => void;
  /** Checked between runs: when it returns true the benchmark stops (cleaning up) with an error. */
  interrupted?: () => boolean;
}

/** Enshi (恩施州) and Enshi city: the demo prefecture supervisor's and operator's units. */
export const BENCH_PREFECTURE = '422800';
export const BENCH_COUNTY = '422801';
export const BENCH_TARGET_MS = 100;

/**
 * Who the GraphQL operations are timed as: a demo account, the label in the report, and the
 * jurisdiction its role gives (access/jurisdiction.ts `jurisdictionOf`), which the plain SQL is
 * built with after the same narrowing to the cycle's province as the API's
 * (analytics.service.ts `narrowToProvince`). Hubei's provincial supervisor, and the national
 * supervisor (the whole country), who sees only the cycle's province in a provincial cycle.
 */
export interface BenchCaller {
  label: string;
  username: string;
  jurisdiction: Jurisdiction;
}

export const BENCH_CALLERS: readonly BenchCaller[] = [
  {
    label: 'provincial supervisor (Hubei)',
    username: 'province',
    jurisdiction: { kind: 'provinces', provinceCodes: ['420000'] },
  },
  { label: 'national supervisor', username: 'national', jurisdiction: { kind: 'all' } },
];

/**
 * npm run bench:analytics — builds a province-scale data set on a throw-away database, starts
 * the real API on it and times each query over GraphQL (HTTP, as the provincial supervisor)
 * and as plain SQL. Reports p50/p95 and whether every GraphQL p95 is under the target; the
 * target is reported, not enforced. Throws on any failure (after cleaning up).
 */
export async function runAnalyticsBench(
  queries: readonly BenchQuery[],
  options: AnalyticsBenchOptions = {},
): Promise<BenchResult[]> {
  const runs = options.runs ?? 50;
  const warmup = options.warmup ?? 5;
  const out = options.out ?? print;
  const interrupted = options.interrupted ?? (() => false);
  const checkInterrupted = () => {
    if (interrupted()) throw new Error('Interrupted.');
  };
  if (!queries.length) throw new Error('No benchmark queries.');
  const names = queries.map((q) => q.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`Two benchmark queries are named ${duplicate}.`);

  const withDatabase = options.database
    ? <T>(work: (url: string) => Promise<T>) => work(options.database!)
    : <T>(work: (url: string) => Promise<T>) =>
        withBenchDatabase(options.serverUrl, Boolean(options.keep), out, work);
  return withDatabase(async (url) => {
    const national = options.scale === 'national';
    const dataset = options.database
      ? await readKeptDataset(url, out)
      : await prepareDatabase(url, {
          cycles: options.cycles ?? (national ? 5 : 3),
          national,
          provinces: options.provinces,
          out,
        });
    checkInterrupted();
    out(
      `Data set: ${dataset.cycles.map((c) => `${c.year} (${c.state}, ${c.tasks} tasks)`).join(', ')}`,
    );
    out(
      `  ${dataset.tasks} tasks, ${dataset.taskEvents} task events (${(dataset.taskEvents / dataset.tasks).toFixed(1)} per task), ` +
        `${dataset.evidence} evidence rows (${dataset.currentEvidence} current), ${dataset.extensionRequests} extension requests; ` +
        `built in ${(dataset.buildMs / 1000).toFixed(1)} s`,
    );
    await describeDatabase(url, dataset, out);
    if (options.verify) await verifyBuiltRollups(url, dataset, out);
    const ctx: BenchContext = {
      cycleId: dataset.openCycle.id,
      prefectureCode: BENCH_PREFECTURE,
      countyCode: BENCH_COUNTY,
    };
    const cycleProvince = dataset.openCycle.provinceCode;
    const contextOf = (caller: BenchCaller): BenchContext => ({
      ...ctx,
      jurisdiction: narrowToProvince(caller.jurisdiction, cycleProvince),
    });

    let bench: BenchServer | undefined;
    let jitBench: BenchServer | undefined;
    const sql = new Client({ connectionString: url, application_name: 'bench-analytics' });
    const noJit = new Client({ connectionString: url, application_name: 'bench-analytics-nojit' });
    try {
      bench = await startBenchServer(
        { DATABASE_URL: url, SEED_DEMO_DATA: 'false', MIGRATIONS_RUN: 'true' },
        { databaseUrl: url },
      );
      const server = bench.server;
      const callers = await Promise.all(
        BENCH_CALLERS.map(async (caller) => ({
          ...caller,
          token: await signIn(server.url, caller.username),
        })),
      );
      await sql.connect();
      await noJit.connect();
      await noJit.query('SET jit = off');
      const [{ version: pgVersion, jit }] = (
        await sql.query(
          `SELECT current_setting('server_version') AS version, current_setting('jit') AS jit`,
        )
      ).rows;
      const cpus = os.cpus();
      out(
        `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ` +
          `${os.platform()} ${os.release()}; Node ${process.version}; PostgreSQL ${pgVersion} (jit ${jit})`,
      );
      out(
        `Runs: ${warmup} warm-up + ${runs} timed per query and path; cycle ${dataset.openCycle.year}, prefecture ${ctx.prefectureCode}, county ${ctx.countyCode}; GraphQL over HTTP (API with DATABASE_JIT=off, the default)`,
      );

      const results: BenchResult[] = [];
      for (const caller of callers) {
        out();
        const callerCtx = contextOf(caller);
        out(
          `GraphQL as ${caller.label} ("${caller.username}"; SQL with jurisdiction ${JSON.stringify(callerCtx.jurisdiction)})`,
        );
        const callerResults: BenchResult[] = [];
        for (const query of queries) {
          const gql = await timeRuns(warmup, runs, () => {
            checkInterrupted();
            return graphqlOnce(server!.url, caller.token, query, callerCtx);
          });
          const statement = plainSql(query, callerCtx);
          const plain = await timeRuns(warmup, runs, async () => {
            checkInterrupted();
            await sql.query(statement.sql, statement.params);
          });
          callerResults.push({
            name: query.name,
            graphql: summarize(gql),
            sql: summarize(plain),
          });
        }
        out(formatTable(callerResults));
        out();
        out(targetVerdict(callerResults, BENCH_TARGET_MS));
        results.push(...callerResults);
      }
      if (options.compareJit ?? true) {
        jitBench = await startBenchServer(
          {
            DATABASE_URL: url,
            SEED_DEMO_DATA: 'false',
            MIGRATIONS_RUN: 'false',
            DATABASE_JIT: 'on',
          },
          { databaseUrl: url },
        );
        const jitToken = await signIn(jitBench.server.url, callers[0].username);
        await compareJitThroughGraphql(queries, ctx, {
          warmup,
          runs,
          label: callers[0].label,
          off: { url: server.url, token: callers[0].token },
          on: { url: jitBench.server.url, token: jitToken },
          out,
          checkInterrupted,
        });
        await jitBench.close();
        jitBench = undefined;
      }
      // The API is not needed for the SQL comparison: stopped first, so that its background
      // work (job runner, database probe, timers in this process) stays out of the timings.
      await bench.close();
      bench = undefined;
      for (const caller of callers) {
        await compareWithBaseTables(queries, contextOf(caller), {
          warmup,
          runs,
          sql,
          noJit,
          label: caller.label,
          out,
          checkInterrupted,
        });
      }
      return results;
    } finally {
      await sql.end().catch(() => undefined);
      await noJit.end().catch(() => undefined);
      await jitBench?.close();
      await bench?.close();
    }
  });
}

/**
 * The dashboard statements as the API runs them (from the maintained rollups) next to the same
 * figures from the base tables, each with the server's JIT setting and with `jit = off`, in the
 * same run: p50/p95 and the base ÷ rollups ratio of the p95s.
 */
async function compareWithBaseTables(
  queries: readonly BenchQuery[],
  ctx: BenchContext,
  opts: {
    warmup: number;
    runs: number;
    sql: Client;
    noJit: Client;
    label: string;
    out: (line?: string) => void;
    checkInterrupted: () => void;
  },
): Promise<void> {
  const compared = queries.filter((q) => baseSqlOf(q, ctx));
  if (!compared.length) return;
  // `prepared`: as the API runs its statements over the rollups (database/prepared-query.ts: a
  // named prepared statement, one generic plan); otherwise sent as plain SQL (parsed and
  // planned each time).
  const time = (client: Client, text: string, params: unknown[], prepared = false) =>
    timeRuns(opts.warmup, opts.runs, async () => {
      opts.checkInterrupted();
      await (prepared
        ? executePrepared(client, text, params, { genericPlan: true })
        : client.query(text, params));
    }).then(summarize);
  const fmt = (n: number) => n.toFixed(1);
  const rows: string[][] = [];
  for (const q of compared) {
    const { sql: text, params } = plainSql(q, ctx);
    const { sql: baseText, params: baseParams } = baseSqlOf(q, ctx)!;
    // The rollups as the API runs them (prepared, generic plan, JIT off); the base tables as plain SQL with
    // the server's JIT and without, and the ratio against the faster of the two.
    const rollup = await time(opts.noJit, text, params, true);
    const rollupPlain = await time(opts.sql, text, params);
    const base = await time(opts.sql, baseText, baseParams);
    const baseNoJit = await time(opts.noJit, baseText, baseParams);
    const fasterBase = Math.min(base.p95, baseNoJit.p95);
    rows.push([
      q.name,
      `${fmt(rollup.p50)} / ${fmt(rollup.p95)}`,
      `${fmt(base.p50)} / ${fmt(base.p95)}`,
      `${fmt(baseNoJit.p50)} / ${fmt(baseNoJit.p95)}`,
      `${fmt(fasterBase / Math.max(rollup.p95, 0.001))}×`,
      `${fmt(rollupPlain.p50)} / ${fmt(rollupPlain.p95)}`,
    ]);
  }
  const header = [
    'query',
    'rollups (as the API) p50/p95 ms',
    'base tables p50/p95 ms',
    'base jit=off',
    'base ÷ rollups (p95)',
    'rollups plain, server JIT',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  opts.out();
  opts.out(
    `Dashboard statements: maintained rollups against the base tables, as ${opts.label} (jurisdiction ${JSON.stringify(ctx.jurisdiction)})`,
  );
  opts.out(
    'Rollups as the API runs them (named prepared statements, generic plan, jit=off); base tables as plain SQL, with the ' +
      "server's JIT and with jit=off; the ratio divides the faster base p95 by the rollups' p95.",
  );
  opts.out(line(header));
  for (const r of rows) opts.out(line(r));
}

/**
 * Migrations, reference data, the shipped regulation, demo accounts, at national scale the
 * other provinces' units, then the data set.
 */
async function prepareDatabase(
  url: string,
  opts: { cycles: number; national: boolean; provinces?: number; out: (line?: string) => void },
): Promise<AnalyticsDataset> {
  const dataSource = createDataSource({ url, poolMax: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    await syncReferenceData(dataSource);
    await seedRegulations(dataSource);
    await seedDemoAccounts(dataSource, 10); // cheapest hash cost: only the callers sign in
    const provinceCodes = opts.national ? nationalProvinceCodes(opts.provinces) : ['420000'];
    if (opts.national) {
      const started = process.hrtime.bigint();
      const loaded = await loadNationalUnits(dataSource, provinceCodes);
      opts.out(
        `National scale: ${loaded.provinces} provinces, ${loaded.units} units, ${loaded.departments} departments ` +
          `(loaded in ${(elapsedMs(started) / 1000).toFixed(1)} s); ${NATIONAL_TRACKED_DUTIES} tracked duties`,
      );
    }
    return await buildAnalyticsDataset(dataSource, {
      cycles: opts.cycles,
      // Each year one cycle per province (each province runs its own), Hubei's first.
      provinceCodes,
      ...(opts.national ? { trackedDuties: NATIONAL_TRACKED_DUTIES } : {}),
      // Where the build stands, on stderr: the report on stdout stays the figures.
      progress: (line) => process.stderr.write(`build: ${line}\n`),
    });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A database kept by an earlier run (`--keep`): this build's newer migrations applied (timed,
 * with fresh statistics), and the data set read back from it — cycles, the open cycle the
 * benchmark queries (Hubei's last, as a build chooses it), row counts.
 */
async function readKeptDataset(
  url: string,
  out: (line?: string) => void,
): Promise<AnalyticsDataset> {
  const dataSource = createDataSource({ url, poolMax: 2 });
  await dataSource.initialize();
  try {
    const started = process.hrtime.bigint();
    const applied = await runMigrations(dataSource);
    if (applied.length) {
      await dataSource.query('ANALYZE');
      out(
        `Kept database: ${applied.length} newer migration(s) applied (${applied.map((m) => m.name).join(', ')}) in ${(elapsedMs(started) / 1000).toFixed(1)} s`,
      );
    }
    const cycles = (
      (await dataSource.query(
        `SELECT c.id, c.year, c.state, c.province_code AS "provinceCode",
                (SELECT count(*)::int FROM task t WHERE t.cycle_id = c.id) AS tasks
           FROM assessment_cycle c ORDER BY c.year, c.province_code`,
      )) as Array<Omit<DatasetCycle, 'state'> & { state: string }>
    ).map((c): DatasetCycle => ({ ...c, state: c.state === 'closed' ? 'closed' : 'open' }));
    const openCycle =
      [...cycles].reverse().find((c) => c.state === 'open' && c.provinceCode === '420000') ??
      cycles[cycles.length - 1];
    if (!openCycle) throw new Error(`${url}: no assessment cycle: not a benchmark database.`);
    return { ...(await describeDataset(dataSource, cycles, openCycle)), buildMs: 0 };
  } finally {
    await dataSource.destroy();
  }
}

/** Units, rows per table and the database's size on disk. */
async function describeDatabase(
  url: string,
  dataset: AnalyticsDataset,
  out: (line?: string) => void,
): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM admin_unit) AS units,
                (SELECT count(*)::int FROM duty WHERE tracked AND government_duty) AS duties,
                (SELECT count(*)::int FROM analytics_rollup) AS rollup_rows,
                (SELECT count(*)::int FROM analytics_unit_rollup) AS unit_rollup_rows,
                (SELECT count(*)::int FROM analytics_area_rollup) AS area_rollup_rows,
                (SELECT count(*)::int FROM analytics_trend_day) AS trend_rows,
                pg_size_pretty(pg_database_size(current_database())) AS size,
                pg_size_pretty(pg_total_relation_size('task')) AS task_size,
                -- Partitioned by cycle: the parent itself holds nothing.
                pg_size_pretty((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('task_event'))) AS event_size,
                (SELECT count(*)::int FROM pg_partition_tree('task_event') WHERE isleaf) AS event_partitions,
                pg_size_pretty(pg_total_relation_size('evidence')) AS evidence_size`,
      )
    ).rows as Array<Record<string, string | number>>;
    out(
      `  ${row.units} units, ${row.duties} tracked duties; rollups: ${row.rollup_rows} analytics_rollup rows, ` +
        `${row.unit_rollup_rows} analytics_unit_rollup rows, ${row.area_rollup_rows} analytics_area_rollup rows, ${row.trend_rows} analytics_trend_day rows; database ${row.size} (task ${row.task_size}, ` +
        `task_event ${row.event_size} in ${row.event_partitions} partitions, evidence ${row.evidence_size}); ${dataset.tasks} tasks in all`,
    );
  } finally {
    await client.end();
  }
}

/** Above this many chained rows `--verify` leaves the hash-chain walk to `audit:verify`. */
const CHAIN_WALK_LIMIT = 3_000_000;

/**
 * The rollups against their recomputation from the base tables, per cycle, and the hash chains
 * the build linked set-based; throws on a difference or a break.
 */
async function verifyBuiltRollups(
  url: string,
  dataset: AnalyticsDataset,
  out: (line?: string) => void,
): Promise<void> {
  const dataSource = createDataSource({ url, poolMax: 1 });
  await dataSource.initialize();
  try {
    const started = process.hrtime.bigint();
    for (const cycle of dataset.cycles) {
      const differences = await verifyRollups(dataSource, cycle.id);
      if (differences.length) {
        throw new Error(
          `Rollups of the ${cycle.year} cycle differ from the base tables (${differences.length}):\n` +
            differences.slice(0, 20).map(describeDifference).join('\n'),
        );
      }
    }
    out(
      `  Rollups verified against the base tables (every cycle): no difference (${(elapsedMs(started) / 1000).toFixed(1)} s)`,
    );
    const [{ chained }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM task_event) + (SELECT count(*) FROM evidence) AS chained`,
    );
    if (Number(chained) > CHAIN_WALK_LIMIT) {
      out(
        `  Hash chains: ${chained} rows, not walked (over ${CHAIN_WALK_LIMIT}: about 100 s per million rows here); ` +
          'run `npm run audit:verify` on a database kept with --keep',
      );
      return;
    }
    const chainsStarted = process.hrtime.bigint();
    const report = await verifyChains(dataSource);
    if (!report.ok) {
      throw new Error(
        `Hash chains broken after the build:\n${report.chains
          .flatMap((c) => (c.firstBreak ? [describeBreak(c.firstBreak)] : []))
          .join('\n')}`,
      );
    }
    out(
      `  Hash chains verified (task_event, evidence…): ${report.rowsChecked} rows, intact (${(elapsedMs(chainsStarted) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The GraphQL operations on two APIs over the same database, one with the server's JIT
 * (DATABASE_JIT=on, as before the setting) and one with the default (off): p50/p95 of each.
 */
async function compareJitThroughGraphql(
  queries: readonly BenchQuery[],
  ctx: BenchContext,
  opts: {
    warmup: number;
    runs: number;
    label: string;
    off: { url: string; token: string };
    on: { url: string; token: string };
    out: (line?: string) => void;
    checkInterrupted: () => void;
  },
): Promise<void> {
  const fmt = (n: number) => n.toFixed(1);
  const rows: string[][] = [];
  for (const q of queries) {
    const time = (api: { url: string; token: string }) =>
      timeRuns(opts.warmup, opts.runs, () => {
        opts.checkInterrupted();
        return graphqlOnce(api.url, api.token, q, ctx);
      }).then(summarize);
    const on = await time(opts.on);
    const off = await time(opts.off);
    rows.push([
      q.name,
      `${fmt(on.p50)} / ${fmt(on.p95)}`,
      `${fmt(off.p50)} / ${fmt(off.p95)}`,
      `${fmt(on.p95 / Math.max(off.p95, 0.001))}×`,
    ]);
  }
  const header = [
    'query',
    'DATABASE_JIT=on p50/p95 ms',
    'DATABASE_JIT=off p50/p95 ms',
    'on ÷ off (p95)',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  opts.out();
  opts.out(`JIT: GraphQL as ${opts.label}, API with DATABASE_JIT=on (before) and off (after)`);
  opts.out(line(header));
  for (const r of rows) opts.out(line(r));
}

/** `warmup` untimed runs, then the wall time of each of `runs` runs, in ms. */
export async function timeRuns(
  warmup: number,
  runs: number,
  run: () => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(elapsedMs(start));
  }
  return samples;
}

/** One GraphQL round trip (request, response, JSON parse); throws on any error in the response. */
async function graphqlOnce(
  baseUrl: string,
  token: string,
  query: BenchQuery,
  ctx: BenchContext,
): Promise<void> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: query.graphql, variables: query.variables(ctx) }),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${query.name}: HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`);
  }
  if (!response.ok || body.errors?.length || body.data == null) {
    throw new Error(
      `${query.name}: GraphQL failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`,
    );
  }
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }`,
      variables: { input: { username, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await response.json()) as {
    data?: { signIn?: { token?: string } };
    errors?: unknown[];
  };
  const token = body.data?.signIn?.token;
  if (!token) throw new Error(`Sign-in as ${username} failed: ${JSON.stringify(body.errors)}`);
  return token;
}

/**
 * The throw-away database: `withScratchDatabase` (dropped afterwards, also on error), or with
 * `keep` a database of our own on `serverUrl` that stays, whose URL is printed.
 */
async function withBenchDatabase<T>(
  serverUrl: string | undefined,
  keep: boolean,
  out: (line?: string) => void,
  work: (url: string) => Promise<T>,
): Promise<T> {
  if (!keep) return withScratchDatabase(serverUrl, work);
  if (!serverUrl) {
    throw new Error(
      '--keep needs DATABASE_URL or TEST_DATABASE_URL: without one the database lives on a temporary embedded server that is deleted on exit.',
    );
  }
  const name = `duty_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    out();
    out(`Database kept (--keep): ${shown.toString()}`);
  }
}
