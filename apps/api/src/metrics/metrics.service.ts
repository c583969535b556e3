import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { defaultErrorMessagesZh, ErrorCode } from '@duty/shared/errors';
import type { NextFunction, Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { API_CSP } from '../server/security-headers';
import { API_PATHS } from '../server/web-static';
import { graphqlOperationOf, OTHER, runWithinRequest } from './graphql-operation';
import {
  ChainFigures,
  CheckFigures,
  MetricsQueries,
  QueueDepth,
  StoreFigures,
} from './metrics.queries';

export const METRICS_PATH = '/metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// Seconds. Most answers take milliseconds; uploads, packs and exports take up to a minute.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** A database figure that does not answer in this time leaves its series out of the scrape. */
const QUERY_TIMEOUT_MS = 3000;

interface DatabaseFigures {
  queues: QueueDepth[];
  store: StoreFigures;
  integrity: CheckFigures;
  chains: ChainFigures;
}

/**
 * Prometheus metrics (README "Monitoring"): requests per route and per GraphQL operation,
 * errors, the connection pool, job queues, the evidence store and its integrity checks, and the
 * process's default metrics. Each server has its own registry (tests run several per process).
 * Database figures are read at scrape time with a few aggregate queries, once per scrape.
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly queries: MetricsQueries;
  private readonly httpRequests: Counter<'method' | 'route' | 'status_code'>;
  private readonly httpDuration: Histogram<'method' | 'route'>;
  private readonly graphqlRequests: Counter<'type' | 'operation'>;
  private readonly graphqlDuration: Histogram<'type' | 'operation'>;
  private readonly graphqlErrors: Counter<'type' | 'operation' | 'code'>;
  private inFlight: Promise<DatabaseFigures | null> | null = null;
  private management: Server | null = null;
  private managementAddress: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.queries = new MetricsQueries(dataSource);
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    this.httpRequests = new Counter({
      name: 'duty_http_requests_total',
      help: 'HTTP requests answered, by method, route (the route pattern, /graphql, web or unmatched) and status code (499: the client went away)',
      labelNames: ['method', 'route', 'status_code'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'duty_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to sending the end of its answer',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.graphqlRequests = new Counter({
      name: 'duty_graphql_requests_total',
      help: 'GraphQL requests, by operation type and operation (the first root field of the schema it selects; other when none was resolved)',
      labelNames: ['type', 'operation'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'duty_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request, by operation type and operation',
      labelNames: ['type', 'operation'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'duty_graphql_errors_total',
      help: 'Errors in GraphQL answers, by operation and error code (extensions.code)',
      labelNames: ['type', 'operation', 'code'],
      registers,
    });

    const pool = () => (this.dataSource.driver as PostgresDriver).master as Pool | undefined;
    const poolMax = config.database.poolMax;
    new Gauge({
      name: 'duty_db_pool_connections',
      help: 'Open connections of the database pool (in use and idle)',
      registers,
      collect() {
        this.set(pool()?.totalCount ?? 0);
      },
    });
    new Gauge({
      name: 'duty_db_pool_idle_connections',
      help: 'Idle connections of the database pool',
      registers,
      collect() {
        this.set(pool()?.idleCount ?? 0);
      },
    });
    new Gauge({
      name: 'duty_db_pool_waiting_requests',
      help: 'Queries waiting for a connection of the database pool',
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'duty_db_pool_max_connections',
      help: 'Size limit of the database pool (DATABASE_POOL_MAX)',
      registers,
      collect() {
        this.set(poolMax);
      },
    });

    const figures = () => this.databaseFigures();
    new Gauge({
      name: 'duty_database_up',
      help: '1 when the database answered the figures of this scrape, 0 when not',
      registers,
      async collect() {
        this.set((await figures()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'duty_queue_jobs',
      help: 'Jobs per queue (pg-boss queues; notification-email/-webhook: the delivery outbox) and state: queued (waiting or to retry), active, failed',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const q of (await figures())?.queues ?? []) {
          this.set({ queue: q.queue, state: 'queued' }, q.queued);
          this.set({ queue: q.queue, state: 'active' }, q.active);
          this.set({ queue: q.queue, state: 'failed' }, q.failed);
        }
      },
    });
    const storeGauge = (name: string, help: string, pick: (s: StoreFigures) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          this.reset();
          const store = (await figures())?.store;
          if (store) this.set(pick(store));
        },
      });
    storeGauge(
      'duty_evidence_store_bytes',
      'Bytes in the evidence store (distinct files referenced by evidence and comment attachments)',
      (s) => s.bytes,
    );
    storeGauge(
      'duty_evidence_store_objects',
      'Files in the evidence store (content-addressed: one per distinct content)',
      (s) => s.objects,
    );
    storeGauge(
      'duty_evidence_records',
      'Evidence records (every version, withdrawn ones included)',
      (s) => s.evidenceRecords,
    );
    storeGauge(
      'duty_evidence_corrupt_records',
      'Evidence records marked corrupt by an integrity check',
      (s) => s.corruptRecords,
    );
    new Gauge({
      name: 'duty_evidence_integrity_status',
      help: 'Result of the last evidence integrity check (evidence:fsck or the schedule): 1 for the current status (ok, problems, not_run)',
      labelNames: ['status'],
      registers,
      async collect() {
        this.reset();
        const integrity = (await figures())?.integrity;
        if (!integrity) return;
        for (const status of ['ok', 'problems', 'not_run'])
          this.set({ status }, integrity.status === status ? 1 : 0);
      },
    });
    new Gauge({
      name: 'duty_evidence_integrity_last_check_timestamp_seconds',
      help: 'When the last evidence integrity check finished (Unix time; 0 before the first)',
      registers,
      async collect() {
        this.reset();
        const at = (await figures())?.integrity.finishedAt;
        if (at) this.set(at.getTime() / 1000);
      },
    });
    new Gauge({
      name: 'duty_evidence_integrity_problems',
      help: 'Problems the last evidence integrity check found, by kind (missing, corrupt, unreferenced)',
      labelNames: ['kind'],
      registers,
      async collect() {
        this.reset();
        const problems = (await figures())?.integrity.problems;
        if (!problems) return;
        for (const [kind, n] of Object.entries(problems)) this.set({ kind }, n);
      },
    });
    new Gauge({
      name: 'duty_audit_chain_status',
      help: 'Result of the last audit hash-chain check: 1 for the current status (ok, broken, not_run)',
      labelNames: ['status'],
      registers,
      async collect() {
        this.reset();
        const chains = (await figures())?.chains;
        if (!chains) return;
        for (const status of ['ok', 'broken', 'not_run'])
          this.set({ status }, chains.status === status ? 1 : 0);
      },
    });
    new Gauge({
      name: 'duty_audit_chain_last_check_timestamp_seconds',
      help: 'When the last audit hash-chain check finished (Unix time; 0 before the first)',
      registers,
      async collect() {
        this.reset();
        const at = (await figures())?.chains.finishedAt;
        if (at) this.set(at.getTime() / 1000);
      },
    });
  }

  /** The management listener's URL, when METRICS_PORT is set and it is listening. */
  get managementUrl(): string | null {
    return this.managementAddress;
  }

  /**
   * Express middleware counting every request but the scrapes: by route pattern (never the raw
   * path, whose ids would make a series per task), status and time taken.
   */
  measureRequests() {
    return (req: Request, res: Response, next: NextFunction) => {
      const path = pathOf(req);
      if (path === METRICS_PATH) return next();
      const started = process.hrtime.bigint();
      let done = false;
      const record = () => {
        if (done) return;
        done = true;
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const method = METHODS.has(req.method) ? req.method : OTHER;
        const route = routeOf(req, path);
        const status = res.writableFinished ? String(res.statusCode) : '499';
        this.httpRequests.inc({ method, route, status_code: status });
        this.httpDuration.observe({ method, route }, seconds);
        const operation = route === '/graphql' ? graphqlOperationOf(req) : undefined;
        if (operation) {
          const labels = { type: operation.type, operation: operation.operation };
          this.graphqlRequests.inc(labels);
          this.graphqlDuration.observe(labels, seconds);
          for (const code of operation.errorCodes) this.graphqlErrors.inc({ ...labels, code });
        }
      };
      res.once('finish', record);
      res.once('close', record);
      runWithinRequest(req, next);
    };
  }

  /**
   * Express middleware answering /metrics on the main port (before the web app's fallback,
   * which would otherwise answer it with the app's page). 404 when the endpoint is off or on
   * the management listener.
   */
  endpoint() {
    return (req: Request, res: Response, next: NextFunction) => {
      if (pathOf(req) !== METRICS_PATH) return next();
      const mode = this.config.metrics.mode;
      void this.serve(req, res, mode === 'token' || mode === 'open');
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const listener = this.config.metrics.listener;
    if (!listener) return;
    const server = createServer((req, res) => {
      if (pathOf(req) === METRICS_PATH) void this.serve(req, res, true);
      else sendJson(res, 404, ErrorCode.NOT_FOUND);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listener.port, listener.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.management = server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : listener.port;
    const host = listener.host.includes(':') ? `[${listener.host}]` : listener.host;
    this.managementAddress = `http://${host}:${port}`;
    this.logger.info({ url: `${this.managementAddress}${METRICS_PATH}` }, 'Metrics listener');
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.management;
    if (!server) return;
    this.management = null;
    this.managementAddress = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse, served: boolean): Promise<void> {
    res.setHeader('Content-Security-Policy', API_CSP);
    res.setHeader('Cache-Control', 'no-store');
    if (!served) return sendJson(res, 404, ErrorCode.NOT_FOUND);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, ErrorCode.BAD_REQUEST);
    }
    const token = this.config.metrics.token;
    if (token !== null && !bearerMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return sendJson(res, 401, ErrorCode.UNAUTHENTICATED);
    }
    try {
      const body = await this.registry.metrics();
      res.statusCode = 200;
      res.setHeader('Content-Type', this.registry.contentType);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.error({ err: error }, 'Metrics scrape failed');
      sendJson(res, 500, ErrorCode.INTERNAL_ERROR);
    }
  }

  /** The database figures of one scrape: read once however many series use them. */
  private databaseFigures(): Promise<DatabaseFigures | null> {
    if (!this.inFlight) {
      this.inFlight = withTimeout(
        Promise.all([
          this.queries.queues(),
          this.queries.store(),
          this.queries.integrity(),
          this.queries.chains(),
        ]),
        QUERY_TIMEOUT_MS,
      )
        .then(([queues, store, integrity, chains]) => ({ queues, store, integrity, chains }))
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'Metrics: database figures unavailable');
          return null;
        })
        .finally(() => {
          // The next scrape reads afresh (after this one's series have all been collected).
          setImmediate(() => (this.inFlight = null));
        });
    }
    return this.inFlight;
  }
}

function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/**
 * The route label: the pattern of the matched route (`/api/evidence/:id/download`), /graphql,
 * `web` for the web app's pages and files, `unmatched` for anything else (404s): a bounded set.
 */
export function routeOf(req: Request, path: string): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}`;
  if (path === '/graphql') return '/graphql';
  return API_PATHS.test(path) ? 'unmatched' : 'web';
}

/** Compares a bearer token in constant time (hashes first, so lengths do not leak either). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && match !== null;
}

function sendJson(res: ServerResponse, status: number, code: ErrorCode): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ code, message: defaultErrorMessagesZh[code] }));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
