import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import { migrations, MIGRATIONS_TABLE } from '@duty/migrations';
import { DataSource } from 'typeorm';
import { databaseUrl, TEST_DB_PREFIX, withAdminClient } from './test-database';

interface HarnessState {
  embedded?: EmbeddedPostgres;
  tmpDir?: string;
}

declare global {
  var __dutyTestHarness: HarnessState | undefined;
}

/**
 * Prepares the PostgreSQL server for the whole test run: TEST_DATABASE_URL when set (any
 * database on a server where this user may create databases), otherwise an embedded server in
 * a temporary directory. Then migrates a template database that test files clone.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const state: HarnessState = {};
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    state.tmpDir = await mkdtemp(path.join(os.tmpdir(), 'duty-test-pg-'));
    await chmod(state.tmpDir, 0o755); // reachable by the `postgres` user when tests run as root
    state.embedded = new EmbeddedPostgres({ dataDir: path.join(state.tmpDir, 'data') });
    adminUrl = (await state.embedded.start()).url;
  }
  globalThis.__dutyTestHarness = state;

  const template = `${TEST_DB_PREFIX}${runId}_template`;
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(template)} ENCODING 'UTF8'`),
  );
  // Migrations only, no entities: the harness knows the schema, not the app.
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl(adminUrl, template),
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }

  // The least-privilege application role tests may run the app as (startTestApi's
  // leastPrivilege); cluster-wide, so created once and shared by every run on this server.
  await withAdminClient(adminUrl, async (client) => {
    const found = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = 'duty_test_app'`);
    if (found.rowCount) return;
    await client
      .query(
        `CREATE ROLE duty_test_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'duty_test_app'`,
      )
      .catch((error: { code?: string }) => {
        // Created meanwhile by a concurrent run.
        if (error.code !== '42710' && error.code !== '23505') throw error;
      });
  });

  process.env.DUTY_TEST_ADMIN_URL = adminUrl;
  process.env.DUTY_TEST_TEMPLATE_DB = template;
  process.env.DUTY_TEST_RUN_ID = runId;
}
