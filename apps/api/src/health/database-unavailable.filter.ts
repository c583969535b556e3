import { ArgumentsHost, Catch, Inject, Optional } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { ErrorCode } from '@duty/shared/errors';
import type { Response } from 'express';
import { sendError } from '../access/http-access';
import {
  DATABASE_AVAILABILITY,
  DatabaseAvailability,
  isDatabaseUnavailableError,
  RETRY_AFTER_SECONDS,
} from '../database/database-availability';

/**
 * REST endpoints (downloads, uploads, reports): a lost or refused database connection is
 * answered 503 SERVICE_UNAVAILABLE with Retry-After instead of Nest's 500. Everything else,
 * and every GraphQL error (formatted by the GraphQL error formatter), goes on as before.
 */
@Catch()
export class DatabaseUnavailableFilter extends BaseExceptionFilter {
  constructor(
    @Optional()
    @Inject(DATABASE_AVAILABILITY)
    private readonly availability?: DatabaseAvailability,
  ) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    if (!isDatabaseUnavailableError(exception)) return super.catch(exception, host);
    this.availability?.markUnavailable((exception as Error).message ?? 'connection lost');
    const res = host.switchToHttp().getResponse<Response>();
    if (!res.headersSent) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    sendError(res, ErrorCode.SERVICE_UNAVAILABLE, undefined, {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }
}
