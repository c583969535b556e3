import { print, runCli } from '../cli/cli-support';
import { BenchQuery, runAnalyticsBench } from './analytics-bench';

export const USAGE = `Usage: npm run bench:analytics -- [--runs N] [--cycles N] [--scale province|national] [--provinces N] [--verify] [--no-jit-compare] [--keep | --database URL]
  Builds a province-scale data set (all 117 units, every task of each cycle, history,
  evidence metadata) on a throw-away database, starts the API on it and times each analytics
  query over GraphQL (HTTP) and as plain SQL. Target: every GraphQL p95 under 100 ms
  (reported, not enforced: exits 0 unless something fails).

  --runs N          timed runs per query and path, after 5 warm-up runs (default 50)
  --cycles N        assessment cycles, the last (2026) open (default 3, national 5; at most 20)
  --scale S         province (default): Hubei; national: the units of 31 provinces and 200
                    tracked duties (≈ 2.8 million tasks over 5 cycles)
  --provinces N     with --scale national: only the first N provinces (Hubei first; default 31)
  --verify          recompute the rollups from the base tables after the build, fail on a difference
  --no-jit-compare  skip timing GraphQL on a second API with DATABASE_JIT=on
  --keep            keep the database afterwards and print its URL (needs a server, see below)
  --database URL    time a database an earlier run kept (--keep) instead of building one: this
                    build's newer migrations are applied to it first; it is not dropped
  --help            this text

  The database is created on the server of DATABASE_URL, else TEST_DATABASE_URL, else on a
  temporary embedded PostgreSQL.`;

export interface BenchArgs {
  help: boolean;
  runs: number;
  /** undefined: the scale's default (3, national 5). */
  cycles?: number;
  scale: 'province' | 'national';
  provinces?: number;
  verify: boolean;
  compareJit: boolean;
  keep: boolean;
  /** --database: a kept benchmark database to time instead of building one. */
  database?: string;
}

export function parseBenchArgs(args: readonly string[]): BenchArgs {
  const parsed: BenchArgs = {
    help: false,
    runs: 50,
    scale: 'province',
    verify: false,
    compareJit: true,
    keep: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      case '--keep':
        parsed.keep = true;
        break;
      case '--database': {
        const url = value();
        if (!/^postgres(ql)?:\/\//.test(url)) {
          throw new Error(`--database must be a postgres:// URL, got "${url}".\n${USAGE}`);
        }
        parsed.database = url;
        break;
      }
      case '--runs':
        parsed.runs = integer(flag, value(), 1, 100_000);
        break;
      case '--cycles':
        parsed.cycles = integer(flag, value(), 1, 20);
        break;
      case '--scale': {
        const scale = value();
        if (scale !== 'province' && scale !== 'national') {
          throw new Error(`--scale must be province or national, got "${scale}".\n${USAGE}`);
        }
        parsed.scale = scale;
        break;
      }
      case '--provinces':
        parsed.provinces = integer(flag, value(), 1, 31);
        break;
      case '--verify':
        parsed.verify = true;
        break;
      case '--no-jit-compare':
        parsed.compareJit = false;
        break;
      default:
        throw new Error(`Unexpected argument ${arg}.\n${USAGE}`);
    }
  }
  if (
    parsed.database &&
    (parsed.keep || parsed.cycles !== undefined || parsed.provinces !== undefined)
  ) {
    throw new Error(
      `--database times a kept database as it is: no --keep, --cycles or --provinces.\n${USAGE}`,
    );
  }
  if (parsed.provinces !== undefined && parsed.scale !== 'national') {
    throw new Error(`--provinces needs --scale national.\n${USAGE}`);
  }
  return parsed;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${text}".`);
  }
  return n;
}

/** The entry point of bench-analytics.cli.ts, over the given queries. */
export function benchCli(queries: readonly BenchQuery[]): void {
  runCli(async () => {
    const args = parseBenchArgs(process.argv.slice(2));
    if (args.help) {
      print(USAGE);
      return 0;
    }
    // Ctrl-C stops after the current run, so the server is closed and the database dropped;
    // a second Ctrl-C exits at once.
    let interrupted = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) process.exit(130);
      interrupted = true;
      process.stderr.write(`${signal}: stopping and cleaning up (again to exit at once)…\n`);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    await runAnalyticsBench(queries, {
      runs: args.runs,
      cycles: args.cycles,
      scale: args.scale,
      provinces: args.provinces,
      verify: args.verify,
      compareJit: args.compareJit,
      keep: args.keep,
      database: args.database,
      serverUrl: process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
      interrupted: () => interrupted,
    });
    return 0;
  });
}
