import { rm } from 'node:fs/promises';
import { TEST_DB_PREFIX, withAdminClient } from './test-database';

/** Drops every database this run created, then stops the embedded server if one was started. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.DUTY_TEST_ADMIN_URL;
  const runId = process.env.DUTY_TEST_RUN_ID;
  const state = globalThis.__dutyTestHarness;
  try {
    if (adminUrl && runId) {
      await withAdminClient(adminUrl, async (client) => {
        const { rows } = await client.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE datname LIKE $1',
          [`${TEST_DB_PREFIX}${runId}_%`],
        );
        for (const { datname } of rows) {
          await client.query(
            `DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`,
          );
        }
      });
    }
  } finally {
    await state?.embedded?.stop();
    if (state?.tmpDir) await rm(state.tmpDir, { recursive: true, force: true });
  }
}
