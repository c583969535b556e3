import { formatPartitionLookup, runPartitionLookup } from '../bench/partition-lookup';
import { checkFlags, intOption } from './cli-options';
import { print, runCli, withScratchDatabase } from './cli-support';

const USAGE = `Usage: npm run bench:partitions -- [--rows N] [--partitions N] [--lookups N] [--rounds N]
  Why tasks are not partitioned by cycle (README, "Tasks are not partitioned"): the same rows as
  one table and as a table partitioned by cycle, then lookups of random ids by id (as the API
  reaches a task) on each, and by id and cycle on the partitioned one, interleaved in one run;
  prints p50/p95 per way and the ratio.

  --rows N        rows in each table (default 2857165, the national data set's tasks)
  --partitions N  cycles, one partition each (default 155, the national data set's)
  --lookups N     lookups per way and round (default 2000)
  --rounds N      rounds, each with fresh random ids (default 3)

  Runs in a throw-away database on the server of DATABASE_URL, else TEST_DATABASE_URL, else on
  a temporary embedded PostgreSQL.`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  checkFlags(args, ['--rows', '--partitions', '--lookups', '--rounds'], USAGE);
  const options = {
    rows: intOption(args, '--rows', 2_857_165, 50_000_000, USAGE),
    partitions: intOption(args, '--partitions', 155, 2000, USAGE),
    lookups: intOption(args, '--lookups', 2000, 1_000_000, USAGE),
    rounds: intOption(args, '--rounds', 3, 100, USAGE),
  };
  const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  const result = await withScratchDatabase(serverUrl, (url) =>
    runPartitionLookup(url, options, (line) => process.stderr.write(`${line}\n`)),
  );
  for (const line of formatPartitionLookup(result, options)) print(line);
  return 0;
});
