import 'reflect-metadata';
import { ANALYTICS_BENCH_QUERIES } from '../analytics/bench-queries';
import { benchCli } from '../bench/bench-cli';

/**
 * npm run bench:analytics [-- --runs N --cycles N --keep] — the analytics benchmark of issue 7:
 * a province-scale data set on a throw-away database, each analytics query timed over GraphQL
 * and as plain SQL, p50/p95 against the 100 ms target. See ../bench/bench-cli.ts.
 */
benchCli(ANALYTICS_BENCH_QUERIES);
