import 'reflect-metadata';
import { ASSESSMENT_TARGET_MS, runAssessmentBench } from '../bench/assessment-bench';
import { print, runCli } from './cli-support';

const USAGE = `Usage: npm run bench:assessment -- [--runs N]
  Scores a province-scale cycle — every Hubei unit, 60 indicators (40 work items, 20 measured),
  a self, prefecture and provincial score on the indicators, measured values with reviewers'
  adjustments, on-site deductions and objection bonuses as adjustments — on a throw-away
  database, and times computeScores and freezeResults end to end (database read + scoring),
  the read alone and the pure scoring alone: p50 / p95 over the runs and the ratio to the
  target. Target: under 2 s. Exits 1 when an end-to-end p95 misses it.

  --runs N   timed runs of each measurement after warm-up (default 10; pure scoring × 5)

  The database is created on the server of DATABASE_URL, else TEST_DATABASE_URL (a role that
  may create databases), else on a temporary embedded PostgreSQL.`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  let runs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag !== '--runs') throw new Error(`Unexpected argument ${args[i]}.\n${USAGE}`);
    const value = Number(inline ?? args[++i]);
    if (!Number.isInteger(value) || value < 1 || value > 1000) {
      throw new Error(`--runs must be an integer from 1 to 1000.\n${USAGE}`);
    }
    runs = value;
  }
  const result = await runAssessmentBench({
    serverUrl: process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
    runs,
  });
  const slow = [result.computeScores.p95, result.freezeResults.p95].some(
    (ms) => ms >= ASSESSMENT_TARGET_MS,
  );
  return slow ? 1 : 0;
});
