import 'reflect-metadata';
import { runStatusBench } from '../bench/status-bench';
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

function option(args: string[], name: string, fallback: number, max: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const text = args[at + 1] ?? '';
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) {
    throw new Error(`${name} must be an integer from 1 to ${max}, got "${text}".\n${USAGE}`);
  }
  return n;
}

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  const known = new Set(['--changes', '--rounds', '--concurrency']);
  for (let i = 0; i < args.length; i += 2) {
    if (!known.has(args[i])) throw new Error(`Unexpected argument ${args[i]}.\n${USAGE}`);
  }
  await runStatusBench({
    changes: option(args, '--changes', 600, 1_000_000),
    rounds: option(args, '--rounds', 3, 100),
    concurrency: option(args, '--concurrency', 8, 64),
    serverUrl: process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
  });
  return 0;
});
