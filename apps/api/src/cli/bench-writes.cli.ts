import 'reflect-metadata';
import { runWritesBench } from '../bench/status-bench';
import { checkFlags, intOption } from './cli-options';
import { print, runCli } from './cli-support';

const USAGE = `Usage: npm run bench:writes -- [--changes N] [--rounds N] [--clients 1,8,32]
  Status changes per second with the analytics rollups maintained (issue 20): through GraphQL
  (HTTP, real sessions, the whole service) next to raw SQL transactions writing the same rows
  (task, history; the database's triggers keep rollups, trend and hash chain in both), for each
  client count, alternating in one run on one throw-away database; prints both rates and the
  ratio (target at 8 clients: the API at ≥ 50 % of raw SQL).

  --changes N         status changes per phase (default 400)
  --rounds N          phases per way and client count (default 2)
  --clients A,B,...   client counts (default 1,8,32; each 1–64)

  The database is created on the server of DATABASE_URL, else TEST_DATABASE_URL (a role that
  may create databases and roles), else on a temporary embedded PostgreSQL.`;

function clientCounts(args: string[]): number[] {
  const at = args.indexOf('--clients');
  if (at < 0) return [1, 8, 32];
  const text = args[at + 1] ?? '';
  const counts = text.split(',').map((part) => Number(part));
  if (!/^\d+(,\d+)*$/.test(text) || counts.some((n) => n < 1 || n > 64)) {
    throw new Error(`--clients must list integers from 1 to 64, got "${text}".\n${USAGE}`);
  }
  return counts;
}

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  checkFlags(args, ['--changes', '--rounds', '--clients'], USAGE);
  await runWritesBench({
    changes: intOption(args, '--changes', 400, 1_000_000, USAGE),
    rounds: intOption(args, '--rounds', 2, 100, USAGE),
    clients: clientCounts(args),
    serverUrl: process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
  });
  return 0;
});
