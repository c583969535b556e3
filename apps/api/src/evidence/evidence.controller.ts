import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { PackEntry, writePack } from '@duty/api/evidence-pack';
import { EvidenceStore, openVerified } from '@duty/api/evidence-store';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { formatLocalDate } from '@duty/shared/spreadsheet-text';
import { contentDisposition, HttpAccess, sendAppError, sendError } from '../access/http-access';
import { Role } from '../auth/role';
import { actorOf, Principal } from '../auth/principal';
import { requestMeta } from '../auth/session-token';
import { isUuid } from '../common/uuid';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { TaskStatus } from '../task/task-workflow';
import { EvidencePackService, PackSelection } from './evidence-pack.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TASK_READERS } from '../task/task-scope';
import { SIGNING_KEYS, SigningKeys } from '../signing/signing-keys';
import { EVIDENCE_STORE } from './evidence.constants';
import { Detector, EvidenceCorruptionService, findingOf } from './evidence-corruption';
import { Evidence } from './evidence.entity';
import { EvidenceService } from './evidence.service';
import { formatBytes } from './evidence-upload';
import { receiveUploadOrReply } from './receive-upload-or-reply';
import { toEvidenceModel } from './evidence.models';

/** Types a browser shows inline (预览); everything else is always a download. */
const PREVIEWABLE = new Set(['pdf', 'jpeg', 'png']);
const OPERATORS = [Role.COUNTY_OPERATOR] as const;
/** Who downloads sealed packs: auditors and the supervisors, within their jurisdiction. */
const PACK_READERS = [
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
] as const;
/** Multipart overhead allowed per file on top of its bytes (headers, boundaries, fields). */
const PART_OVERHEAD = 64 * 1024;

/**
 * Evidence files over plain HTTP beside GraphQL: multipart upload onto a task, and download or
 * inline preview by id or by content hash, all within the caller's jurisdiction.
 */
@Controller('api')
export class EvidenceController {
  constructor(
    private readonly access: HttpAccess,
    private readonly evidence: EvidenceService,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly packs: EvidencePackService,
    private readonly audit: SecurityAuditService,
    private readonly corruption: EvidenceCorruptionService,
    @Inject(SIGNING_KEYS) private readonly signing: SigningKeys,
  ) {}

  /**
   * POST /api/tasks/:taskId/evidence — multipart/form-data with one or more `files` parts and
   * optional fields description, documentNumber (文号), issuingAuthority (发文机关),
   * documentDate (成文日期), supersedes (id of the version replaced). Requires the header
   * `X-Requested-With` (a cross-site form cannot send it), so a forged form post is refused.
   */
  @Post('tasks/:taskId/evidence')
  async upload(
    @Req() req: Request,
    @Res() res: Response,
    @Param('taskId') taskId: string,
  ): Promise<void> {
    // Refusals before the body is read close the connection rather than drain the upload.
    res.setHeader('Connection', 'close');
    const refuse = (code: ErrorCode, message?: string, status?: number) =>
      sendError(res, code, message, {}, status);
    if (!req.headers['x-requested-with'] || crossOrigin(req)) {
      return refuse(ErrorCode.FORBIDDEN, '请求缺少防跨站标头（X-Requested-With）或来源不符。');
    }
    const principal = await this.access.principal(
      req,
      res,
      OPERATORS,
      'POST /api/tasks/:taskId/evidence',
    );
    if (!principal) return;
    if (!/^multipart\/form-data;/i.test(req.headers['content-type'] ?? '')) {
      return refuse(ErrorCode.UNSUPPORTED_MEDIA_TYPE, '请以 multipart/form-data 上传文件。');
    }
    const { maxFileBytes, maxFilesPerRequest, allowedTypes } = this.config.evidence;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxFilesPerRequest * (maxFileBytes + PART_OVERHEAD)) {
      return refuse(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `上传内容过大：单个文件不超过 ${formatBytes(maxFileBytes)}，一次最多 ${maxFilesPerRequest} 个文件。`,
      );
    }
    const meta = requestMeta(req);
    try {
      await this.evidence.assertMayAttach(principal, taskId, meta);
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
      const saved = await this.evidence.attach(
        principal,
        taskId,
        received.files,
        received.fields,
        meta,
      );
      res.status(201).json({ evidence: saved.map(toEvidenceModel) });
    } catch (error) {
      sendAppError(res, error);
    } finally {
      await Promise.all(received.files.map((f) => this.store.discard(f.staged)));
    }
  }

  /**
   * GET /api/evidence/pack?cycleId=…[&unitCode=…][&chapters=1,2][&articles=12,13][&statuses=VERIFIED]
   * — the sealed pack for auditors and supervisors: one ZIP streamed as it is built (memory
   * stays flat), with manifest.csv, manifest.sha256, manifest.json (what was selected, by whom)
   * and manifest.sig.json (the server's signature over manifest.sha256);
   * the offline verification tool (README: evidence:verify) checks it. Files marked corrupt, missing from storage or of the wrong size are named in
   * problems.csv rather than failing the pack; a file whose hash turns out wrong while it
   * streams is marked corrupt and the download is cut (the next pack lists it). Every download
   * is recorded in the security audit log.
   */
  @Get('evidence/pack')
  async pack(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, string | undefined>,
  ): Promise<void> {
    const principal = await this.access.principal(req, res, PACK_READERS, 'GET /api/evidence/pack');
    if (!principal) return;
    const selection = parsePackSelection(query);
    if (typeof selection === 'string')
      return sendError(res, ErrorCode.VALIDATION_FAILED, selection);
    const detector = detectorOf(req, principal);
    let entries: PackEntry[];
    try {
      entries = await this.packs.entries(principal, selection, detector);
      await this.packs.checkStored(entries, detector);
    } catch (error) {
      return sendAppError(res, error);
    }
    const name = await this.packs.packName(principal, selection, formatLocalDate(new Date()));
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition(name));
    res.setHeader('Cache-Control', 'no-store');
    const unavailable = entries.filter((e) => e.unavailable).map((e) => e.path);
    const detail: Record<string, unknown> = { ...selection, files: entries.length };
    if (unavailable.length) {
      Object.assign(detail, {
        unavailable: unavailable.length,
        unavailablePaths: unavailable.slice(0, 20),
      });
    }
    let result: 'success' | 'failure' = 'success';
    try {
      const written = await writePack(entries, res, {
        signer: this.signing.signer,
        info: { ...selection, exportedBy: principal.username },
      });
      Object.assign(detail, {
        bytes: written.bytes,
        manifestSha256: written.manifestSha256,
        signedBy: written.signature?.kid,
      });
    } catch (error) {
      result = 'failure';
      detail.error = (error as Error).message;
    }
    await this.audit.record({
      action: AuditAction.EvidencePackDownloaded,
      result,
      actor: actorOf(principal),
      target: `cycle:${selection.cycleId}${selection.unitCode ? ` unit:${selection.unitCode}` : ''}`,
      ip: requestMeta(req).ip,
      detail,
    });
  }

  /** GET /api/evidence/:id/content[?inline=1] — the stored bytes, checked against the jurisdiction. */
  @Get('evidence/:id/content')
  async content(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('inline') inline?: string,
  ): Promise<void> {
    const principal = await this.access.principal(req, res, TASK_READERS, 'GET /api/evidence/:id');
    if (!principal) return;
    try {
      const evidence = await this.evidence.visibleOne(principal, id);
      await this.send(req, res, evidence, inline === '1', detectorOf(req, principal));
    } catch (error) {
      sendAppError(res, error);
    }
  }

  /** GET /api/evidence/sha256/:hash/content — by content hash (e.g. from a pack manifest). */
  @Get('evidence/sha256/:sha256/content')
  async contentByHash(
    @Req() req: Request,
    @Res() res: Response,
    @Param('sha256') sha256: string,
    @Query('inline') inline?: string,
  ): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      TASK_READERS,
      'GET /api/evidence/sha256/:sha256',
    );
    if (!principal) return;
    try {
      const evidence = await this.evidence.visibleByHash(principal, sha256.toLowerCase());
      await this.send(req, res, evidence, inline === '1', detectorOf(req, principal));
    } catch (error) {
      sendAppError(res, error);
    }
  }

  /**
   * Streams one file, checking its SHA-256 on the way: the last chunk is held back until the
   * whole content has been hashed, so a corrupt file is never delivered complete. On a mismatch
   * the content is marked corrupt (and audited) first, then the response is cut, which the
   * client sees as a failed transfer; later requests are refused without reading the file.
   */
  private async send(
    req: Request,
    res: Response,
    evidence: Evidence,
    inline: boolean,
    detector: Detector,
  ) {
    if (evidence.integrityStatus === 'corrupt') return refuseCorrupt(res, evidence);
    const expected = Number(evidence.size);
    const size = await this.store.size(evidence.sha256);
    if (size === null) {
      return sendError(
        res,
        ErrorCode.EVIDENCE_INTEGRITY,
        `佐证材料“${evidence.originalName}”的存储文件缺失，请联系系统管理员核查存储并从备份恢复。`,
      );
    }
    const context = { ...detector, via: 'download' as const };
    if (size !== expected) {
      const finding = { sha256: evidence.sha256, kind: 'size' as const, expectedSize: expected };
      await this.corruption.markCorrupt(
        { ...finding, actualSize: size, actualSha256: null },
        context,
      );
      return refuseCorrupt(res, evidence);
    }
    const preview = inline && PREVIEWABLE.has(evidence.fileType);
    const etag = `"${evidence.sha256}"`;
    res.setHeader('Content-Type', evidence.mimeType);
    res.setHeader(
      'Content-Disposition',
      contentDisposition(evidence.originalName, preview ? 'inline' : 'attachment'),
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', etag);
    if (preview) {
      // Shown inside the dashboard (an <iframe>/<img> of the same origin), never elsewhere.
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      );
    }
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Length', String(size));
    const body = await openVerified(this.store, evidence.sha256, expected, {
      onMismatch: (error) =>
        this.corruption.markCorrupt(findingOf(error), context).then(() => undefined),
    });
    // Any failure (corrupt content, a read error, the client going away) cuts the response:
    // with Content-Length sent and bytes missing, the client cannot take it for complete.
    await pipeline(body, res).catch(() => res.destroy());
  }
}

/** The caller, as the security audit log records whoever ran into a corrupt file. */
function detectorOf(req: Request, principal: Principal): Detector {
  return { actor: actorOf(principal), ip: requestMeta(req).ip };
}

/** EVIDENCE_INTEGRITY for content marked corrupt: refused without reading it. */
function refuseCorrupt(res: Response, evidence: Evidence): void {
  sendError(
    res,
    ErrorCode.EVIDENCE_INTEGRITY,
    `佐证材料“${evidence.originalName}”的存储文件已损坏（与登记的 SHA-256 或大小不符），已停止提供下载；请联系系统管理员从备份恢复；恢复并经完整性检查确认后即可重新下载。`,
    { details: { reason: 'CORRUPT' } },
  );
}

/** A browser's Origin (when sent) must be this server's own. */
function crossOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** Query parameters of a pack request, or a Chinese message saying what is wrong. */
function parsePackSelection(query: Record<string, string | undefined>): PackSelection | string {
  if (!isUuid(query.cycleId)) return '请指定考核年度（cycleId）。';
  if (query.unitCode && !/^\d{6}$/.test(query.unitCode))
    return '单位代码（unitCode）须为 6 位数字。';
  const numbers = (value: string | undefined, what: string): number[] | string => {
    if (!value) return [];
    const list = value.split(',').map((v) => Number(v.trim()));
    return list.every((n) => Number.isInteger(n) && n >= 0 && n < 1000)
      ? list
      : `${what}须为以逗号分隔的数字。`;
  };
  const chapters = numbers(query.chapters, '章（chapters）');
  if (typeof chapters === 'string') return chapters;
  const articles = numbers(query.articles, '条（articles）');
  if (typeof articles === 'string') return articles;
  const statuses = (query.statuses ?? '').split(',').filter(Boolean);
  if (statuses.some((s) => !(Object.values(TaskStatus) as string[]).includes(s))) {
    return `任务状态（statuses）只能是：${Object.values(TaskStatus).join('、')}。`;
  }
  return {
    cycleId: query.cycleId,
    unitCode: query.unitCode || undefined,
    chapters,
    articles,
    statuses: statuses as TaskStatus[],
  };
}
