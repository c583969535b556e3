import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Per-test-file databases. The global setup migrates one template database; each test file
 * clones it (CREATE DATABASE … TEMPLATE, a file copy: fast) so files run in parallel and never
 * see each other's rows.
 */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export const TEST_DB_PREFIX = 'duty_test_';

interface HarnessEnv {
  adminUrl: string;
  template: string;
  runId: string;
}

export function harnessEnv(): HarnessEnv {
  const adminUrl = process.env.DUTY_TEST_ADMIN_URL;
  const template = process.env.DUTY_TEST_TEMPLATE_DB;
  const runId = process.env.DUTY_TEST_RUN_ID;
  if (!adminUrl || !template || !runId) {
    throw new Error(
      'The test database harness is not set up: run tests through the root jest config (npm test), whose globalSetup prepares it.',
    );
  }
  return { adminUrl, template, runId };
}

/** The URL of `database` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export async function withAdminClient<T>(
  adminUrl: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database for one test file: a migrated copy of the template by default, or an
 * empty one (`{ empty: true }`) for tests that exercise migrations themselves.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template, runId } = harnessEnv();
  const name = `${TEST_DB_PREFIX}${runId}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(options.empty ? 'template0' : template)} ENCODING 'UTF8'`,
    ),
  );
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () =>
      withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
