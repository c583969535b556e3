import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/config';
import { resolveDatabase } from '../database/database-url';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import { EvidenceStore } from '@duty/api/evidence-store';
import { EVIDENCE_STORE } from '../evidence/evidence.constants';
import { checkEvidenceIntegrity } from '../evidence/evidence-integrity';
import { JsonLogger, requestLogging } from '../logging/logger';
import { seedDemoData } from '../seed/demo-seed';
import { SecurityAuditService } from '../security-audit/security-audit.service';
import { accountsWithDemoPassword } from '../user/demo-accounts.seed';
import { Clock } from '../auth/clock';
import { securityHeaders, webStaticMiddleware } from './web-static';

export interface RunningServer {
  app: INestApplication;
  /** Base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  embedded?: EmbeddedPostgres;
  /** Stops accepting, finishes in-flight requests, closes the pool, stops the embedded database. */
  close(): Promise<void>;
}

export interface CreateServerOptions {
  /** Use this database instead of resolving one from the configuration (tests). */
  databaseUrl?: string;
  /** Time source (tests pass a controllable clock). */
  clock?: Clock;
}

/** Builds and starts the whole API: database, migrations, demo data, GraphQL, web app. */
export async function createServer(
  config: AppConfig,
  logger: Logger,
  options: CreateServerOptions = {},
): Promise<RunningServer> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, embedded: undefined }
    : await resolveDatabase(config.database, logger);
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({
        config,
        databaseUrl: database.url,
        embeddedDatabase: Boolean(database.embedded),
        logger,
        clock: options.clock,
      }),
      { logger: new JsonLogger(logger), abortOnError: false },
    );
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback');
    app.use(securityHeaders);
    app.use(requestLogging(logger));
    const web = webStaticMiddleware(config.webDistDir);
    if (web) app.use(web);
    else logger.warn({ webDistDir: config.webDistDir }, 'No web build found; serving the API only');

    const dataSource = app.get(DataSource);
    if (config.seedDemoData) {
      const seeded = await seedDemoData(dataSource, {
        passwordCostLog2: config.auth.passwordCostLog2,
        production: config.isProduction,
        cycle: config.seedDemoCycle,
        evidenceStore: app.get<EvidenceStore>(EVIDENCE_STORE),
      });
      logger.info(seeded, 'Demo data checked');
    }
    if (config.isProduction) {
      const demo = await accountsWithDemoPassword(dataSource);
      if (demo.length) {
        throw new Error(
          `Refusing to start in production: demo account(s) ${demo.join(', ')} still have the documented demo password. Reset or disable them first.`,
        );
      }
    }
    const audit = app.get(SecurityAuditService);
    const purge = () =>
      audit
        .purge(config.auth.auditRetentionDays)
        .then(
          (n) =>
            n && logger.info({ deleted: n }, 'Security audit log: entries past retention deleted'),
        )
        .catch((error: unknown) => logger.error({ err: error }, 'Security audit log purge failed'));
    await purge();
    const purgeTimer = setInterval(purge, 24 * 3_600_000);
    purgeTimer.unref();

    const fsck = scheduleIntegrityChecks(app, config, logger);

    await app.listen(config.port, config.host);
    const server = app.getHttpServer() as Server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    const running = app;
    return {
      app: running,
      url,
      embedded: database.embedded,
      close: async () => {
        clearInterval(purgeTimer);
        fsck.stop();
        try {
          await closeWithin(running, server, config.shutdownTimeoutMs, logger);
        } finally {
          await database.embedded?.stop();
        }
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * The scheduled evidence integrity check: first a few minutes after start, then every
 * EVIDENCE_FSCK_INTERVAL_HOURS (0: off). One run at a time; the result goes to the log and
 * to the table `/ready` reads.
 */
function scheduleIntegrityChecks(app: INestApplication, config: AppConfig, logger: Logger) {
  const hours = config.evidence.fsckIntervalHours;
  if (hours === 0) return { stop: () => undefined };
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    checkEvidenceIntegrity(app.get(DataSource), app.get<EvidenceStore>(EVIDENCE_STORE), 'schedule')
      .then(({ run: result }) =>
        (result.ok ? logger.info.bind(logger) : logger.error.bind(logger))(
          {
            checked: result.checked,
            missing: result.missing,
            corrupt: result.corrupt,
            unreferenced: result.unreferenced,
          },
          result.ok ? 'Evidence integrity check passed' : 'Evidence integrity check found problems',
        ),
      )
      .catch((error: unknown) => logger.error({ err: error }, 'Evidence integrity check failed'))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, 5 * 60_000);
  const every = setInterval(run, hours * 3_600_000);
  first.unref();
  every.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}

async function closeWithin(
  app: INestApplication,
  server: Server,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs }, 'In-flight requests did not finish in time; closing connections');
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await app.close(); // HTTP server first, then module destroy hooks (TypeORM closes the pool)
  } finally {
    clearTimeout(timer);
  }
}
