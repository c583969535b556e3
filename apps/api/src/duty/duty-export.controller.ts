import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { defaultErrorMessagesZh, ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { REGISTER_READERS } from '../access/access-groups';
import { SessionService } from '../auth/session.service';
import { requestMeta } from '../auth/session-token';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { ExportFormat } from './duty-export';
import { DutyExportService } from './duty-export.service';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
};

/**
 * Downloads of the duty register for signed-in users (the session cookie, or a Bearer token
 * for scripts): GET /api/exports/duties?format=csv|xlsx|json[&code=…]. Same files as
 * `npm run duties:export`.
 */
@Controller('api/exports')
export class DutyExportController {
  constructor(
    private readonly sessions: SessionService,
    private readonly exporter: DutyExportService,
    private readonly audit: SecurityAuditService,
  ) {}

  @Get('duties')
  async duties(
    @Req() req: Request,
    @Res() res: Response,
    @Query('format') format?: string,
    @Query('code') code?: string,
  ): Promise<void> {
    const fail = (errorCode: ErrorCode, message = defaultErrorMessagesZh[errorCode]) => {
      res.status(STATUS[errorCode] ?? 500).json({ code: errorCode, message });
    };
    const principal = await this.sessions.authenticate(req);
    if (!principal) return fail(ErrorCode.UNAUTHENTICATED);
    if (principal.mustChangePassword) return fail(ErrorCode.PASSWORD_CHANGE_REQUIRED);
    if (!principal.role || !(REGISTER_READERS as readonly string[]).includes(principal.role)) {
      await this.audit.record({
        action: AuditAction.PermissionDenied,
        result: 'denied',
        actor: { id: principal.userId, username: principal.username },
        target: 'GET /api/exports/duties',
        ip: requestMeta(req).ip,
      });
      return fail(ErrorCode.FORBIDDEN);
    }
    if (!format || !['csv', 'xlsx', 'json'].includes(format)) {
      return fail(ErrorCode.VALIDATION_FAILED, 'format 参数须为 csv、xlsx 或 json。');
    }
    try {
      const out = await this.exporter.export(format as ExportFormat, code || undefined);
      res.setHeader('Content-Type', out.contentType);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${out.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
      );
      res.setHeader('Cache-Control', 'no-store');
      res.send(out.body);
    } catch (error) {
      const errorCode = error instanceof GraphQLError ? error.extensions?.code : undefined;
      if (errorCode === ErrorCode.NOT_FOUND || errorCode === ErrorCode.VALIDATION_FAILED) {
        return fail(errorCode, (error as Error).message);
      }
      throw error;
    }
  }
}
