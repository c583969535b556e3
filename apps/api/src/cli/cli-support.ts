import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, loadConfig } from '../config/config';
import { derivedAppPassword, EMBEDDED_APP_ROLE } from '../database/app-role';
import { createDataSource } from '../database/data-source';
import {
  EMBEDDED_DATABASE_NAME,
  resolveDatabase,
  type ResolvedDatabase,
} from '../database/database-url';
import { migrateAsOwner } from '../database/owner-setup';
import { EmbeddedPostgres, EmbeddedPostgresError } from '@duty/api/embedded-postgres';
import { createRootLogger } from '../logging/logger';

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Runs a command-line entry point: configuration errors and failures exit non-zero with a message. */
export function runCli(main: (config: AppConfig, logger: Logger) => Promise<number | void>): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  }
  // Commands talk to people: only warnings and errors go to the JSON log.
  const logger = createRootLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  main(config, logger).then(
    (code) => process.exit(code ?? 0),
    (error: Error) => {
      process.stderr.write(`错误 / Error: ${error.message}\n`);
      process.exit(1);
    },
  );
}

/**
 * The database a command works on. DATABASE_URL as configured; with the embedded database, the
 * server a running API (`npm start`) owns on the same data directory when there is one — the
 * command connects to it through the port in its postmaster.pid, with the credentials kept
 * beside the data directory, and leaves it running — otherwise an embedded server started for
 * the duration of the command (`embedded` is set: stop it afterwards). While the command owns
 * the directory, an API starting on it refuses (owner lock), and the other way round: a
 * directory locked by a live process whose server does not answer yet (starting or stopping)
 * is refused with a message, never opened twice.
 */
export async function resolveCliDatabase(
  config: AppConfig['database'],
  logger: Logger,
  notify: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<ResolvedDatabase> {
  if (config.kind === 'external') return resolveDatabase(config, logger);
  const running = await EmbeddedPostgres.runningOn(config.dataDir, EMBEDDED_DATABASE_NAME);
  if (running) {
    const appUrl = new URL(running.url);
    appUrl.username = EMBEDDED_APP_ROLE;
    appUrl.password = derivedAppPassword(running.password);
    notify(
      `数据目录 ${config.dataDir} 上的数据库服务器正在运行（端口 ${running.port}），本命令直接连接它，无需停止服务。`,
    );
    return { url: appUrl.toString(), ownerUrl: running.url };
  }
  try {
    return await resolveDatabase(config, logger);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError && /already in use/u.test(error.message)) {
      throw new Error(
        `数据目录 ${config.dataDir} 正被另一个进程使用，但其数据库服务器尚未就绪（可能正在启动或停止）。未做任何修改；请稍后重试。\n${error.message}`,
      );
    }
    throw error;
  }
}

/**
 * Opens the configured database (DATABASE_URL; or the embedded server: the running API's when
 * one serves the data directory, else one started for the duration of the command) and closes
 * everything afterwards.
 */
export async function withConfiguredDatabase<T>(
  config: AppConfig,
  logger: Logger,
  work: (dataSource: DataSource, urls: { url: string; ownerUrl?: string }) => Promise<T>,
  options: {
    /** Connect as the schema owner (migrations) when there is a separate one. */
    as?: 'app' | 'owner';
    /**
     * Bring the schema up to date first, as its owner (and grant the app role its rights), so
     * a command that writes works on a fresh data directory too.
     */
    migrate?: boolean;
  } = {},
): Promise<T> {
  const database = await resolveCliDatabase(config.database, logger);
  try {
    const ssl = config.database.kind === 'external' && config.database.ssl;
    if (options.migrate) {
      await migrateAsOwner({
        ownerUrl: database.ownerUrl ?? database.url,
        appUrl: database.url,
        ssl,
        runMigrations: true,
        provinces: config.provinces,
        logger,
      });
    }
    const dataSource = createDataSource({
      url: options.as === 'owner' ? (database.ownerUrl ?? database.url) : database.url,
      poolMax: 2,
      ssl,
      logger,
    });
    await dataSource.initialize();
    try {
      return await work(dataSource, { url: database.url, ownerUrl: database.ownerUrl });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.embedded?.stop();
  }
}

/**
 * A throw-away database for checks: on the server of `serverUrl` when given, otherwise on a
 * temporary embedded server. Dropped (or deleted with the server) afterwards.
 */
export async function withScratchDatabase<T>(
  serverUrl: string | undefined,
  work: (url: string) => Promise<T>,
): Promise<T> {
  let embedded: EmbeddedPostgres | undefined;
  let tmpDir: string | undefined;
  if (!serverUrl) {
    tmpDir = await mkdtemp(path.join(os.tmpdir(), 'duty-scratch-'));
    await chmod(tmpDir, 0o755);
    embedded = new EmbeddedPostgres({ dataDir: path.join(tmpDir, 'data') });
    serverUrl = (await embedded.start()).url;
  }
  const name = `duty_scratch_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} ENCODING 'UTF8'`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      return await work(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
    await embedded?.stop();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  }
}
