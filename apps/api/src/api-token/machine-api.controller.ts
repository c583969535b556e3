import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { sendAppError, sendError } from '../access/http-access';
import { AnalyticsService } from '../analytics/analytics.service';
import { ROOT_LOGGER } from '../logging/logging.constants';
import type { AuditResult } from '../security-audit/security-audit-entry.entity';
import { ApiTokenScopeValue } from './api-token.entity';
import { MachineAccess, MachineCaller } from './machine-access';
import {
  intParam,
  MachineReadService,
  MAX_EVIDENCE_PAGE,
  stringParam,
} from './machine-read.service';

/**
 * Read-only endpoints for other government systems (机器访问, issue 19), authenticated only by a
 * machine API token (`Authorization: Bearer dtk_…`) and answered only within the subtree of the
 * unit the token is bound to. Every request — admitted, refused or failed — is written to the
 * security audit log before the answer leaves; if that write fails the answer is 503, never
 * data without its audit entry. JSON errors are `{ code, message, details: { reason } }`.
 */
@Controller('api/v1')
export class MachineApiController {
  constructor(
    private readonly access: MachineAccess,
    private readonly reads: MachineReadService,
    private readonly analytics: AnalyticsService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * GET /api/v1/analytics/summary[?cycleId=] (ANALYTICS_READ): the figures of the cycle (default:
   * the newest open cycle, else the newest) over the token's jurisdiction, and one row per unit
   * of it with its own completion (prefectures also with their units).
   */
  @Get('analytics/summary')
  summary(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.serve(req, res, 'ANALYTICS_READ', async (caller) => {
      const cycle = await this.reads.cycle(
        stringParam(req.query.cycleId, 'cycleId'),
        caller.unitCode,
      );
      const reader = { jurisdiction: caller.jurisdiction };
      const [summary, units, unit] = await Promise.all([
        this.analytics.summary(reader, cycle.id),
        this.analytics.units(reader, cycle.id, {}),
        this.reads.unit(caller.unitCode),
      ]);
      return {
        cycle,
        unit,
        asOf: this.analytics.today(),
        summary,
        units: units.map(unitRow),
      };
    });
  }

  /**
   * GET /api/v1/analytics/units[?cycleId=&parentCode=&level=] (ANALYTICS_READ): the per-unit
   * rows alone, optionally only the units directly under `parentCode` and/or of one level.
   */
  @Get('analytics/units')
  units(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.serve(req, res, 'ANALYTICS_READ', async (caller) => {
      const cycle = await this.reads.cycle(
        stringParam(req.query.cycleId, 'cycleId'),
        caller.unitCode,
      );
      const units = await this.analytics.units({ jurisdiction: caller.jurisdiction }, cycle.id, {
        parentCode: stringParam(req.query.parentCode, 'parentCode'),
        level: stringParam(req.query.level, 'level'),
      });
      return { cycle, asOf: this.analytics.today(), units: units.map(unitRow) };
    });
  }

  /**
   * GET /api/v1/evidence[?cycleId=&unitCode=&includeHistory=true&first=&offset=]
   * (EVIDENCE_METADATA_READ): evidence metadata (no file content, no uploader), newest first,
   * `first` 1–200 (default 50).
   */
  @Get('evidence')
  evidence(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.serve(req, res, 'EVIDENCE_METADATA_READ', async (caller) => {
      const first = intParam(req.query.first, 'first', 50, 1, MAX_EVIDENCE_PAGE);
      const offset = intParam(req.query.offset, 'offset', 0, 0, 1_000_000);
      const page = await this.reads.evidence(caller.jurisdiction, {
        cycleId: stringParam(req.query.cycleId, 'cycleId'),
        unitCode: stringParam(req.query.unitCode, 'unitCode'),
        includeHistory: stringParam(req.query.includeHistory, 'includeHistory') === 'true',
        first,
        offset,
      });
      return { totalCount: page.totalCount, first, offset, nodes: page.nodes };
    });
  }

  private async serve(
    req: Request,
    res: Response,
    scope: ApiTokenScopeValue,
    read: (caller: MachineCaller) => Promise<unknown>,
  ): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const query = auditedQuery(req.query);
    const admitted = await this.access.admit(req, scope);
    if (admitted.refusal) {
      const { refusal } = admitted;
      if (admitted.audit) {
        await this.access
          .record(req, {
            result:
              refusal.status === 429 ? 'denied' : refusal.status === 403 ? 'denied' : 'failure',
            publicId: admitted.publicId,
            tokenId: admitted.tokenId,
            status: refusal.status,
            reason: refusal.reason,
            query,
          })
          .catch((error: unknown) =>
            this.logger.error({ err: error }, 'Could not audit a refused machine request'),
          );
      }
      if (refusal.retryAfterSeconds)
        res.setHeader('Retry-After', String(refusal.retryAfterSeconds));
      sendError(
        res,
        refusal.code as ErrorCode,
        refusal.message,
        {
          details: {
            reason: refusal.reason,
            ...(refusal.retryAfterSeconds ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}),
          },
        },
        refusal.status,
      );
      return;
    }
    const { caller } = admitted;
    let body: unknown;
    let failure: unknown;
    try {
      body = await read(caller);
    } catch (error) {
      failure = error;
    }
    const status = failure === undefined ? 200 : statusOf(failure);
    const result: AuditResult = failure === undefined ? 'success' : 'failure';
    try {
      await this.access.record(req, {
        result,
        publicId: caller.publicId,
        tokenId: caller.tokenId,
        tokenName: caller.name,
        status,
        ...(failure instanceof GraphQLError ? { reason: String(failure.extensions.code) } : {}),
        query,
      });
    } catch (error) {
      this.logger.error({ err: error }, 'Could not audit a machine request; answering 503');
      sendError(res, ErrorCode.SERVICE_UNAVAILABLE, '暂时无法记录审计日志，请稍后重试。');
      return;
    }
    if (failure === undefined) {
      res.status(200).json(body);
      return;
    }
    try {
      sendAppError(res, failure);
    } catch {
      this.logger.error({ err: failure }, 'Machine request failed');
      sendError(res, ErrorCode.INTERNAL_ERROR);
    }
  }
}

function statusOf(error: unknown): number {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  switch (code) {
    case 'NOT_FOUND':
      return 404;
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
      return 400;
    default:
      return 500;
  }
}

/** The query parameters worth recording (short strings only). */
function auditedQuery(query: Request['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query).slice(0, 10)) {
    if (typeof value === 'string') out[key.slice(0, 40)] = value.slice(0, 100);
  }
  return out;
}

function unitRow(row: {
  unit: { code: string; name: string; level: string; parentCode: string | null };
  tasks: number;
  verified: number;
  submitted: number;
  inProgress: number;
  notStarted: number;
  returned: number;
  overdue: number;
  evidenceCount: number;
  completionRate: number;
  submissionRate: number;
  withChildren: unknown;
}) {
  const { unit, ...figures } = row;
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentCode: unit.parentCode,
    ...figures,
  };
}
