import { DataSource, QueryRunner } from 'typeorm';
import {
  FigureDifference,
  Queryable,
  RollupDifference,
  verifyFigures,
  verifyRollups,
} from './rollup-verify';
import { elapsedMs } from '../bench/bench-stats';

/**
 * `npm run analytics:verify` (cli/analytics-verify.cli.ts): the maintained rollups recomputed
 * from the base tables, then every cycle's dashboard statements from both (rollup-verify.ts) —
 * on a national data set, hundreds of cycles whose base-table statements take a second or more
 * each. The cycles are shared among several connections (`jobs`) that all read one snapshot, so
 * the result is the same as one transaction's, in a fraction of the time.
 */

/** A snapshot id as pg_export_snapshot() gives it (e.g. 00000003-0000001B-1). */
const SNAPSHOT_ID = /^[0-9A-F]+(-[0-9A-F]+)+$/i;

/**
 * Runs `work` with `jobs` connections, each in a read-only REPEATABLE READ transaction, all on
 * one snapshot: the first exports it (pg_export_snapshot), the others adopt it (SET TRANSACTION
 * SNAPSHOT) before any query. The transactions are rolled back and the connections released
 * afterwards, whatever happens.
 */
export async function withSharedSnapshot<T>(
  dataSource: DataSource,
  jobs: number,
  work: (connections: Queryable[]) => Promise<T>,
): Promise<T> {
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new Error(`jobs must be a positive integer, got ${jobs}`);
  }
  // Each job holds a pooled connection for the whole run: more than the pool would wait forever.
  const poolMax = (dataSource.options as { extra?: { max?: number } }).extra?.max;
  if (poolMax !== undefined && jobs > poolMax) {
    throw new Error(`jobs (${jobs}) exceeds the connection pool (${poolMax})`);
  }
  const runners: QueryRunner[] = [];
  try {
    for (let i = 0; i < jobs; i++) {
      const runner = dataSource.createQueryRunner();
      runners.push(runner);
      await runner.connect();
    }
    const [first, ...others] = runners;
    await first.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await first.query('SELECT pg_export_snapshot() AS snapshot')) as Array<{
      snapshot: string;
    }>;
    if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`unexpected snapshot id "${snapshot}"`);
    for (const runner of others) {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // A utility statement: no parameters; the id is checked above.
      await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
    }
    return await work(runners);
  } finally {
    // The importers first: the exported snapshot lives as long as the first transaction.
    for (const runner of runners.slice().reverse()) {
      if (!runner.isReleased) {
        await runner.query('ROLLBACK').catch(() => undefined);
        await runner.release();
      }
    }
  }
}

export interface CycleFigures {
  cycleId: string;
  title: string;
  differences: FigureDifference[];
}

export interface AnalyticsVerification {
  /** Rollup rows that differ from their recomputation. */
  rollups: RollupDifference[];
  /** Per cycle, in the order of the cycles (year, id): the dashboard statements that differ. */
  cycles: CycleFigures[];
  counts: { rollups: number; unitRollups: number; areaRollups: number; days: number };
  ok: boolean;
}

/**
 * The whole verification on one snapshot: the first connection recomputes the rollup tables
 * while the others start on the cycles' figures; then it takes cycles too. `progress` gets a
 * line per finished step (for stderr).
 */
export async function verifyAnalytics(
  dataSource: DataSource,
  options: {
    cycleId?: string | null;
    prefectureCode?: string | null;
    today: string;
    jobs: number;
    progress?: (line: string) => void;
  },
): Promise<AnalyticsVerification> {
  const progress = options.progress ?? (() => undefined);
  return withSharedSnapshot(dataSource, options.jobs, async (connections) => {
    const [first] = connections;
    const cycles = (await first.query(
      `SELECT id, title FROM assessment_cycle WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY year, id`,
      [options.cycleId ?? null],
    )) as Array<{ id: string; title: string }>;
    const results: CycleFigures[] = new Array(cycles.length);
    let next = 0;
    let done = 0;
    const takeCycles = async (db: Queryable) => {
      while (next < cycles.length) {
        const index = next++;
        const cycle = cycles[index];
        const started = process.hrtime.bigint();
        const differences = await verifyFigures(
          db,
          cycle.id,
          options.today,
          options.prefectureCode,
        );
        const ms = elapsedMs(started);
        results[index] = { cycleId: cycle.id, title: cycle.title, differences };
        done++;
        progress(
          `verify: cycle ${done}/${cycles.length} (${cycle.title}): ` +
            `${differences.length} statement(s) different, ${(ms / 1000).toFixed(1)} s`,
        );
      }
    };
    const recompute = async (): Promise<RollupDifference[]> => {
      const started = process.hrtime.bigint();
      const found = await verifyRollups(first, options.cycleId ?? null);
      progress(
        `verify: rollup tables recomputed: ${found.length} row(s) different, ${(elapsedMs(started) / 1000).toFixed(1)} s`,
      );
      await takeCycles(first);
      return found;
    };
    // On a failure the others take no further cycle, and all are awaited before the
    // connections are released.
    const stopOnFailure = <T>(job: Promise<T>) =>
      job.catch((error: unknown) => {
        next = cycles.length;
        throw error;
      });
    const settled = await Promise.allSettled([
      stopOnFailure(recompute()),
      ...connections.slice(1).map((db) => stopOnFailure(takeCycles(db))),
    ]);
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    const rollups = (settled[0] as PromiseFulfilledResult<RollupDifference[]>).value;
    const [counts] = (await first.query(
      `SELECT (SELECT count(*) FROM analytics_rollup)::int AS rollups,
              (SELECT count(*) FROM analytics_unit_rollup)::int AS "unitRollups",
              (SELECT count(*) FROM analytics_area_rollup)::int AS "areaRollups",
              (SELECT count(*) FROM analytics_trend_day)::int AS days`,
    )) as Array<AnalyticsVerification['counts']>;
    const ok = rollups.length === 0 && results.every((c) => c.differences.length === 0);
    return { rollups, cycles: results, counts, ok };
  });
}
