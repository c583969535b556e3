import 'reflect-metadata';
import { createDataSource } from '../database/data-source';
import { runMigrations } from '../database/migrate';
import { pendingSchemaChanges } from '../database/schema-drift';
import { print, runCli, withScratchDatabase } from './cli-support';

/**
 * CI check: migrate a fresh database, then ask TypeORM what it would change to match the
 * entities. Anything at all means an entity changed without a migration (or the reverse).
 * Uses the server of TEST_DATABASE_URL or DATABASE_URL, else a temporary embedded one.
 */
runCli(async () => {
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  return withScratchDatabase(server, async (url) => {
    const dataSource = createDataSource({ url });
    await dataSource.initialize();
    try {
      const applied = await runMigrations(dataSource);
      const changes = await pendingSchemaChanges(dataSource);
      if (changes.length === 0) {
        print(`Schema drift check passed: ${applied.length} migration(s) match the entities.`);
        return 0;
      }
      print('Schema drift: the entities differ from the migrations. TypeORM would run:');
      for (const sql of changes) print(`  ${sql};`);
      print('Write a migration for these changes (see README, "Migrations").');
      return 1;
    } finally {
      await dataSource.destroy();
    }
  });
});
