import 'reflect-metadata';
import { runUrgingBench, URGING_TARGET_MS } from '../bench/urging-bench';
import { print, runCli } from './cli-support';

const USAGE = `Usage: npm run bench:urging
  Times the daily 三色督办 job (issue, escalate, close, history, notifications) over the demo
  cycle — every Hubei unit × every tracked duty — on a throw-away database: a first run, the
  same day again (must issue nothing: idempotent) and ten days later (escalations), against a
  plain COUNT over the same tasks. Target: each run under 5 s. Exits 1 when a run misses it
  or the second run issued anything.

  The database is created on the server of DATABASE_URL, else TEST_DATABASE_URL (a role that
  may create databases), else on a temporary embedded PostgreSQL.`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  if (args.length > 0) throw new Error(`Unexpected argument ${args[0]}.\n${USAGE}`);
  const result = await runUrgingBench({
    serverUrl: process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
  });
  const slow = [result.firstMs, result.secondMs, result.escalationMs].some(
    (ms) => ms >= URGING_TARGET_MS,
  );
  return slow || result.second.issued !== 0 ? 1 : 0;
});
