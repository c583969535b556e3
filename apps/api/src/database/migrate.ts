import { DataSource, Migration } from 'typeorm';

// Arbitrary constant shared by every instance of the app: only one process migrates at a time,
// so several replicas starting together do not race on the same migration.
const MIGRATION_LOCK_KEY = 4_207_020_040;

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Applies pending migrations, each in its own transaction, under a cluster-wide lock. */
export function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  return withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
}

/** Reverts the most recent `steps` migrations. */
export function revertMigrations(dataSource: DataSource, steps: number): Promise<void> {
  return withMigrationLock(dataSource, async () => {
    for (let i = 0; i < steps; i++) await dataSource.undoLastMigration({ transaction: 'each' });
  });
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/** Which of the app's migrations the database has, and which it lacks. */
export async function migrationStatus(dataSource: DataSource): Promise<MigrationStatus> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const exists = await dataSource.query<Array<{ exists: boolean }>>(
    'SELECT to_regclass($1) IS NOT NULL AS "exists"',
    [`public.${table}`],
  );
  const rows: Array<{ name: string }> = exists[0]?.exists
    ? await dataSource.query(`SELECT name FROM "${table}" ORDER BY id`)
    : [];
  const applied = new Set(rows.map((r) => r.name));
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  return {
    applied: known.filter((name) => applied.has(name)),
    pending: known.filter((name) => !applied.has(name)),
  };
}
