import type { Logger } from 'pino';
import { syncReferenceData } from '../admin-unit/reference-data.sync';
import { grantAppPrivileges, GrantOutcome } from './app-role';
import { createDataSource } from './data-source';
import { runMigrations } from './migrate';

/**
 * As the schema owner: applies pending migrations, synchronises reference data, then grants the
 * application role (the user of `appUrl`) its rights, so that tables a migration just created
 * are covered before the application connects.
 */
export async function migrateAsOwner(options: {
  ownerUrl: string;
  appUrl: string;
  ssl: boolean;
  runMigrations: boolean;
  /** The provinces whose units are synchronised (PROVINCES). */
  provinces: readonly string[];
  logger: Logger;
}): Promise<GrantOutcome> {
  const { logger } = options;
  if (options.runMigrations) {
    const owner = createDataSource({
      url: options.ownerUrl,
      poolMax: 2,
      ssl: options.ssl,
      logger,
      applicationName: 'duty-tracker-migrate',
    });
    await owner.initialize();
    try {
      const applied = await runMigrations(owner);
      logger.info(
        { migrations: applied.map((m) => m.name) },
        `Applied ${applied.length} migration(s)`,
      );
      await syncReferenceData(owner, options.provinces);
    } finally {
      await owner.destroy();
    }
  }
  return grantAppPrivileges(options.ownerUrl, options.appUrl);
}
