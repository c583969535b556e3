import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PeriodicJob, schedulePeriodicJob } from '../common/periodic-job';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/config';
import { DatabaseAvailability, superviseDatabase } from '../database/database-availability';
import { analyzeAfterBulkLoad } from '../database/app-role';
import { resolveDatabase } from '../database/database-url';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import { EvidenceStore } from '@duty/api/evidence-store';
import { EVIDENCE_STORE } from '../evidence/evidence.constants';
import { checkEvidenceIntegrity } from '../evidence/evidence-integrity';
import { scheduleChainChecks } from '../integrity/chain-schedule';
import { JsonLogger, requestLogging } from '../logging/logger';
import { seedDemoData } from '../seed/demo-seed';
import { SecurityAuditService } from '../security-audit/security-audit.service';
import { accountsWithDemoPassword } from '../user/demo-accounts.seed';
import { Clock } from '../auth/clock';
import { refuseUnstorableQueryText } from './query-text';
import { securityHeaders } from './security-headers';
import { trustProxySetting } from './trust-proxy';
import { webStaticMiddleware } from './web-static';
import { MetricsService } from '../metrics/metrics.service';

export interface RunningServer {
  app: INestApplication;
  /** Base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  embedded?: EmbeddedPostgres;
  /**
   * Stops accepting, finishes in-flight requests, closes the pool, stops the embedded database.
   * Idle keep-alive connections end at their timeout (a client may be reusing one right now);
   * `cutIdleConnections` closes them at once, for callers that know no client is (tests).
   */
  close(options?: { cutIdleConnections?: boolean }): Promise<void>;
  /**
   * Settles with a reason when the database has been unavailable for longer than
   * DATABASE_OUTAGE_LIMIT_SECONDS: the process cannot recover by itself and should exit.
   */
  unrecoverable: Promise<string>;
}

export interface CreateServerOptions {
  /** Use this database instead of resolving one from the configuration (tests). */
  databaseUrl?: string;
  /** With `databaseUrl`: the schema owner's URL, `databaseUrl` being a least-privilege role. */
  databaseOwnerUrl?: string;
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
  const availability = new DatabaseAvailability({ outageLimitMs: config.databaseOutageLimitMs });
  database.embedded?.onSupervisorEvent((event) => {
    const log = logger.child({ component: 'embedded-postgres' });
    if (event.type === 'exited') {
      availability.markUnavailable(`embedded PostgreSQL exited (${event.signal ?? event.code})`);
      log.error(event, 'Embedded PostgreSQL died; restarting it');
    } else if (event.type === 'restart-failed') {
      log.warn(event, 'Embedded PostgreSQL restart failed; retrying');
    } else {
      log.warn(event, 'Embedded PostgreSQL restarted (crash recovery done)');
    }
  });
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({
        config,
        databaseUrl: database.url,
        databaseOwnerUrl: options.databaseUrl ? options.databaseOwnerUrl : database.ownerUrl,
        embeddedDatabase: Boolean(database.embedded),
        logger,
        clock: options.clock,
        databaseAvailability: availability,
      }),
      { logger: new JsonLogger(logger), abortOnError: false },
    );
    app.disable('x-powered-by');
    app.set('trust proxy', trustProxySetting(config.http));
    app.use(securityHeaders(config.http));
    app.use(requestLogging(logger));
    // Every request measured (but the scrapes); /metrics answered before the web app's fallback.
    const metrics = app.get(MetricsService);
    app.use(metrics.measureRequests());
    app.use(metrics.endpoint());
    app.use('/api', refuseUnstorableQueryText);
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
        today: options.clock?.now(),
      });
      logger.info(seeded, 'Demo data checked');
      const ownerUrl = options.databaseUrl ? options.databaseOwnerUrl : database.ownerUrl;
      if (seeded.tasks > 0) {
        await (ownerUrl ? analyzeAfterBulkLoad(ownerUrl) : dataSource.query('ANALYZE'));
      }
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
    const chainChecks = scheduleChainChecks(dataSource, config.auditVerifyIntervalHours, logger);
    let giveUp: (reason: string) => void = () => undefined;
    const unrecoverable = new Promise<string>((resolve) => (giveUp = resolve));
    const supervision = superviseDatabase(availability, () => dataSource.query('SELECT 1'), {
      logger: logger.child({ component: 'database' }),
      onLimit: (reason) => {
        logger.fatal({ reason }, 'Database unavailable beyond the limit; the server gives up');
        giveUp(reason);
      },
    });

    await app.listen(config.port, config.host);
    const server = app.getHttpServer() as Server;
    const drain = trackForDrain(server);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    const running = app;
    return {
      app: running,
      url,
      embedded: database.embedded,
      unrecoverable,
      close: async (closeOptions = {}) => {
        supervision.stop();
        clearInterval(purgeTimer);
        fsck.stop();
        chainChecks.stop();
        try {
          await closeWithin(running, server, drain, config.shutdownTimeoutMs, logger, {
            keepIdle: !closeOptions.cutIdleConnections,
          });
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
function scheduleIntegrityChecks(
  app: INestApplication,
  config: AppConfig,
  logger: Logger,
): PeriodicJob {
  return schedulePeriodicJob(
    () =>
      checkEvidenceIntegrity(
        app.get(DataSource),
        app.get<EvidenceStore>(EVIDENCE_STORE),
        'schedule',
      )
        .then(({ run: result }) =>
          (result.ok ? logger.info.bind(logger) : logger.error.bind(logger))(
            {
              checked: result.checked,
              missing: result.missing,
              corrupt: result.corrupt,
              unreferenced: result.unreferenced,
            },
            result.ok
              ? 'Evidence integrity check passed'
              : 'Evidence integrity check found problems',
          ),
        )
        .catch((error: unknown) => logger.error({ err: error }, 'Evidence integrity check failed')),
    { firstAfterMs: 5 * 60_000, everyMs: config.evidence.fsckIntervalHours * 3_600_000 },
  );
}

/**
 * Keeps the responses in flight so that a shutdown can reach them. Once draining, every
 * response (in flight, or a new request on a connection that was already open) is sent with
 * `Connection: close` and its connection ends after it. Idle keep-alive connections are not
 * closed early (Node's `server.close()` would): a client may be sending its next request on
 * one at that very moment, and gets a reset (the fault-injection test saw 1 in ~400 requests).
 * They end when their keep-alive timeout runs out, which the client was told (`Keep-Alive:
 * timeout=5`) and avoids reusing a connection close to, or after one more answered request.
 * A client is thus never cut off mid request, nor left to send a request into a closed socket.
 */
function trackForDrain(server: Server) {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) {
      res.shouldKeepAlive = false;
      res.setHeader('Connection', 'close');
    }
  };
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) closeAfter(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return {
    /** Call right before `server.close()`, in the same tick. */
    start(keepIdle: boolean): void {
      draining = true;
      for (const res of inFlight) closeAfter(res);
      if (keepIdle) server.closeIdleConnections = () => undefined;
    },
  };
}

/**
 * The shutdown: stop accepting, drain (above), and after `timeoutMs` cut what is left; then
 * Nest's close runs its hooks (TypeORM closes the pool). The listener is closed here, first and
 * synchronously: Nest would close it only after its destroy hooks, accepting new connections
 * meanwhile, and a connection still in the accept queue when a listener closes is reset.
 */
async function closeWithin(
  app: INestApplication,
  server: Server,
  drain: { start(keepIdle: boolean): void },
  timeoutMs: number,
  logger: Logger,
  options: { keepIdle: boolean },
): Promise<void> {
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs }, 'In-flight requests did not finish in time; closing connections');
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await new Promise<void>((resolve) => {
      drain.start(options.keepIdle);
      server.close(() => resolve()); // stops listening now; calls back when every connection ended
    });
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
