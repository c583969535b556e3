import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../database/data-source';
import { resumeAfterBulkLoad, suspendForBulkLoad } from '../bulk-load';

describe('bulk load without secondary indexes and foreign keys (real database)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const TABLES = ['task_event', 'evidence', 'task_extension_request'];

  // The tables, and the partitions of task_event (one per cycle) with their own indexes.
  const definitions = async (): Promise<string[]> =>
    (
      (await dataSource.query(
        `SELECT c.relname || ' ' || pg_get_indexdef(i.indexrelid) || ' valid ' || i.indisvalid AS d
           FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
          WHERE c.relname = ANY ($1)
             OR c.oid IN (SELECT relid FROM pg_partition_tree('task_event') WHERE isleaf)
         UNION ALL
         SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
           FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE c.relname = ANY ($1)
          ORDER BY 1`,
        [TABLES],
      )) as Array<{ d: string }>
    ).map((r) => r.d);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolMax: 2 });
    await dataSource.initialize();
    // Two cycles' history partitions (as creating two cycles makes them).
    await dataSource.query(
      `SELECT task_event_partition_for_cycle(gen_random_uuid()) FROM generate_series(1, 2)`,
    );
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('drops foreign keys and secondary indexes, keeps primary and unique keys, and brings back the same schema', async () => {
    const before = await definitions();
    await dataSource.transaction(async (manager) => {
      const suspended = await suspendForBulkLoad(manager, TABLES);
      const during: Array<{ fks: number; indexes: number; primaries: number }> =
        await manager.query(
          `SELECT (SELECT count(*)::int FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                    WHERE c.relname = ANY ($1) AND k.contype = 'f') AS fks,
                  (SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                    WHERE c.relname = ANY ($1) AND NOT i.indisprimary
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)) AS indexes,
                  (SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                    WHERE c.relname = ANY ($1) AND i.indisprimary) AS primaries`,
          [TABLES],
        );
      expect(during[0]).toEqual({ fks: 0, indexes: 0, primaries: TABLES.length });
      // Something to drop and to re-create on each table.
      expect(suspended.definitions.some((d) => d.includes('IDX_task_event_task'))).toBe(true);
      expect(suspended.definitions.some((d) => /evidence".*FOREIGN KEY/.test(d))).toBe(true);
      await resumeAfterBulkLoad(manager, suspended);
    });
    expect(await definitions()).toEqual(before);
    // Each partition has each of the table's indexes again.
    expect(before.filter((d) => /^task_event_[0-9a-f]{32} .*\(task_id, id\)/.test(d))).toHaveLength(
      2,
    );
  });

  it('validates each foreign key over the loaded rows: a row that breaks one fails the load', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        const suspended = await suspendForBulkLoad(manager, TABLES);
        await manager.query(
          `INSERT INTO task_extension_request (task_id, requested_due_date, reason, state, requested_by, requested_at)
           VALUES (gen_random_uuid(), '2027-03-31', 'no such task', 'pending', 'nobody', now())`,
        );
        await resumeAfterBulkLoad(manager, suspended);
      }),
    ).rejects.toThrow(/foreign key/);
    // Rolled back with the transaction: the schema is whole.
    const [{ fks }] = await dataSource.query(
      `SELECT count(*)::int AS fks FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE c.relname = ANY ($1) AND k.contype = 'f'`,
      [TABLES],
    );
    expect(fks).toBeGreaterThan(0);
  });
});
