import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerService } from '@nestjs/common';
import pino, { Logger, LevelWithSilent } from 'pino';
import { pinoHttp } from 'pino-http';
import { graphqlOperationOf } from '../metrics/graphql-operation';

interface RequestContext {
  requestId: string;
  logger: Logger;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/** The request id of the HTTP request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** One JSON object per line on stdout, so log collectors need no parsing rules. */
export function createRootLogger(level: LevelWithSilent): Logger {
  return pino({
    level,
    base: { service: 'duty-tracker-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  });
}

// A client-chosen id is accepted only if it looks like an id, so logs cannot be forged.
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Express middleware: assigns each request an id (from X-Request-Id when well formed),
 * echoes it in the response header, logs one line per completed request and makes a
 * child logger carrying the id available to everything that runs for that request.
 */
export function requestLogging(root: Logger) {
  const http = pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      // GraphQL answers errors with 200: their codes decide, as a status would.
      const codes = graphqlOperationOf(req)?.errorCodes ?? [];
      if (codes.includes('INTERNAL_ERROR')) return 'error';
      return res.statusCode >= 400 || codes.length > 0 ? 'warn' : 'info';
    },
    // Probes and scrapes come every few seconds; their lines would drown the rest.
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    // The line of a GraphQL request says which operation it was and which errors it answered.
    customProps: (req) => {
      const operation = graphqlOperationOf(req);
      return operation
        ? {
            graphql: {
              type: operation.type,
              operation: operation.operation,
              operationName: operation.operationName,
              ...(operation.errorCodes.length ? { errors: operation.errorCodes } : {}),
            },
          }
        : {};
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    http(req, res);
    const withLog = req as IncomingMessage & { id: string; log: Logger };
    requestContext.run({ requestId: String(withLog.id), logger: withLog.log }, next);
  };
}

/** Routes Nest's own logging into the same JSON stream, tagged with the request id. */
export class JsonLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  private target(): Logger {
    return requestContext.getStore()?.logger ?? this.root;
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    params: unknown[],
  ) {
    const last = params[params.length - 1];
    const context = typeof last === 'string' ? last : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.target()[level]({ ...fields, err: message }, message.message);
      return;
    }
    const stack =
      level === 'error' && typeof params[0] === 'string' && params.length > 1
        ? params[0]
        : undefined;
    if (stack) fields.stack = stack;
    if (typeof message === 'object' && message !== null) {
      this.target()[level]({ ...fields, ...(message as object) });
    } else {
      this.target()[level](fields, String(message));
    }
  }

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }
}
