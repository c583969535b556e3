import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { createDataSource } from '../data-source';
import { migrationStatus, revertMigrations, runMigrations } from '../migrate';
import { pendingSchemaChanges } from '../schema-drift';

async function userTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('migrate an empty database up, down to empty, and up again', async () => {
    expect(await userTables(dataSource)).toEqual([]);
    const total = dataSource.migrations.length;
    expect(total).toBeGreaterThan(0);

    const applied = await runMigrations(dataSource);
    expect(applied).toHaveLength(total);
    expect(await migrationStatus(dataSource)).toEqual({
      applied: dataSource.migrations.map((m) => m.name),
      pending: [],
    });
    expect(await userTables(dataSource)).toContain('system_setting');
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);

    await revertMigrations(dataSource, total);
    expect(await userTables(dataSource)).toEqual(['typeorm_migration']);
    expect((await migrationStatus(dataSource)).applied).toEqual([]);

    expect(await runMigrations(dataSource)).toHaveLength(total);
    expect(await runMigrations(dataSource)).toHaveLength(0);
  });

  it('the drift check sees a database that differs from the entities', async () => {
    await runMigrations(dataSource);
    await dataSource.query(`ALTER TABLE system_setting DROP COLUMN updated_at`);
    try {
      const changes = await pendingSchemaChanges(dataSource);
      expect(changes.join('\n')).toMatch(/ALTER TABLE "system_setting" ADD "updated_at"/);
    } finally {
      await dataSource.query(
        `ALTER TABLE system_setting ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
      );
    }
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('names migrations <unixMs>-<PascalVerbNoun> with matching class names', () => {
    for (const migration of dataSource.migrations) {
      expect(migration.name).toMatch(/^[A-Z][A-Za-z]+\d{13}$/);
    }
  });
});
