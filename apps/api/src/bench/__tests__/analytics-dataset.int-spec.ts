import { createTestDatabase, TestDatabase } from '@duty/test-support';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '../../analytics/analytics-sql';
import { verifyAnalytics, withSharedSnapshot } from '../../analytics/analytics-verify';
import { syncReferenceData } from '../../admin-unit/reference-data.sync';
import { createDataSource } from '../../database/data-source';
import { seedRegulations } from '../../regulation/seed-regulations';
import { AnalyticsDataset, buildAnalyticsDataset } from '../analytics-dataset';

describe('analytics benchmark data set (real database, two cycles)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let dataset: AnalyticsDataset;
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await dataSource.query(sql, params)) as T[])[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolMax: 2 });
    await dataSource.initialize();
    await syncReferenceData(dataSource);
    await seedRegulations(dataSource);
    dataset = await buildAnalyticsDataset(dataSource, { cycles: 2 });
    // Two cycles of 4,581 tasks with their whole history: 44 s beside a CI run, over 60 s within one.
  }, 240_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('has every task of each cycle: one closed year, the open 2026 last', async () => {
    expect(dataset.cycles.map((c) => [c.year, c.state])).toEqual([
      [2025, 'closed'],
      [2026, 'open'],
    ]);
    expect(dataset.openCycle).toBe(dataset.cycles[1]);
    const { units } = await one<{ units: number }>(
      `SELECT count(DISTINCT unit_code)::int AS units FROM task WHERE cycle_id = $1`,
      [dataset.openCycle.id],
    );
    expect(units).toBe(117);
    expect(dataset.cycles[0].tasks).toBe(dataset.cycles[1].tasks);
    expect(dataset.tasks).toBe(2 * dataset.cycles[1].tasks);
    expect(dataset.tasks).toBeGreaterThan(4000);
    expect(dataset.taskEvents).toBeGreaterThanOrEqual(5 * dataset.tasks);
    expect(dataset.currentEvidence).toBeGreaterThan(0);
    expect(dataset.evidence).toBeGreaterThan(dataset.currentEvidence); // superseded, withdrawn
    expect(dataset.extensionRequests).toBeGreaterThan(0);
  });

  it('gives every task at least five history events, in time order, none in the future', async () => {
    const history = await one<{ fewest: number; disorder: number; future: number }>(
      `SELECT (SELECT min(n)::int FROM (SELECT count(e.id) AS n FROM task t
                 LEFT JOIN task_event e ON e.task_id = t.id GROUP BY t.id) c) AS fewest,
              (SELECT count(*)::int FROM (SELECT occurred_at < lag(occurred_at) OVER (PARTITION BY task_id ORDER BY id) AS back
                 FROM task_event) o WHERE back) AS disorder,
              (SELECT count(*)::int FROM task_event WHERE occurred_at > now()) AS future`,
    );
    expect(history).toEqual({ fewest: 5, disorder: 0, future: 0 });
  });

  it('dates the created events on the day each cycle was generated, 2 January 09:00 in Beijing', async () => {
    const created = await one<{ events: number; off: number }>(
      `SELECT count(*)::int AS events,
              count(*) FILTER (WHERE e.occurred_at <> make_timestamptz(c.year, 1, 2, 9, 0, 0, 'Asia/Shanghai'))::int AS off
         FROM task_event e JOIN assessment_cycle c ON c.id = e.cycle_id WHERE e.kind = 'created'`,
    );
    expect(created).toEqual({ events: dataset.tasks, off: 0 });
  });

  it('keeps each task row as its history left it', async () => {
    const bad = await one<Record<string, number>>(
      `WITH last AS (SELECT DISTINCT ON (task_id) task_id, after->>'status' AS status
                       FROM task_event WHERE kind = 'status' ORDER BY task_id, id DESC),
            submission AS (SELECT DISTINCT ON (task_id) task_id, occurred_at, actor_username
                             FROM task_event WHERE kind = 'status' AND after->>'status' = 'SUBMITTED'
                            ORDER BY task_id, occurred_at DESC, id DESC)
       SELECT count(*) FILTER (WHERE coalesce(l.status, 'NOT_STARTED') <> t.status)::int AS status,
              count(*) FILTER (WHERE t.submitted_at IS DISTINCT FROM su.occurred_at
                                  OR t.submitted_by IS DISTINCT FROM su.actor_username)::int AS submitted,
              count(*) FILTER (WHERE (t.status = 'VERIFIED') <> (t.completed_at IS NOT NULL))::int AS completed,
              count(*) FILTER (WHERE t.row_version <> 1 + (SELECT count(*) FROM task_event e WHERE e.task_id = t.id
                AND e.kind IN ('updated', 'status', 'due_date', 'extension_requested', 'extension_decided')))::int AS row_version,
              count(*) FILTER (WHERE t.return_count <> (SELECT count(*) FROM task_event e WHERE e.task_id = t.id
                AND e.kind = 'status' AND e.after->>'status' = 'RETURNED'))::int AS returns
         FROM task t LEFT JOIN last l ON l.task_id = t.id LEFT JOIN submission su ON su.task_id = t.id`,
    );
    expect(bad).toEqual({ status: 0, submitted: 0, completed: 0, row_version: 0, returns: 0 });
  });

  it('mixes statuses: the closed year mostly verified, the open one spread out', async () => {
    const rows: Array<{ year: number; status: string; share: number }> = await dataSource.query(
      `SELECT c.year, t.status, count(*)::float / sum(count(*)) OVER (PARTITION BY c.year) AS share
         FROM task t JOIN assessment_cycle c ON c.id = t.cycle_id GROUP BY c.year, t.status`,
    );
    const share = (year: number, status: string) =>
      rows.find((r) => r.year === year && r.status === status)?.share ?? 0;
    expect(share(2025, 'VERIFIED')).toBeGreaterThan(0.8);
    expect(share(2025, 'RETURNED')).toBeGreaterThan(0.01);
    for (const status of ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'VERIFIED']) {
      expect(share(2026, status)).toBeGreaterThan(0.04);
    }
  });

  it('gives every submitted task 1–3 current evidence files, uploaded before its first submission', async () => {
    const counts = await one<{ fewest: number; most: number; late: number }>(
      `SELECT min(n)::int AS fewest, max(n)::int AS most,
              count(*) FILTER (WHERE first_upload > submitted)::int AS late
         FROM (SELECT t.id,
                      (SELECT count(*) FROM evidence e WHERE e.task_id = t.id
                          AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL) AS n,
                      (SELECT min(uploaded_at) FROM evidence e WHERE e.task_id = t.id) AS first_upload,
                      (SELECT min(occurred_at) FROM task_event e WHERE e.task_id = t.id AND e.kind = 'status'
                          AND e.after->>'status' = 'SUBMITTED') AS submitted
                 FROM task t WHERE t.status IN ('SUBMITTED', 'RETURNED', 'VERIFIED')) s`,
    );
    expect(counts).toEqual({ fewest: 1, most: 3, late: 0 });
    const versions = await one<{ superseded: number; withdrawn: number; bad_hash: number }>(
      `SELECT count(*) FILTER (WHERE superseded_by_id IS NOT NULL)::int AS superseded,
              count(*) FILTER (WHERE withdrawn_at IS NOT NULL)::int AS withdrawn,
              count(*) FILTER (WHERE sha256 !~ '^[0-9a-f]{64}$')::int AS bad_hash
         FROM evidence`,
    );
    expect(versions.superseded).toBeGreaterThan(0);
    expect(versions.withdrawn).toBeGreaterThan(0);
    expect(versions.bad_hash).toBe(0);
  });

  it('leaves the history append-only and refuses a second build of the same years', async () => {
    await expect(
      dataSource.query(
        `UPDATE task_event SET reason = 'x' WHERE id = (SELECT min(id) FROM task_event)`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(buildAnalyticsDataset(dataSource, { cycles: 1 })).rejects.toThrow(
      'already has a 2026 cycle',
    );
  });

  it('verifies rollups and figures over one snapshot shared by two connections (analytics:verify)', async () => {
    const lines: string[] = [];
    const today = shanghaiDate(new Date());
    const clean = await verifyAnalytics(dataSource, {
      today,
      jobs: 2,
      progress: (l) => lines.push(l),
    });
    expect(clean.ok).toBe(true);
    expect(clean.rollups).toEqual([]);
    expect(clean.cycles.map((c) => c.cycleId)).toEqual(dataset.cycles.map((c) => c.id));
    expect(clean.counts.rollups).toBeGreaterThan(0);
    expect(lines).toHaveLength(3); // the recomputation and each cycle
    expect(lines.filter((l) => /^verify: cycle \d\/2 /.test(l))).toHaveLength(2);

    // One trend day of the open cycle off by one: named by the recomputation and by the trend.
    const open = dataset.openCycle.id;
    const { unit_code, day } = await one<{ unit_code: string; day: string }>(
      `SELECT unit_code, day::text FROM analytics_trend_day WHERE cycle_id = $1
        ORDER BY unit_code, day LIMIT 1`,
      [open],
    );
    await dataSource.query(
      `UPDATE analytics_trend_day SET verified_change = verified_change + 1
        WHERE cycle_id = $1 AND unit_code = $2 AND day = $3`,
      [open, unit_code, day],
    );
    try {
      const tampered = await verifyAnalytics(dataSource, { today, jobs: 2 });
      expect(tampered.ok).toBe(false);
      expect(tampered.rollups).toEqual([
        expect.objectContaining({
          table: 'analytics_trend_day',
          key: expect.objectContaining({ unit_code, day }),
        }),
      ]);
      const [closed, current] = tampered.cycles;
      expect(closed.differences).toEqual([]);
      expect(current.differences.map((d) => d.statement)).toContain('completionTrend [province]');
    } finally {
      await dataSource.query(
        `UPDATE analytics_trend_day SET verified_change = verified_change - 1
          WHERE cycle_id = $1 AND unit_code = $2 AND day = $3`,
        [open, unit_code, day],
      );
    }
  }, 240_000);

  it('shares the exported snapshot: a change committed meanwhile is seen by no connection', async () => {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    await other.query(`CREATE TABLE snapshot_probe (n int)`);
    const count = `SELECT count(*)::int AS n FROM snapshot_probe`;
    try {
      const seen = await withSharedSnapshot(dataSource, 2, async ([first, second]) => {
        await other.query(`INSERT INTO snapshot_probe VALUES (1)`);
        const n = async (db: { query(sql: string): Promise<unknown> }) =>
          ((await db.query(count)) as Array<{ n: number }>)[0].n;
        return [await n(first), await n(second)];
      });
      expect(seen).toEqual([0, 0]);
      expect(await one<{ n: number }>(count)).toEqual({ n: 1 });
      await expect(
        withSharedSnapshot(dataSource, 1, (connections) =>
          connections[0].query(`DELETE FROM snapshot_probe`),
        ),
      ).rejects.toThrow(/read-only/);
      // More connections than the pool (2) would wait forever: refused at once.
      await expect(withSharedSnapshot(dataSource, 3, async () => 0)).rejects.toThrow(
        'jobs (3) exceeds the connection pool (2)',
      );
    } finally {
      await other.query(`DROP TABLE snapshot_probe`);
      await other.end();
    }
  });
});
