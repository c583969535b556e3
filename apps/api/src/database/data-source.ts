import type { Logger as PinoLogger } from 'pino';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations, MIGRATIONS_TABLE } from '@duty/migrations';
import { entities } from './entities';
import { TypeOrmPinoLogger } from './typeorm-logger';
import { DatabaseJit, jitStartupOptions, withStartupOptions } from './database-jit';

export type { DatabaseJit } from './database-jit';
export { parseDatabaseJit } from './database-jit';

export interface DataSourceSettings {
  url: string;
  poolMax?: number;
  ssl?: boolean;
  /** Where TypeORM's messages go; without one, TypeORM stays silent. */
  logger?: PinoLogger;
  applicationName?: string;
  /** PostgreSQL JIT for this pool's sessions (default `off`): see {@link DatabaseJit}. */
  jit?: DatabaseJit;
}

/**
 * The one DataSource definition: the Nest app, the migration and seed CLIs, the schema drift
 * check and the test harness all build their DataSource here.
 */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: withStartupOptions(settings.url, jitStartupOptions(settings.jit ?? 'off')),
    entities,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    ...(settings.logger
      ? {
          logging: 'all' as const,
          logger: new TypeOrmPinoLogger(settings.logger),
          maxQueryExecutionTime: 1000,
        }
      : { logging: false as const }),
    ssl: settings.ssl ? { rejectUnauthorized: true } : false,
    extra: {
      max: settings.poolMax ?? 10,
      application_name: settings.applicationName ?? 'duty-tracker',
      connectionTimeoutMillis: 10_000,
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
