import 'reflect-metadata';
import { runStatusBench } from '../bench/status-bench';
import { checkFlags, intOption } from './cli-options';
import { print, runCli } from './cli-support';

const USAGE = `Usage: npm run bench:status -- [--changes N] [--rounds N] [--concurrency N]
  Status changes per second through GraphQL (HTTP, the app as its least-privilege role) with
  and without the task history hash chain, alternating in one run on one throw-away database;
  prints both rates and their ratio (issue 15: within 20 %).

  --changes N      status changes per phase (default 600)
  --rounds N       phases per mode (default 3)
  --concurrency N  concurrent clients (default 8)

  The database is created on the server of DATABASE_URL, else TEST_DATABASE_URL (a role that
  may create databases and roles), else on a temporary embedded PostgreSQL.`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  checkFlags(args, ['--changes', '--rounds', '--concurrency'], USAGE);
  await runStatusBench({
    changes: intOption(args, '--changes', 600, 1_000_000, USAGE),
    rounds: intOption(args, '--rounds', 3, 100, USAGE),
    concurrency: intOption(args, '--concurrency', 8, 64, USAGE),
    serverUrl: process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
  });
  return 0;
});
