import { Controller, Post, Req, Res } from '@nestjs/common';
import {
  isRegulationSourceError,
  type ArticleChangeKind,
  sourceEncodingName,
} from '@duty/regulation/parser';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { REGISTER_EDITORS } from '../access/access-groups';
import { HttpAccess, sendAppError, sendError } from '../access/http-access';
import { RegulationImportService } from './regulation-import.service';
import type { ImportRegulationResult } from './regulation-import.types';
import { receiveRegulationUpload } from './regulation-upload';
import { readRegulationSource, type RegulationSource } from './source-file';

/**
 * Largest regulation file accepted: the import's limit is 2 million characters (about 6 MB of
 * UTF-8); a DOCX of that text with Word's markup compresses to well under this.
 */
export const MAX_REGULATION_FILE_BYTES = 20 * 1024 * 1024;
/** Multipart overhead allowed on top of the file (headers, boundaries, fields). */
const PART_OVERHEAD = 64 * 1024;

/** How the file was read, as the answer and the page name it. */
export interface RegulationSourceInfo {
  fileName: string;
  format: 'docx' | 'text';
  /** Text files: the detected encoding (utf-8, utf-16le, utf-16be, gb18030). */
  encoding: string | null;
  /** Text files: whether a byte order mark was present. */
  bom: boolean;
  /** In Chinese: “Word 文档（.docx）” or “纯文本，编码 GB18030（GBK）”. */
  description: string;
}

/** The answer of an upload: what the mutation answers, plus how the file was read. */
export interface RegulationUploadAnswer extends ImportRegulationResult {
  code: string;
  source: RegulationSourceInfo;
  /** The article-level changes against the previous version, counted by kind. */
  changeSummary: Partial<Record<ArticleChangeKind, number>>;
}

/**
 * Regulation import from the browser: the same importer as `importRegulationVersion`, fed with
 * a file (DOCX, or plain text in UTF-8, UTF-16 or GB18030) instead of text, so the 法规库 page
 * imports what offices receive without a command line or a stopped server.
 */
@Controller('api/regulations')
export class RegulationUploadController {
  constructor(
    private readonly access: HttpAccess,
    private readonly importer: RegulationImportService,
  ) {}

  /**
   * POST /api/regulations/import — multipart/form-data with one `file` part and the fields
   * code, status (draft|enacted), effectiveDate (YYYY-MM-DD), coordinatingDepartment (a
   * department kind code), confirmTitleChange (true), ownerProvinceCode (XX0000: the province owning a
   * new regulation; a provincial supervisor's imports are their province's). Requires `X-Requested-With` and, when
   * sent, a same-origin `Origin`, like evidence uploads. One transaction: a refused file or
   * text stores nothing.
   */
  @Post('import')
  async import(@Req() req: Request, @Res() res: Response): Promise<void> {
    // Refusals before the body is read close the connection rather than drain the upload.
    res.setHeader('Connection', 'close');
    const refuse = (code: ErrorCode, message?: string, details?: Record<string, unknown>) =>
      sendError(res, code, message, details ? { details } : {});
    if (!req.headers['x-requested-with'] || crossOrigin(req)) {
      return refuse(ErrorCode.FORBIDDEN, '请求缺少防跨站标头（X-Requested-With）或来源不符。');
    }
    const principal = await this.access.principal(
      req,
      res,
      REGISTER_EDITORS,
      'POST /api/regulations/import',
    );
    if (!principal) return;
    if (!/^multipart\/form-data;/i.test(req.headers['content-type'] ?? '')) {
      return refuse(ErrorCode.UNSUPPORTED_MEDIA_TYPE, '请以 multipart/form-data 上传法规文件。');
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REGULATION_FILE_BYTES + PART_OVERHEAD) {
      return refuse(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `法规文件不能超过 ${MAX_REGULATION_FILE_BYTES / 1024 / 1024} MB。`,
      );
    }
    res.removeHeader('Connection');

    const received = await receiveRegulationUpload(req, MAX_REGULATION_FILE_BYTES).catch(
      () => null,
    );
    if (!received) return; // the client went away
    if (!received.ok) {
      return sendError(res, received.code as ErrorCode, received.message, {}, received.status);
    }
    const { fields, fileName, bytes } = received;
    const status = (fields.status ?? 'draft').toLowerCase();
    if (status !== 'draft' && status !== 'enacted') {
      return refuse(ErrorCode.VALIDATION_FAILED, '状态只能是“草案”或“已通过”。', {
        field: 'status',
      });
    }

    let source: RegulationSource;
    try {
      source = await readRegulationSource(bytes, fileName);
    } catch (error) {
      if (isRegulationSourceError(error)) {
        return refuse(ErrorCode.VALIDATION_FAILED, error.message.replace(/\s*\[[A-Z_]+\]$/u, ''), {
          field: 'file',
          sourceError: error.code,
          ...(error.line === undefined ? {} : { line: error.line }),
        });
      }
      throw error;
    }

    try {
      const result = await this.importer.import(
        {
          code: (fields.code ?? '').trim(),
          text: source.text,
          status,
          effectiveDate: fields.effectiveDate?.trim() || null,
          importedBy: principal.username,
          confirmTitleChange: fields.confirmTitleChange === 'true',
          coordinatingDepartment: fields.coordinatingDepartment?.trim() || undefined,
          ownerProvinceCode: fields.ownerProvinceCode?.trim() || undefined,
        },
        principal,
      );
      const changeSummary: RegulationUploadAnswer['changeSummary'] = {};
      for (const change of result.changes) {
        changeSummary[change.kind] = (changeSummary[change.kind] ?? 0) + 1;
      }
      const answer: RegulationUploadAnswer = {
        ...result,
        code: (fields.code ?? '').trim(),
        source: describeSource(source, fileName),
        changeSummary,
      };
      res.status(result.alreadyImported ? 200 : 201).json(answer);
    } catch (error) {
      sendAppError(res, error);
    }
  }
}

function describeSource(source: RegulationSource, fileName: string): RegulationSourceInfo {
  if (source.format === 'docx') {
    return {
      fileName,
      format: 'docx',
      encoding: null,
      bom: false,
      description: 'Word 文档（.docx）',
    };
  }
  return {
    fileName,
    format: 'text',
    encoding: source.encoding,
    bom: source.bom,
    description: `纯文本，编码 ${sourceEncodingName(source.encoding)}${source.bom ? '（带 BOM）' : ''}`,
  };
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
