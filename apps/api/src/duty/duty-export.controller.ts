import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { REGISTER_READERS } from '../access/access-groups';
import { contentDisposition, HttpAccess, sendAppError, sendError } from '../access/http-access';
import { ExportFormat } from './duty-export';
import { DutyExportService } from './duty-export.service';

/**
 * Downloads of the duty register for signed-in users (the session cookie, or a Bearer token
 * for scripts): GET /api/exports/duties?format=csv|xlsx|json[&code=…]. Same files as
 * `npm run duties:export`, among the regulations the caller sees (another province's: 404).
 */
@Controller('api/exports')
export class DutyExportController {
  constructor(
    private readonly access: HttpAccess,
    private readonly exporter: DutyExportService,
  ) {}

  @Get('duties')
  async duties(
    @Req() req: Request,
    @Res() res: Response,
    @Query('format') format?: string,
    @Query('code') code?: string,
  ): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      REGISTER_READERS,
      'GET /api/exports/duties',
    );
    if (!principal) return;
    if (!format || !['csv', 'xlsx', 'json'].includes(format)) {
      return sendError(res, ErrorCode.VALIDATION_FAILED, 'format 参数须为 csv、xlsx 或 json。');
    }
    try {
      const out = await this.exporter.export(format as ExportFormat, code || undefined, principal);
      res.setHeader('Content-Type', out.contentType);
      res.setHeader('Content-Disposition', contentDisposition(out.filename));
      res.setHeader('Cache-Control', 'no-store');
      res.send(out.body);
    } catch (error) {
      sendAppError(res, error);
    }
  }
}
