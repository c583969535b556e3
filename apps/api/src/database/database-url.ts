import type { Logger } from 'pino';
import { Client } from 'pg';
import { DatabaseConfig } from '../config/config';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import { derivedAppPassword, EMBEDDED_APP_ROLE, ensureAppRole } from './app-role';

export const EMBEDDED_DATABASE_NAME = 'duty';

export interface ResolvedDatabase {
  /** What the application connects as (the least-privilege role when there is one). */
  url: string;
  /** The schema owner, for migrations and grants; absent in single-URL mode. */
  ownerUrl?: string;
  embedded?: EmbeddedPostgres;
}

/**
 * Returns the URLs of the database to use: DATABASE_URL (and DATABASE_OWNER_URL) as given, or
 * an embedded PostgreSQL server started now (data under DATA_DIR) with the application database
 * created on it and two roles: its superuser owns the schema and migrates, and the application
 * connects as EMBEDDED_APP_ROLE (no special attribute; grants after migrating).
 */
export async function resolveDatabase(
  config: DatabaseConfig,
  logger: Logger,
): Promise<ResolvedDatabase> {
  if (config.kind === 'external') {
    return { url: config.url, ...(config.ownerUrl ? { ownerUrl: config.ownerUrl } : {}) };
  }
  const log = logger.child({ component: 'embedded-postgres' });
  const embedded = new EmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.port,
    onLog: (line) =>
      /\b(FATAL|PANIC|ERROR|WARNING)\b/.test(line) && !line.includes('is starting up')
        ? log.warn(line)
        : log.debug(line),
  });
  const started = Date.now();
  const connection = await embedded.start();
  let appUrl: string;
  try {
    await ensureDatabase(connection.url, EMBEDDED_DATABASE_NAME);
    const password = derivedAppPassword(connection.password);
    await ensureAppRole(connection.url, EMBEDDED_APP_ROLE, password);
    const url = new URL(embedded.urlFor(EMBEDDED_DATABASE_NAME));
    url.username = EMBEDDED_APP_ROLE;
    url.password = password;
    appUrl = url.toString();
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  log.info(
    { dataDir: config.dataDir, port: connection.port, ms: Date.now() - started },
    'Embedded PostgreSQL started',
  );
  return { url: appUrl, ownerUrl: embedded.urlFor(EMBEDDED_DATABASE_NAME), embedded };
}

/** Creates `database` on the server at `adminUrl` if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)} ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }
}
