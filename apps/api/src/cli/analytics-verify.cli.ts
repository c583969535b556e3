import 'reflect-metadata';
import os from 'node:os';
import { shanghaiDate } from '../analytics/analytics-sql';
import { verifyAnalytics } from '../analytics/analytics-verify';
import { describeDifference } from '../analytics/rollup-verify';
import { elapsedMs } from '../bench/bench-stats';
import { print, runCli, withConfiguredDatabase } from './cli-support';

/**
 * npm run analytics:verify [-- --cycle <id>] [--prefecture <code>] [--jobs N] — recomputes the
 * dashboard's maintained rollups (analytics_rollup, analytics_unit_rollup, analytics_area_rollup,
 * analytics_trend_day) from the base tables (tasks, evidence, task history) and names every row
 * that differs; then runs every dashboard statement of each cycle province-wide (and for the
 * prefecture, if given) from the rollups and from the base tables and names the first differing
 * row of each. Everything is read in one snapshot, shared by N connections (default: the number
 * of CPUs, at most 4) that take the cycles in turn; a progress line per step goes to stderr.
 * Exits 1 on any difference.
 */
function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

function jobsOption(): number {
  const given = option('--jobs');
  if (given === null) return Math.min(os.availableParallelism(), 4);
  const jobs = Number(given);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 8) {
    throw new Error(`--jobs must be an integer from 1 to 8, got "${given}"`);
  }
  return jobs;
}

runCli(async (config, logger) => {
  const jobs = jobsOption();
  // The base-table statements are the slow reference by design: no "slow query" warning for
  // each of them (errors still go to the log).
  const quiet = logger.child({ component: 'analytics-verify' }, { level: 'error' });
  return withConfiguredDatabase(config, quiet, async (dataSource) => {
    const started = process.hrtime.bigint();
    const result = await verifyAnalytics(dataSource, {
      cycleId: option('--cycle'),
      prefectureCode: option('--prefecture'),
      today: shanghaiDate(new Date()),
      jobs,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    for (const d of result.rollups) print(`DIFFERENT\t${describeDifference(d)}`);
    let figures = 0;
    for (const c of result.cycles) {
      figures += c.differences.length;
      for (const f of c.differences) {
        print(
          `DIFFERENT\t${c.title} ${f.statement} row ${f.row}: rollups ${JSON.stringify(f.fromRollups)}; base tables ${JSON.stringify(f.fromBase)}`,
        );
      }
    }
    const { rollups, unitRollups, areaRollups, days } = result.counts;
    print(
      `Analytics rollups: ${rollups} rollup row(s), ${unitRollups} unit rollup row(s), ${areaRollups} area rollup row(s), ${days} trend day row(s), ${result.cycles.length} cycle(s), ${jobs} connection(s), ${(elapsedMs(started) / 1000).toFixed(0)} s — ` +
        (result.ok
          ? 'OK, identical to the base tables.'
          : `${result.rollups.length} rollup row(s) and ${figures} dashboard statement(s) DIFFERENT.`),
    );
    return result.ok ? 0 : 1;
  });
});
