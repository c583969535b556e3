import { defaultErrorMessagesZh, ErrorCode } from '@duty/shared/errors';
import type { Logger } from 'pino';
import { AppError } from '../graphql/app-error';

/** Nest injection token of the process's DatabaseAvailability. */
export const DATABASE_AVAILABILITY = Symbol('DATABASE_AVAILABILITY');

/** Seconds a client is asked to wait (Retry-After) while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

// SQLSTATE classes and codes that mean "no database right now", not "this request is wrong":
// 08 connection exceptions; 57P01–57P03 admin/crash shutdown, cannot connect now (starting up,
// in recovery); 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres and pg-pool report a lost or impossible connection by message only.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to (administrator command|unexpected postmaster exit|crash of another server process)|Client was closed and is not queryable/i;

/**
 * Whether `error` (or what it wraps: TypeORM's driverError, a cause, GraphQL's originalError)
 * says the database cannot be reached, as opposed to a query that failed on a working database.
 */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string') {
    if (UNAVAILABLE_ERRNOS.has(e.code) || UNAVAILABLE_SQLSTATES.has(e.code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  // TypeORM releases a query runner whose connection broke; the request's next query on it
  // fails so (seen under kill -9 of the postmaster).
  if ((error as Error).name === 'QueryRunnerAlreadyReleasedError') return true;
  // AggregateError (e.g. a connect to every address of a host failed).
  if (
    Array.isArray(e.errors) &&
    e.errors.some((inner) => isDatabaseUnavailableError(inner, depth + 1))
  )
    return true;
  return [e.driverError, e.cause, e.originalError].some(
    (inner) => inner !== error && isDatabaseUnavailableError(inner, depth + 1),
  );
}

/**
 * SERVICE_UNAVAILABLE as HTTP 503 with Retry-After (Apollo Server takes `extensions.http` for
 * the status and headers of the response); the body keeps the code and `retryAfterSeconds`.
 */
export function databaseUnavailableError(retryAfterSeconds = RETRY_AFTER_SECONDS): AppError {
  const error = new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    defaultErrorMessagesZh.SERVICE_UNAVAILABLE,
    { retryAfterSeconds },
  );
  Object.assign(error.extensions, {
    retryAfterSeconds,
    http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
  return error;
}

export interface DatabaseAvailabilityOptions {
  /** An outage longer than this is one the process cannot recover from (liveness fails). */
  outageLimitMs: number;
  now?: () => number;
}

/**
 * What the process knows about its database: available, or unavailable since when. Requests
 * that hit a lost connection and the embedded server's supervisor mark it unavailable; the
 * probe (superviseDatabase) marks it available again once a query succeeds.
 */
export class DatabaseAvailability {
  private downSince?: number;
  private reason?: string;
  private readonly now: () => number;

  constructor(readonly options: DatabaseAvailabilityOptions) {
    this.now = options.now ?? Date.now;
  }

  get available(): boolean {
    return this.downSince === undefined;
  }

  /** Milliseconds since the database became unavailable; 0 while it is available. */
  get unavailableForMs(): number {
    return this.downSince === undefined ? 0 : this.now() - this.downSince;
  }

  /** The outage has lasted longer than the configured limit: the process should give up. */
  get beyondLimit(): boolean {
    return this.unavailableForMs > this.options.outageLimitMs;
  }

  get lastReason(): string | undefined {
    return this.reason;
  }

  /** Returns true when this call started the outage. */
  markUnavailable(reason: string): boolean {
    this.reason = reason;
    if (this.downSince !== undefined) return false;
    this.downSince = this.now();
    return true;
  }

  /** Returns the outage's length in ms when this call ended one, else undefined. */
  markAvailable(): number | undefined {
    if (this.downSince === undefined) return undefined;
    const ms = this.now() - this.downSince;
    this.downSince = undefined;
    this.reason = undefined;
    return ms;
  }
}

export interface DatabaseSupervision {
  stop(): void;
}

/**
 * Probes the database (every `upIntervalMs` while it answers, every `downIntervalMs` while it
 * does not), keeps `availability` current, logs each outage once when it starts and once when
 * it ends, and calls `onLimit` once when an outage outlasts the limit.
 */
export function superviseDatabase(
  availability: DatabaseAvailability,
  probe: () => Promise<unknown>,
  options: {
    logger: Logger;
    onLimit: (reason: string) => void;
    upIntervalMs?: number;
    downIntervalMs?: number;
    probeTimeoutMs?: number;
  },
): DatabaseSupervision {
  const { logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let limitReported = false;
  const tick = async () => {
    try {
      await withTimeout(probe(), options.probeTimeoutMs ?? 3000);
      const ms = availability.markAvailable();
      if (ms !== undefined) logger.warn({ outageMs: ms }, 'Database available again');
    } catch (error) {
      const reason = (error as Error).message;
      if (availability.markUnavailable(reason)) {
        logger.error({ reason }, 'Database unavailable; answering 503 until it is back');
      }
    }
    if (stopped) return;
    if (availability.beyondLimit && !limitReported) {
      limitReported = true;
      options.onLimit(
        `database unavailable for ${Math.round(availability.unavailableForMs / 1000)} s (limit ${Math.round(availability.options.outageLimitMs / 1000)} s): ${availability.lastReason ?? 'unknown'}`,
      );
    }
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => void tick(),
      availability.available ? (options.upIntervalMs ?? 5000) : (options.downIntervalMs ?? 1000),
    );
    timer.unref();
  };
  schedule();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
