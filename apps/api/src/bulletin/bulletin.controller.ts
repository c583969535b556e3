import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { contentDisposition, HttpAccess, sendAppError } from '../access/http-access';
import { actorOf } from '../auth/principal';
import { requestMeta } from '../auth/session-token';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { BULLETIN_READERS } from './bulletin.resolver';
import { BulletinService } from './bulletin.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * GET /api/bulletins/:id.docx — the published bulletin's frozen DOCX (its SHA-256 in
 * X-Content-SHA256), or a draft rendered now and marked 草稿. Same session and jurisdiction rules
 * as the GraphQL `bulletin` query; every download is in the security audit log.
 */
@Controller('api/bulletins')
export class BulletinController {
  constructor(
    private readonly access: HttpAccess,
    private readonly bulletins: BulletinService,
    private readonly audit: SecurityAuditService,
  ) {}

  @Get(':file')
  async download(
    @Req() req: Request,
    @Res() res: Response,
    @Param('file') file: string,
  ): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      BULLETIN_READERS,
      'GET /api/bulletins/:id.docx',
    );
    if (!principal) return;
    const id = file.endsWith('.docx') ? file.slice(0, -'.docx'.length) : file;
    try {
      const { bulletin, bytes, sha256 } = await this.bulletins.docx(principal, id);
      await this.audit.record({
        action: AuditAction.ReportDownloaded,
        result: 'success',
        actor: actorOf(principal),
        target: `bulletin:${bulletin.id}`,
        ip: requestMeta(req).ip,
        detail: { report: 'bulletin', status: bulletin.status, sha256 },
      });
      const name = `${bulletin.status === 'PUBLISHED' ? '' : '草稿-'}${bulletin.title}.docx`;
      res.setHeader('Content-Type', DOCX);
      res.setHeader('Content-Disposition', contentDisposition(name));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-SHA256', sha256);
      res.send(bytes);
    } catch (error) {
      sendAppError(res, error);
    }
  }
}
