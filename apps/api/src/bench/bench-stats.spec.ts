import {
  BenchResult,
  displayWidth,
  elapsedMs,
  formatTable,
  percentile,
  ratio,
  summarize,
  targetVerdict,
  TimingSummary,
} from './bench-stats';

const timing = (p50: number, p95: number): TimingSummary => ({
  runs: 50,
  p50,
  p95,
  min: p50 / 2,
  max: p95 * 2,
  mean: p50,
});

describe('bench statistics', () => {
  it('takes percentiles by nearest rank, whatever the order of the samples', () => {
    const oneToHundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 1)).toBe(1);

    // 50 runs: p95 is the 48th fastest (ceil(47.5)), p50 the 25th.
    const fifty = Array.from({ length: 50 }, (_, i) => (i + 1) * 10);
    expect(percentile(fifty, 95)).toBe(480);
    expect(percentile(fifty, 50)).toBe(250);

    expect(percentile([7], 95)).toBe(7);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([5, 1, 4, 2, 3, 10, 6, 9, 7, 8], 95)).toBe(10);
    expect(percentile([5, 1, 4, 2, 3, 10, 6, 9, 7, 8], 90)).toBe(9);
  });

  it('refuses empty samples and percentiles out of range', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow('(0, 100]');
    expect(() => percentile([1], 101)).toThrow('(0, 100]');
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('summarises runs', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ runs: 4, p50: 2, p95: 4, min: 1, max: 4, mean: 2.5 });
  });

  it('converts hrtime readings to milliseconds', () => {
    expect(elapsedMs(1_000_000n, 3_500_000n)).toBe(2.5);
    expect(elapsedMs(process.hrtime.bigint())).toBeGreaterThanOrEqual(0);
  });

  it('counts wide characters twice for alignment', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('任务完成率')).toBe(10);
    expect(displayWidth('p95（毫秒）')).toBe(11);
  });
});

describe('bench table', () => {
  const results: BenchResult[] = [
    { name: 'overview', graphql: timing(12.345, 20), sql: timing(2, 4) },
    { name: '县级排名', graphql: timing(80, 123.456), sql: timing(30, 41.152) },
  ];

  it('prints one aligned Markdown row per query with p50, p95 and the p95 ratio', () => {
    const table = formatTable(results).split('\n');
    expect(table).toEqual([
      '| query    | GraphQL p50 ms | GraphQL p95 ms | SQL p50 ms | SQL p95 ms | ratio (GraphQL p95 / SQL p95) |',
      '|:---------|---------------:|---------------:|-----------:|-----------:|------------------------------:|',
      '| overview |          12.35 |          20.00 |       2.00 |       4.00 |                          5.0× |',
      '| 县级排名 |          80.00 |         123.46 |      30.00 |      41.15 |                          3.0× |',
    ]);
    // Every line has the same display width.
    expect(new Set(table.map(displayWidth)).size).toBe(1);
  });

  it('computes the ratio of the p95s', () => {
    expect(ratio(results[0])).toBe(5);
    expect(ratio({ ...results[0], sql: timing(0, 0) })).toBe(Number.POSITIVE_INFINITY);
    expect(formatTable([{ ...results[0], sql: timing(0, 0) }])).toMatch(/ ∞ \|$/);
  });

  it('reports whether every GraphQL p95 is under the target', () => {
    expect(targetVerdict(results)).toBe(
      'Target NOT met: GraphQL p95 is 100 ms or more for 1 of 2 queries: 县级排名 (123.46 ms).',
    );
    expect(targetVerdict(results.slice(0, 1))).toBe(
      'Target met: every GraphQL p95 is under 100 ms (slowest: overview, 20.00 ms).',
    );
    expect(targetVerdict([{ ...results[0], graphql: timing(50, 100) }])).toMatch(/^Target NOT met/);
    expect(targetVerdict(results, 200)).toMatch(/^Target met/);
  });
});
