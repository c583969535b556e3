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
import { AnalyticsDataset, buildAnalyticsDataset } from './analytics-dataset';
import { BenchResult, elapsedMs, formatTable, summarize, targetVerdict } from './bench-stats';

/** What each benchmarked query is run with. */
export interface BenchContext {
  cycleId: string;
  prefectureCode: string;
  countyCode: string;
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
}

export interface AnalyticsBenchOptions {
  /** Timed runs per query and path (default 50). */
  runs?: number;
  /** Untimed runs per query and path first (default 5). */
  warmup?: number;
  /** Assessment cycles in the data set (default 3). */
  cycles?: number;
  /** Keep the database afterwards and print its URL (needs `serverUrl`). */
  keep?: boolean;
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

  return withBenchDatabase(options.serverUrl, Boolean(options.keep), out, async (url) => {
    const dataset = await prepareDatabase(url, options.cycles ?? 3);
    checkInterrupted();
    out(
      `Data set: ${dataset.cycles.map((c) => `${c.year} (${c.state}, ${c.tasks} tasks)`).join(', ')}`,
    );
    out(
      `  ${dataset.tasks} tasks, ${dataset.taskEvents} task events (${(dataset.taskEvents / dataset.tasks).toFixed(1)} per task), ` +
        `${dataset.evidence} evidence rows (${dataset.currentEvidence} current), ${dataset.extensionRequests} extension requests; ` +
        `built in ${(dataset.buildMs / 1000).toFixed(1)} s`,
    );
    const ctx: BenchContext = {
      cycleId: dataset.openCycle.id,
      prefectureCode: BENCH_PREFECTURE,
      countyCode: BENCH_COUNTY,
    };

    let bench: BenchServer | undefined;
    const sql = new Client({ connectionString: url, application_name: 'bench-analytics' });
    const noJit = new Client({ connectionString: url, application_name: 'bench-analytics-nojit' });
    try {
      bench = await startBenchServer(
        { DATABASE_URL: url, SEED_DEMO_DATA: 'false', MIGRATIONS_RUN: 'true' },
        { databaseUrl: url },
      );
      const server = bench.server;
      const token = await signIn(server.url, 'province');
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
        `Runs: ${warmup} warm-up + ${runs} timed per query and path; cycle ${dataset.openCycle.year}, prefecture ${ctx.prefectureCode}, county ${ctx.countyCode}; GraphQL as "province" over HTTP`,
      );
      out();

      const results: BenchResult[] = [];
      for (const query of queries) {
        const gql = await timeRuns(warmup, runs, () => {
          checkInterrupted();
          return graphqlOnce(server!.url, token, query, ctx);
        });
        const params = query.sqlParams(ctx);
        const plain = await timeRuns(warmup, runs, async () => {
          checkInterrupted();
          await sql.query(query.sql, params);
        });
        results.push({ name: query.name, graphql: summarize(gql), sql: summarize(plain) });
      }
      out(formatTable(results));
      out();
      out(targetVerdict(results, BENCH_TARGET_MS));
      await compareWithBaseTables(queries, ctx, {
        warmup,
        runs,
        sql,
        noJit,
        out,
        checkInterrupted,
      });
      return results;
    } finally {
      await sql.end().catch(() => undefined);
      await noJit.end().catch(() => undefined);
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
    out: (line?: string) => void;
    checkInterrupted: () => void;
  },
): Promise<void> {
  const compared = queries.filter((q) => q.baseSql && q.baseSqlParams);
  if (!compared.length) return;
  const time = (client: Client, text: string, params: unknown[]) =>
    timeRuns(opts.warmup, opts.runs, async () => {
      opts.checkInterrupted();
      await client.query(text, params);
    }).then(summarize);
  const fmt = (n: number) => n.toFixed(1);
  const rows: string[][] = [];
  for (const q of compared) {
    const params = q.sqlParams(ctx);
    const baseParams = q.baseSqlParams!(ctx);
    const rollup = await time(opts.sql, q.sql, params);
    const base = await time(opts.sql, q.baseSql!, baseParams);
    const rollupNoJit = await time(opts.noJit, q.sql, params);
    const baseNoJit = await time(opts.noJit, q.baseSql!, baseParams);
    rows.push([
      q.name,
      `${fmt(rollup.p50)} / ${fmt(rollup.p95)}`,
      `${fmt(base.p50)} / ${fmt(base.p95)}`,
      `${fmt(base.p95 / Math.max(rollup.p95, 0.001))}×`,
      `${fmt(rollupNoJit.p50)} / ${fmt(rollupNoJit.p95)}`,
      `${fmt(baseNoJit.p50)} / ${fmt(baseNoJit.p95)}`,
    ]);
  }
  const header = [
    'query',
    'rollups p50/p95 ms',
    'base tables p50/p95 ms',
    'base ÷ rollups (p95)',
    'rollups jit=off',
    'base jit=off',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  opts.out();
  opts.out('Dashboard statements: maintained rollups against the base tables (plain SQL)');
  opts.out(line(header));
  for (const r of rows) opts.out(line(r));
}

/** Migrations, reference data, the shipped regulation, demo accounts, then the data set. */
async function prepareDatabase(url: string, cycles: number): Promise<AnalyticsDataset> {
  const dataSource = createDataSource({ url, poolMax: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    await syncReferenceData(dataSource);
    await seedRegulations(dataSource);
    await seedDemoAccounts(dataSource, 10); // cheapest hash cost: only `province` signs in
    return await buildAnalyticsDataset(dataSource, { cycles });
  } finally {
    await dataSource.destroy();
  }
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
