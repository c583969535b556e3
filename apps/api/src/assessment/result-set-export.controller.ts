import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { signJson } from '@duty/api/evidence-pack';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { jurisdictionOf, unitInJurisdiction } from '../access/jurisdiction';
import { contentDisposition, HttpAccess, sendError } from '../access/http-access';
import { actorOf } from '../auth/principal';
import { Role } from '../auth/role';
import { requestMeta } from '../auth/session-token';
import { isUuid } from '../common/uuid';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { SIGNING_KEYS, SigningKeys } from '../signing/signing-keys';
import { AssessmentResultSet } from './assessment-result.entity';
import { resultRowsHash } from './assessment-scores';

const READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
] as const;
export const RESULT_SET_FORMAT = 'duty-assessment-result-set/1';
const LEVEL_ORDER = ['province', 'prefecture', 'county'];

interface ResultRow {
  unitCode: string;
  unitName: string;
  parentCode: string | null;
  rankLevel: string;
  score: string;
  grade: string;
  rank: number;
}

/**
 * GET /api/assessment/result-set.json?cycleId=…[&version=N] — a frozen result set (the latest,
 * or version N) as a signed JSON document: `{ document, signature }`, the signature (Ed25519 or
 * SM2, the server's key) over the canonical JSON of `document` (keys sorted, no white space).
 * The document holds the cycle, the set's record (who closed it, when, plan version, the
 * SHA-256 over all its rows) and the units in the caller's jurisdiction with their score,
 * grade and rank. `npm run evidence:verify -- --public-key keys.json result-set.json` checks
 * it offline. A set whose rows no longer match their recorded hash is not signed (CONFLICT,
 * `details.reason` RESULT_SET_INTEGRITY). Every download is in the security audit log.
 */
@Controller('api/assessment')
export class ResultSetExportController {
  constructor(
    private readonly access: HttpAccess,
    private readonly audit: SecurityAuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SIGNING_KEYS) private readonly signing: SigningKeys,
  ) {}

  @Get('result-set.json')
  async resultSet(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
    @Query('version') versionText?: string,
  ): Promise<void> {
    const route = 'GET /api/assessment/result-set.json';
    const principal = await this.access.principal(req, res, READERS, route);
    if (!principal) return;
    const version = versionText === undefined ? null : Number(versionText);
    if (!isUuid(cycleId) || (version !== null && !(Number.isInteger(version) && version > 0))) {
      return sendError(
        res,
        ErrorCode.VALIDATION_FAILED,
        '请指定考核年度（cycleId），版本号（version）须为正整数。',
      );
    }
    const [cycle]: Array<{ id: string; year: number; title: string }> = await this.dataSource.query(
      `SELECT id, year, title FROM assessment_cycle WHERE id = $1`,
      [cycleId],
    );
    if (!cycle) return sendError(res, ErrorCode.NOT_FOUND, '未找到该考核年度。');
    const set = await this.dataSource.getRepository(AssessmentResultSet).findOne({
      where: version === null ? { cycleId } : { cycleId, version },
      order: { version: 'DESC' },
    });
    if (!set) {
      return sendError(
        res,
        ErrorCode.NOT_FOUND,
        version === null
          ? '该考核年度尚无固化的考核结果（关闭考核年度时固化）。'
          : `该考核年度没有第 ${version} 版考核结果。`,
      );
    }
    const rows: ResultRow[] = await this.dataSource.query(
      `SELECT r.unit_code AS "unitCode", u.name AS "unitName", u.parent_code AS "parentCode",
              r.rank_level AS "rankLevel", r.score::text AS score, r.grade, r.rank
         FROM assessment_result r JOIN admin_unit u ON u.code = r.unit_code
        WHERE r.result_set_id = $1`,
      [set.id],
    );
    // The whole set must still be what was frozen; a changed set is not signed.
    if (resultRowsHash(rows) !== set.rowsSha256) {
      return sendError(
        res,
        ErrorCode.CONFLICT,
        `第 ${set.version} 版考核结果与固化时记录的哈希不符，可能已被改动，不予签发；请联系审计管理员核查。`,
        { details: { reason: 'RESULT_SET_INTEGRITY' } },
      );
    }
    const j = jurisdictionOf(principal);
    const visible = rows
      .filter(
        (r) =>
          j.kind !== 'unit' &&
          unitInJurisdiction(j, { code: r.unitCode, parentCode: r.parentCode }),
      )
      .sort(
        (a, b) =>
          LEVEL_ORDER.indexOf(a.rankLevel) - LEVEL_ORDER.indexOf(b.rankLevel) ||
          a.rank - b.rank ||
          a.unitCode.localeCompare(b.unitCode),
      );
    const document = {
      format: RESULT_SET_FORMAT,
      cycle: { id: cycle.id, year: cycle.year, title: cycle.title },
      resultSet: {
        id: set.id,
        version: set.version,
        planVersion: set.planVersion,
        closedBy: set.closedBy,
        closedAt: set.closedAt.toISOString(),
        asOf: set.asOf,
        rowsSha256: set.rowsSha256,
        units: rows.length,
        reopenedAt: set.reopenedAt?.toISOString() ?? null,
        reopenedBy: set.reopenedBy,
        reopenReason: set.reopenReason,
      },
      scope:
        j.kind === 'prefecture'
          ? { prefecture: j.prefectureCode }
          : j.kind === 'provinces'
            ? { provinces: j.provinceCodes }
            : 'all',
      exportedAt: new Date().toISOString(),
      exportedBy: principal.username,
      units: visible.map(({ parentCode: _parent, ...unit }) => unit),
    };
    const signed = signJson(this.signing.signer, document);
    await this.audit.record({
      action: AuditAction.ReportDownloaded,
      result: 'success',
      actor: actorOf(principal),
      target: `cycle:${cycle.id}`,
      ip: requestMeta(req).ip,
      detail: {
        report: 'result-set',
        cycleId: cycle.id,
        version: set.version,
        units: visible.length,
        signedBy: signed.signature.kid,
      },
    });
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      contentDisposition(`考核结果-${cycle.year}-第${set.version}版.json`),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.send(`${JSON.stringify(signed, null, 2)}\n`);
  }
}
