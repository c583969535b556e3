import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { syncReferenceData } from '../../admin-unit/reference-data.sync';
import { ANALYTICS_BENCH_QUERIES } from '../../analytics/bench-queries';
import { createDataSource } from '../../database/data-source';
import { seedRegulations } from '../../regulation/seed-regulations';
import { seedDemoAccounts } from '../../user/demo-accounts.seed';
import { buildAnalyticsDataset } from '../analytics-dataset';
import { runAnalyticsBench } from '../analytics-bench';

/**
 * The analytics benchmark end to end on a small kept database (`--database`): the real API
 * started on it, every dashboard query timed through GraphQL and as
 * SQL, for both callers, and the rollups against the base tables. Timings are not asserted
 * (machines are noisy); that every query answers, and what the report says, is.
 */
describe('bench:analytics on a kept database (real database, one cycle)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = createDataSource({ url: database.url, poolMax: 2 });
    await dataSource.initialize();
    try {
      await syncReferenceData(dataSource);
      await seedRegulations(dataSource);
      await seedDemoAccounts(dataSource, 10);
      await buildAnalyticsDataset(dataSource, { cycles: 1 });
    } finally {
      await dataSource.destroy();
    }
  }, 240_000);
  afterAll(() => database?.drop());

  it('times every query for both callers and reads the data set back from the database', async () => {
    const lines: string[] = [];
    const results = await runAnalyticsBench(ANALYTICS_BENCH_QUERIES, {
      database: database.url,
      runs: 2,
      warmup: 1,
      compareJit: false,
      out: (line = '') => lines.push(line),
    });
    const report = lines.join('\n');
    // Two callers (provincial and national supervisor), every query once each.
    expect(results).toHaveLength(2 * ANALYTICS_BENCH_QUERIES.length);
    for (const r of results) {
      expect(r.graphql.p95).toBeGreaterThan(0);
      expect(r.sql.p95).toBeGreaterThan(0);
    }
    expect(report).toMatch(/Data set: 2026 \(open, 4581 tasks\)/);
    expect(report).toMatch(/\d+ analytics_area_rollup rows/);
    expect(report).toMatch(/maintained rollups against the base tables/);
    // Nothing to migrate: the database is this build's.
    expect(report).not.toMatch(/newer migration/);
  }, 300_000);
});
