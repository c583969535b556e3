import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { EvidenceStore, openVerified } from '@duty/api/evidence-store';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { contentDisposition, HttpAccess, sendAppError, sendError } from '../access/http-access';
import { requestMeta } from '../auth/session-token';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EVIDENCE_STORE } from '../evidence/evidence.constants';
import { formatBytes } from '../evidence/evidence-upload';
import { receiveUploadOrReply } from '../evidence/receive-upload-or-reply';
import { TASK_READERS } from '../task/task-scope';
import { toAttachmentModel } from './dto/task-comment.models';
import { TaskCommentAttachmentService } from './task-comment-attachment.service';
import { COMMENTERS } from './task-comment-rules';

const PART_OVERHEAD = 64 * 1024;
const PREVIEWABLE = new Set(['pdf', 'jpeg', 'png']);

/** Comment attachments over plain HTTP: multipart upload onto a task, and download. */
@Controller('api')
export class TaskCommentAttachmentController {
  constructor(
    private readonly access: HttpAccess,
    private readonly attachments: TaskCommentAttachmentService,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * POST /api/tasks/:taskId/comment-attachments[?asEvidence=1] — multipart/form-data with one
   * or more `files` parts (the evidence limits and type checks apply). With asEvidence=1 (the
   * task's operator only) the files also become the task's evidence; the evidence fields
   * (documentNumber, issuingAuthority, documentDate, description) may be sent. Answers 201
   * `{ attachments: [...] }`, whose ids go into addTaskComment. Requires X-Requested-With.
   */
  @Post('tasks/:taskId/comment-attachments')
  async upload(
    @Req() req: Request,
    @Res() res: Response,
    @Param('taskId') taskId: string,
    @Query('asEvidence') asEvidenceParam?: string,
  ): Promise<void> {
    res.setHeader('Connection', 'close');
    if (!req.headers['x-requested-with']) {
      return sendError(res, ErrorCode.FORBIDDEN, '请求缺少防跨站标头（X-Requested-With）。');
    }
    const principal = await this.access.principal(
      req,
      res,
      COMMENTERS,
      'POST /api/tasks/:taskId/comment-attachments',
    );
    if (!principal) return;
    if (!/^multipart\/form-data;/i.test(req.headers['content-type'] ?? '')) {
      return sendError(
        res,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        '请以 multipart/form-data 上传文件。',
      );
    }
    const { maxFileBytes, maxFilesPerRequest, allowedTypes } = this.config.evidence;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxFilesPerRequest * (maxFileBytes + PART_OVERHEAD)) {
      return sendError(
        res,
        ErrorCode.PAYLOAD_TOO_LARGE,
        `上传内容过大：单个文件不超过 ${formatBytes(maxFileBytes)}，一次最多 ${maxFilesPerRequest} 个文件。`,
      );
    }
    const asEvidence = asEvidenceParam === '1' || asEvidenceParam === 'true';
    const meta = requestMeta(req);
    try {
      await this.attachments.assertMayUpload(principal, taskId, asEvidence, meta);
    } catch (error) {
      return sendAppError(res, error);
    }
    res.removeHeader('Connection');
    const received = await receiveUploadOrReply(req, res, this.store, {
      maxFileBytes,
      maxFiles: maxFilesPerRequest,
      allowedTypes,
    });
    if (!received) return;
    try {
      const saved = await this.attachments.save(
        principal,
        taskId,
        received.files,
        received.fields,
        asEvidence,
        meta,
      );
      res.status(201).json({ attachments: saved.map(toAttachmentModel) });
    } catch (error) {
      sendAppError(res, error);
    } finally {
      await Promise.all(received.files.map((f) => this.store.discard(f.staged)));
    }
  }

  /** GET /api/comment-attachments/:id/content[?inline=1] — the bytes, checked on the way. */
  @Get('comment-attachments/:id/content')
  async content(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('inline') inline?: string,
  ): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      TASK_READERS,
      'GET /api/comment-attachments/:id',
    );
    if (!principal) return;
    let attachment;
    try {
      attachment = await this.attachments.visibleOne(principal, id);
    } catch (error) {
      return sendAppError(res, error);
    }
    const expected = Number(attachment.size);
    const size = await this.store.size(attachment.sha256);
    if (size !== expected) {
      return sendError(
        res,
        ErrorCode.EVIDENCE_INTEGRITY,
        `附件“${attachment.originalName}”的存储文件缺失或已损坏，请联系系统管理员核查存储并从备份恢复。`,
      );
    }
    const preview = inline === '1' && PREVIEWABLE.has(attachment.fileType);
    res.setHeader('Content-Type', attachment.mimeType);
    res.setHeader(
      'Content-Disposition',
      contentDisposition(attachment.originalName, preview ? 'inline' : 'attachment'),
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    if (preview) {
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      );
    }
    res.setHeader('Content-Length', String(size));
    const body = await openVerified(this.store, attachment.sha256, expected);
    // A mismatch while streaming cuts the response: the client never takes it for complete.
    await pipeline(body, res).catch(() => res.destroy());
  }
}
