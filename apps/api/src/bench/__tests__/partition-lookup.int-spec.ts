import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { formatPartitionLookup, runPartitionLookup } from '../partition-lookup';

/**
 * bench:partitions on a small scale: both tables hold the same rows, every lookup finds its row
 * each way, and the report names the three ways. Timings are not asserted (machines are noisy).
 */
describe('bench:partitions (real database, small scale)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database?.drop());

  it('times lookups by id on one table and on a table partitioned by cycle', async () => {
    const options = { rows: 3000, partitions: 7, lookups: 20, rounds: 2 };
    const lines: string[] = [];
    const result = await runPartitionLookup(database.url, options, (line) => lines.push(line));
    expect(result.table.runs).toBe(40);
    expect(result.partitioned.runs).toBe(40);
    expect(result.partitionedWithCycle.runs).toBe(40);
    expect(result.planningMs).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^built 3000 rows twice \(one table; 7 partitions\)/);
    const report = formatPartitionLookup(result, options).join('\n');
    expect(report).toMatch(/one table, by id +p50 [\d.]+ ms {2}p95 [\d.]+ ms {2}\(40 lookups\)/);
    expect(report).toMatch(/7 partitions, by id and cycle/);
    expect(report).toMatch(/by id, partitioned ÷ one table: p50 [\d.]+×/);
  });
});
