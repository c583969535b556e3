import type { Logger as PinoLogger } from 'pino';
import { Logger as TypeOrmLoggerInterface, QueryRunner } from 'typeorm';
import { isDatabaseUnavailableError } from './database-availability';

/**
 * Sends TypeORM's messages into the JSON log instead of console.log. Failed queries are
 * logged at error level with their SQL, but never with parameter values (they may hold
 * personal data or secrets).
 */
export class TypeOrmPinoLogger implements TypeOrmLoggerInterface {
  private readonly pino: PinoLogger;

  constructor(logger: PinoLogger) {
    this.pino = logger.child({ component: 'typeorm' });
  }

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner) {
    this.pino.trace({ query }, 'query');
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]) {
    // A lost connection fails every query in flight: the outage is logged once, by the probe.
    const level = isDatabaseUnavailableError(error) ? 'debug' : 'error';
    this.pino[level](
      { err: error, query, parameterCount: parameters?.length ?? 0 },
      'query failed',
    );
  }

  logQuerySlow(time: number, query: string) {
    this.pino.warn({ ms: time, query }, 'slow query');
  }

  logSchemaBuild(message: string) {
    this.pino.debug(message);
  }

  logMigration(message: string) {
    this.pino.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.pino.warn(String(message));
    else this.pino.debug(String(message));
  }
}
