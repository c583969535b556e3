import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import { AppConfig } from '../config/config';
import { grantAppPrivileges } from '../database/app-role';
import { EMBEDDED_DATABASE_NAME, resolveDatabase } from '../database/database-url';
import { BackupError, isEmptyDir } from './backup-files';

export interface DatabaseTarget {
  /** The schema owner's connection (a backup reads, a restore writes, as the owner). */
  url: string;
  ssl: boolean;
  /** 'online': the embedded server of a running `npm start`, used while it serves. */
  mode: 'external' | 'embedded' | 'online';
  /** After a restore: grants the application role (when it is not the owner) its rights. */
  grantApp(): Promise<void>;
}

const noGrant = async () => undefined;

/**
 * The database a backup reads, as the schema owner (DATABASE_OWNER_URL, else DATABASE_URL):
 * DATABASE_URL's database; or the embedded server a running API owns (found through its data
 * directory, so the backup is online); or the embedded server started for the duration of the
 * command when no API runs.
 */
export async function withSourceDatabase<T>(
  config: AppConfig,
  logger: Logger,
  work: (target: DatabaseTarget) => Promise<T>,
): Promise<T> {
  if (config.database.kind === 'external') {
    const url = config.database.ownerUrl ?? config.database.url;
    return work({ url, ssl: config.database.ssl, mode: 'external', grantApp: noGrant });
  }
  const running = await EmbeddedPostgres.runningOn(config.database.dataDir, EMBEDDED_DATABASE_NAME);
  if (running) return work({ url: running.url, ssl: false, mode: 'online', grantApp: noGrant });
  const database = await resolveDatabase(config.database, logger);
  try {
    const url = database.ownerUrl ?? database.url;
    return await work({ url, ssl: false, mode: 'embedded', grantApp: noGrant });
  } finally {
    await database.embedded?.stop();
  }
}

/**
 * The database a restore writes, as the schema owner: DATABASE_URL's database (which must be
 * empty, checked by the restore); or a new embedded server initialised in EMBEDDED_PG_DATA_DIR,
 * which must be empty or absent. The application role gets its grants afterwards.
 */
export async function withEmptyTargetDatabase<T>(
  config: AppConfig,
  logger: Logger,
  work: (target: DatabaseTarget) => Promise<T>,
): Promise<T> {
  if (config.database.kind === 'external') {
    const { url: appUrl, ownerUrl, ssl } = config.database;
    return work({
      url: ownerUrl ?? appUrl,
      ssl,
      mode: 'external',
      grantApp: async () => {
        if (ownerUrl) await grantAppPrivileges(ownerUrl, appUrl);
      },
    });
  }
  const { dataDir } = config.database;
  if (!(await isEmptyDir(dataDir)) || existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      'RESTORE_TARGET_NOT_EMPTY',
      `嵌入式数据库目录 ${dataDir} 不是空的；请恢复到新的空目录（EMBEDDED_PG_DATA_DIR 或 DATA_DIR） / the embedded data directory is not empty: restore into a new, empty one`,
    );
  }
  const database = await resolveDatabase(config.database, logger);
  try {
    const ownerUrl = database.ownerUrl ?? database.url;
    return await work({
      url: ownerUrl,
      ssl: false,
      mode: 'embedded',
      grantApp: async () => {
        if (database.ownerUrl) await grantAppPrivileges(database.ownerUrl, database.url);
      },
    });
  } finally {
    await database.embedded?.stop();
  }
}
