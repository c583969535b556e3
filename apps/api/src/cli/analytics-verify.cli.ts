import 'reflect-metadata';
import { shanghaiDate } from '../analytics/analytics-sql';
import { describeDifference, verifyFigures, verifyRollups } from '../analytics/rollup-verify';
import { print, runCli, withConfiguredDatabase } from './cli-support';

/**
 * npm run analytics:verify [-- --cycle <id>] [--prefecture <code>] — recomputes the dashboard's
 * maintained rollups (analytics_rollup, analytics_unit_rollup, analytics_area_rollup, analytics_trend_day) from the base tables (tasks,
 * evidence, task history) and names every row that differs; then runs every dashboard statement
 * of each cycle province-wide (and for the prefecture, if given) from the rollups and from the
 * base tables and names the first differing row of each. Everything is read in one snapshot.
 * Exits 1 on any difference.
 */
function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

runCli((config, logger) =>
  withConfiguredDatabase(config, logger, async (dataSource) => {
    const cycle = option('--cycle');
    const prefecture = option('--prefecture');
    const today = shanghaiDate(new Date());
    return dataSource.transaction('REPEATABLE READ', async (db) => {
      await db.query('SET TRANSACTION READ ONLY');
      const differences = await verifyRollups(db, cycle);
      for (const d of differences) print(`DIFFERENT\t${describeDifference(d)}`);
      const cycles: Array<{ id: string; title: string }> = await db.query(
        `SELECT id, title FROM assessment_cycle WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY year, id`,
        [cycle],
      );
      let figures = 0;
      for (const c of cycles) {
        const found = await verifyFigures(db, c.id, today, prefecture);
        figures += found.length;
        for (const f of found) {
          print(
            `DIFFERENT\t${c.title} ${f.statement} row ${f.row}: rollups ${JSON.stringify(f.fromRollups)}; base tables ${JSON.stringify(f.fromBase)}`,
          );
        }
      }
      const [{ rollups, unit_rollups, area_rollups, days }] = await db.query(
        `SELECT (SELECT count(*) FROM analytics_rollup)::int AS rollups,
                (SELECT count(*) FROM analytics_unit_rollup)::int AS unit_rollups,
                (SELECT count(*) FROM analytics_area_rollup)::int AS area_rollups,
                (SELECT count(*) FROM analytics_trend_day)::int AS days`,
      );
      const ok = differences.length === 0 && figures === 0;
      print(
        `Analytics rollups: ${rollups} rollup row(s), ${unit_rollups} unit rollup row(s), ${area_rollups} area rollup row(s), ${days} trend day row(s), ${cycles.length} cycle(s) — ` +
          (ok
            ? 'OK, identical to the base tables.'
            : `${differences.length} rollup row(s) and ${figures} dashboard statement(s) DIFFERENT.`),
      );
      return ok ? 0 : 1;
    });
  }),
);
