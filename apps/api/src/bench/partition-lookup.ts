import { Client } from 'pg';
import { elapsedMs, summarize, TimingSummary } from './bench-stats';

/**
 * Why tasks are not partitioned by cycle (issue 20, point 3; README, "Tasks are not
 * partitioned"): the API reaches a task by its id alone, and a table partitioned by cycle has no
 * index on id alone, so a lookup by id probes every partition. This measures it: the same rows
 * (uuid id, cycle, a row's worth of padding) as one table and as a table partitioned by cycle,
 * then lookups of random ids — by id on each, and by id and cycle on the partitioned one —
 * interleaved in rounds, in one run. Runs in a database of its own (the caller's scratch).
 */

export interface PartitionLookupOptions {
  /** Rows in each table (default: the national data set's 2,857,165 tasks). */
  rows: number;
  /** Cycles, one partition each (default: the national data set's 155). */
  partitions: number;
  /** Lookups per way and round. */
  lookups: number;
  rounds: number;
}

export interface PartitionLookupResult {
  /** By id, one table. */
  table: TimingSummary;
  /** By id, the partitioned table. */
  partitioned: TimingSummary;
  /** By id and cycle, the partitioned table. */
  partitionedWithCycle: TimingSummary;
  /** Planning time of one lookup by id on the partitioned table (EXPLAIN ANALYZE). */
  planningMs: number;
  buildMs: number;
}

/** Builds both tables in the (empty) database of `url` and times the lookups. */
export async function runPartitionLookup(
  url: string,
  options: PartitionLookupOptions,
  progress: (line: string) => void = () => undefined,
): Promise<PartitionLookupResult> {
  const client = new Client({ connectionString: url, application_name: 'bench-partitions' });
  await client.connect();
  try {
    const built = process.hrtime.bigint();
    await client.query(`SET jit = off`);
    await client.query(
      `CREATE TABLE one_table (id uuid NOT NULL DEFAULT gen_random_uuid(), cycle integer NOT NULL,
         pad text NOT NULL, PRIMARY KEY (id))`,
    );
    await client.query(
      `CREATE TABLE by_cycle (id uuid NOT NULL, cycle integer NOT NULL, pad text NOT NULL,
         PRIMARY KEY (id, cycle)) PARTITION BY LIST (cycle)`,
    );
    for (let cycle = 1; cycle <= options.partitions; cycle++) {
      await client.query(
        `CREATE TABLE by_cycle_${cycle} PARTITION OF by_cycle FOR VALUES IN (${cycle})`,
      );
    }
    // About a task row's width.
    await client.query(
      `INSERT INTO one_table (cycle, pad)
       SELECT 1 + g % $2, repeat('x', 200) FROM generate_series(1, $1) g`,
      [options.rows, options.partitions],
    );
    await client.query(`INSERT INTO by_cycle SELECT id, cycle, pad FROM one_table`);
    await client.query(`VACUUM ANALYZE one_table`);
    await client.query(`VACUUM ANALYZE by_cycle`);
    const buildMs = elapsedMs(built);
    progress(
      `built ${options.rows} rows twice (one table; ${options.partitions} partitions) in ${(buildMs / 1000).toFixed(1)} s`,
    );

    const samples = {
      table: [] as number[],
      partitioned: [] as number[],
      withCycle: [] as number[],
    };
    const time = async (sql: string, values: unknown[], into: number[]) => {
      const start = process.hrtime.bigint();
      const { rowCount } = await client.query(sql, values);
      into.push(elapsedMs(start));
      if (rowCount !== 1) throw new Error(`expected one row, got ${rowCount}: ${sql}`);
    };
    for (let round = 0; round < options.rounds; round++) {
      const keys = (
        await client.query<{ id: string; cycle: number }>(
          `SELECT id, cycle FROM one_table ORDER BY random() LIMIT $1`,
          [options.lookups],
        )
      ).rows;
      for (const { id, cycle } of keys) {
        await time(`SELECT * FROM one_table WHERE id = $1`, [id], samples.table);
        await time(`SELECT * FROM by_cycle WHERE id = $1`, [id], samples.partitioned);
        await time(
          `SELECT * FROM by_cycle WHERE id = $1 AND cycle = $2`,
          [id, cycle],
          samples.withCycle,
        );
      }
      progress(`round ${round + 1}/${options.rounds}: ${keys.length} lookups each way`);
    }
    const [{ id }] = (await client.query<{ id: string }>(`SELECT id FROM one_table LIMIT 1`)).rows;
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, SUMMARY) SELECT * FROM by_cycle WHERE id = $1`,
      [id],
    );
    const planning = plan.rows
      .map((r) => /^Planning Time: ([\d.]+) ms/.exec(r['QUERY PLAN']))
      .find(Boolean);
    return {
      table: summarize(samples.table),
      partitioned: summarize(samples.partitioned),
      partitionedWithCycle: summarize(samples.withCycle),
      planningMs: planning ? Number(planning[1]) : NaN,
      buildMs,
    };
  } finally {
    await client.end();
  }
}

/** The result as lines: p50/p95 per way and the partitioned table's cost against one table. */
export function formatPartitionLookup(
  result: PartitionLookupResult,
  options: PartitionLookupOptions,
): string[] {
  const row = (label: string, s: TimingSummary) =>
    `${label.padEnd(38)} p50 ${s.p50.toFixed(3)} ms  p95 ${s.p95.toFixed(3)} ms  (${s.runs} lookups)`;
  return [
    `Lookups of one row by key: ${options.rows} rows, one table against ${options.partitions} partitions by cycle`,
    row('one table, by id', result.table),
    row(`${options.partitions} partitions, by id`, result.partitioned),
    row(`${options.partitions} partitions, by id and cycle`, result.partitionedWithCycle),
    `by id, partitioned ÷ one table: p50 ${(result.partitioned.p50 / result.table.p50).toFixed(1)}×, ` +
      `p95 ${(result.partitioned.p95 / result.table.p95).toFixed(1)}× (planning one lookup: ${result.planningMs.toFixed(2)} ms)`,
  ];
}
