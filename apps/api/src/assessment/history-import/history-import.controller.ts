import { Controller, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import express, { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { HttpAccess, sendAppError, sendError } from '../../access/http-access';
import { Role } from '../../auth/role';
import { ColumnMapping, MAPPING_FIELDS } from './history-workbook';
import { HistoryImportRequest, HistoryImportService } from './history-import.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 10 * 1024 * 1024;
const rawXlsx = express.raw({ type: () => true, limit: MAX_UPLOAD });
const IMPORTERS = [Role.PROVINCIAL_SUPERVISOR] as const;

/**
 * Earlier years' results from an office's workbook, for provincial supervisors: the XLSX is
 * posted as the body (as the task spreadsheet upload), the year, file name, column mapping and
 * the user's unit choices as query parameters (`mapping` and `unitMatches` as JSON).
 * `preview` reads and checks without writing; the import is all or nothing (422 with every
 * problem, each with a stable code).
 */
@Controller('api/assessment/history-import')
export class HistoryImportController {
  constructor(
    private readonly access: HttpAccess,
    private readonly service: HistoryImportService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  async preview(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, string>,
  ): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      IMPORTERS,
      'POST /api/assessment/history-import/preview',
    );
    if (!principal) return;
    const input = await this.input(req, res, query);
    if (!input) return;
    res.json(await this.service.preview(input.body, input.request));
  }

  @Post()
  @HttpCode(200)
  async import(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, string>,
  ): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      IMPORTERS,
      'POST /api/assessment/history-import',
    );
    if (!principal) return;
    const input = await this.input(req, res, query);
    if (!input) return;
    try {
      res.json({ import: await this.service.import(principal, input.body, input.request) });
    } catch (error) {
      const details =
        error instanceof GraphQLError
          ? (error.extensions.details as { problems?: unknown[] } | undefined)
          : undefined;
      if (error instanceof GraphQLError && details?.problems) {
        const code = error.extensions.code as string;
        res.status(code === ErrorCode.CONFLICT ? 409 : 422).json({
          code,
          message: error.message,
          applied: 0,
          problems: details.problems,
        });
        return;
      }
      sendAppError(res, error);
    }
  }

  private async input(
    req: Request,
    res: Response,
    query: Record<string, string>,
  ): Promise<{ body: Buffer; request: HistoryImportRequest } | null> {
    // Not a form post: a browser cannot send this cross-site without a CORS preflight.
    if (req.headers['content-type'] !== XLSX) {
      sendError(res, ErrorCode.BAD_REQUEST, `请以 ${XLSX} 上传 .xlsx 文件。`, {}, 415);
      return null;
    }
    let mapping: Partial<ColumnMapping> | undefined;
    let unitMatches: Record<string, string> | undefined;
    try {
      mapping = query.mapping ? parseMapping(JSON.parse(query.mapping)) : undefined;
      unitMatches = query.unitMatches ? parseMatches(JSON.parse(query.unitMatches)) : undefined;
    } catch {
      sendError(res, ErrorCode.VALIDATION_FAILED, 'mapping 或 unitMatches 不是有效的 JSON 对象。');
      return null;
    }
    const body = await new Promise<Buffer>((resolve, reject) =>
      rawXlsx(req, res, (error?: unknown) => (error ? reject(error) : resolve(req.body as Buffer))),
    ).catch(() => null);
    if (!body || !Buffer.isBuffer(body) || body.length === 0) {
      sendError(
        res,
        ErrorCode.VALIDATION_FAILED,
        `文件为空或超过 ${MAX_UPLOAD / 1024 / 1024} MB。`,
      );
      return null;
    }
    return {
      body,
      request: {
        year: Number(query.year),
        fileName: String(query.fileName ?? ''),
        mapping,
        unitMatches,
        sheetName: query.sheet || undefined,
      },
    };
  }
}

function parseMapping(value: unknown): Partial<ColumnMapping> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('mapping');
  const out: Partial<ColumnMapping> = {};
  for (const field of MAPPING_FIELDS) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string' && v.trim()) out[field] = v.trim();
    else if (v !== undefined && v !== null && v !== '') throw new Error('mapping');
  }
  return out;
}

function parseMatches(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('unitMatches');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new Error('unitMatches');
    out[k] = v;
  }
  return out;
}
