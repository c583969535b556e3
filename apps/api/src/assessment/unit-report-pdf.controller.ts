import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { signJson, type SignedJson } from '@duty/api/evidence-pack';
import {
  FontUnavailableError,
  loadReportFonts,
  renderReportPdf,
  type ReportBlock,
  type TrueTypeFont,
} from '@duty/api/report-pdf';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { contentDisposition, HttpAccess, sendAppError, sendError } from '../access/http-access';
import { actorOf, Principal } from '../auth/principal';
import { requestMeta } from '../auth/session-token';
import { isUuid } from '../common/uuid';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { SIGNING_KEYS, SigningKeys } from '../signing/signing-keys';
import { TASK_READERS } from '../task/task-scope';
import { personLabels } from '../user/person';
import { AssessmentService, ShownScore } from './assessment.service';

const ROUTE = 'GET /api/assessment/unit-report.pdf';
/** Format of the detached signature document of a PDF report. */
export const UNIT_REPORT_PDF_FORMAT = 'duty-unit-report-pdf/1';
/**
 * Response header carrying the detached signature (`{ document, signature }` JSON, non-ASCII
 * characters as \\u escapes so that it is a valid header value):
 * the web app saves it beside the PDF as `<name>.sig.json`, which `npm run evidence:verify --
 * --public-key keys.json report.pdf report.sig.json` checks offline.
 */
export const SIGNATURE_HEADER = 'X-Duty-Signature';

const LEVEL_ZH: Record<string, string> = { province: '省级', prefecture: '市州', county: '县级' };
const RULE_ZH: Record<string, string> = {
  verified: '已核验',
  submitted: '已提交',
  returnedOrInProgress: '推进中/已退回',
  notStarted: '未开始',
  overdue: '逾期',
};
const MEASURE_RULE_ZH: Record<string, string> = {
  threshold: '达标计分',
  linear: '线性计分',
  banded: '分档计分',
  missing: '未上报',
};
const MEASURE_SOURCE_ZH: Record<string, string> = { adjusted: '核定', reported: '上报', none: '' };
const KIND_ZH: Record<string, string> = { bonus: '加分', deduction: '扣分', remark: '督导意见' };

/** What the signature of a PDF report says about it. */
export interface UnitReportPdfDocument {
  format: typeof UNIT_REPORT_PDF_FORMAT;
  fileName: string;
  sha256: string;
  bytes: number;
  cycleId: string;
  unitCode: string;
  unitName: string;
  score: number;
  grade: string;
  frozen: boolean;
  resultSetVersion: number | null;
  generatedAt: string;
  generatedBy: string;
}

/** The data of one unit's report (as the printable HTML report shows it). */
export interface UnitReportData {
  cycle: { year: number; title: string };
  score: ShownScore;
  indicatorNames: Map<string, string>;
  adjustments: Array<{ kind: string; points: string; reason: string; createdBy: string }>;
  overdue: Array<{ article: number; subject: string; due_date: string }>;
  evidence: number;
  generatedAt: Date;
}

/** The fonts, read once per process (a few MB); null until the first report. */
let reportFonts: TrueTypeFont[] | null = null;

/**
 * GET /api/assessment/unit-report.pdf?cycleId=…&unitCode=… — the unit report as a PDF made on
 * the server (A4, a subset of a CJK TrueType font embedded, text searchable), for the same
 * readers and jurisdiction as the printable report. The response carries a detached signature
 * (the server's key, as result sets are signed) over the PDF's SHA-256 in SIGNATURE_HEADER.
 * Every download is in the security audit log.
 */
@Controller('api/assessment')
export class UnitReportPdfController {
  constructor(
    private readonly access: HttpAccess,
    private readonly assessment: AssessmentService,
    private readonly audit: SecurityAuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SIGNING_KEYS) private readonly signing: SigningKeys,
  ) {}

  @Get('unit-report.pdf')
  async unitReportPdf(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
    @Query('unitCode') unitCode?: string,
  ): Promise<void> {
    const principal = await this.access.principal(req, res, TASK_READERS, ROUTE);
    if (!principal) return;
    if (!isUuid(cycleId) || !unitCode) {
      return sendError(
        res,
        ErrorCode.VALIDATION_FAILED,
        '请指定考核年度（cycleId）和单位（unitCode）。',
      );
    }
    try {
      const data = await this.reportData(principal, cycleId, unitCode);
      let fonts: TrueTypeFont[];
      try {
        fonts = reportFonts ??= loadReportFonts();
      } catch (error) {
        if (!(error instanceof FontUnavailableError)) throw error;
        return sendError(
          res,
          ErrorCode.SERVICE_UNAVAILABLE,
          '服务器未安装可用的中文字体，暂不能生成 PDF 报告；请联系系统管理员安装 fonts-droid-fallback 或设置 REPORT_FONT_FILE。',
          { details: { reason: 'REPORT_FONT_MISSING' } },
        );
      }
      const fileName = `${data.score.unitName}-${data.cycle.year}年度质量工作考核报告.pdf`;
      const rendered = renderReportPdf(unitReportDocument(data), {
        fonts,
        producer: 'duty report-pdf',
        creationDate: data.generatedAt,
      });
      const sha256 = createHash('sha256').update(rendered.pdf).digest('hex');
      const signed: SignedJson<UnitReportPdfDocument> = signJson(this.signing.signer, {
        format: UNIT_REPORT_PDF_FORMAT,
        fileName,
        sha256,
        bytes: rendered.pdf.length,
        cycleId,
        unitCode,
        unitName: data.score.unitName,
        score: data.score.score,
        grade: data.score.grade,
        frozen: data.score.frozen,
        resultSetVersion: data.score.resultSetVersion,
        generatedAt: data.generatedAt.toISOString(),
        generatedBy: principal.username,
      });
      await this.audit.record({
        action: AuditAction.ReportDownloaded,
        result: 'success',
        actor: actorOf(principal),
        target: `cycle:${cycleId} unit:${unitCode}`,
        ip: requestMeta(req).ip,
        detail: {
          report: 'unit-pdf',
          cycleId,
          unitCode,
          sha256,
          pages: rendered.pages,
          missingCharacters: rendered.missingCount,
          signedBy: signed.signature.kid,
        },
      });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', contentDisposition(fileName));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader(SIGNATURE_HEADER, asciiJson(signed));
      res.setHeader('Access-Control-Expose-Headers', SIGNATURE_HEADER);
      res.send(rendered.pdf);
    } catch (error) {
      sendAppError(res, error);
    }
  }

  /** The unit's score (NOT_FOUND outside the jurisdiction) and what the report lists with it. */
  private async reportData(
    principal: Principal,
    cycleId: string,
    unitCode: string,
  ): Promise<UnitReportData> {
    const { score, plan } = await this.assessment.unitScore(principal, cycleId, unitCode);
    const recorded = await this.assessment.adjustments(principal, cycleId, unitCode);
    const active = recorded.filter((a) => !a.revokedAt);
    const people = await personLabels(
      this.dataSource,
      active.map((a) => a.createdBy),
    );
    const [cycle] = await this.dataSource.query(
      `SELECT year, title FROM assessment_cycle WHERE id = $1`,
      [cycleId],
    );
    const overdue: UnitReportData['overdue'] = await this.dataSource.query(
      `SELECT a.number AS article, d.subject, t.due_date::text AS due_date
         FROM task t JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
        WHERE t.cycle_id = $1 AND t.unit_code = $2 AND t.retired_at IS NULL
          AND t.due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date AND t.status NOT IN ('SUBMITTED', 'VERIFIED')
        ORDER BY a.number, t.due_date`,
      [cycleId, unitCode],
    );
    const [{ evidence }] = await this.dataSource.query(
      `SELECT count(*)::int AS evidence FROM evidence
        WHERE cycle_id = $1 AND unit_code = $2 AND withdrawn_at IS NULL AND superseded_by_id IS NULL`,
      [cycleId, unitCode],
    );
    return {
      cycle,
      score,
      indicatorNames: new Map(plan.plan.indicators.map((i) => [i.id, i.name])),
      adjustments: active.map((a) => ({
        kind: a.kind,
        points: a.points,
        reason: a.reason,
        createdBy: people.get(a.createdBy) ?? a.createdBy,
      })),
      overdue,
      evidence,
      generatedAt: new Date(),
    };
  }
}

/** The report's blocks: the sections of the printable unit report, in its order. */
export function unitReportDocument(data: UnitReportData): {
  title: string;
  blocks: ReportBlock[];
} {
  const { cycle, score, indicatorNames, adjustments, overdue, evidence } = data;
  const title = `${score.unitName}${cycle.year}年度质量工作考核报告`;
  const deducted = round2(score.deductions.reduce((sum, d) => sum + d.points, 0));
  const blocks: ReportBlock[] = [
    { kind: 'title', text: title },
    {
      kind: 'subtitle',
      text: `${cycle.title}｜${
        score.frozen
          ? `考核结果已固化（第 ${score.resultSetVersion} 版）`
          : '实时得分（考核年度尚未关闭）'
      }`,
    },
    {
      kind: 'fields',
      fields: [
        ['单位', `${score.unitName}（${score.code}）`],
        ['得分', score.score.toFixed(2)],
        ['等次', score.grade],
        [`${LEVEL_ZH[score.level] ?? score.level}排名`, `第 ${score.rank} 名`],
        ['佐证材料', `${evidence} 份`],
        ['逾期事项', `${overdue.length} 项`],
        ['生成时间', shanghaiTime(data.generatedAt)],
      ],
    },
    { kind: 'heading', text: '一、指标得分明细' },
    {
      kind: 'table',
      columns: [
        { header: '指标', width: 5 },
        { header: '分值', width: 1.1, align: 'right' },
        { header: '得分', width: 1.1, align: 'right' },
        { header: '计分依据', width: 3.2 },
      ],
      rows: score.breakdown.map((b) => [
        indicatorNames.get(b.indicatorId) ?? b.indicatorId,
        String(round2(b.marks)),
        String(round2(b.earned)),
        b.measure
          ? `${MEASURE_RULE_ZH[b.measure.rule] ?? b.measure.rule}：${MEASURE_SOURCE_ZH[b.measure.source] ?? ''}值 ${b.measure.value ?? '—'}，目标 ${b.measure.target}`
          : b.tasks.map((t) => RULE_ZH[t.rule] ?? t.rule).join('、'),
      ]),
    },
    { kind: 'heading', text: '二、加减分' },
    {
      kind: 'paragraph',
      text: `加分申报 ${score.bonus.requested} 分，计入 ${score.bonus.applied} 分；扣分 ${deducted} 分。`,
    },
    {
      kind: 'table',
      columns: [
        { header: '分值', width: 1, align: 'right' },
        { header: '原因', width: 7 },
      ],
      rows: score.deductions.map((d) => [`−${d.points}`, d.reason]),
      empty: '无扣分',
    },
    { kind: 'heading', text: '三、逾期事项' },
    {
      kind: 'table',
      columns: [
        { header: '条款', width: 1.2 },
        { header: '职责', width: 6 },
        { header: '截止日期', width: 2 },
      ],
      rows: overdue.map((o) => [`第${o.article}条`, o.subject, longDay(o.due_date)]),
    },
    { kind: 'heading', text: '四、督导意见及加减分记录' },
    {
      kind: 'table',
      columns: [
        { header: '类别', width: 1.2 },
        { header: '分值', width: 1, align: 'right' },
        { header: '内容', width: 5 },
        { header: '录入人', width: 2.2 },
      ],
      rows: adjustments.map((a) => [
        KIND_ZH[a.kind] ?? a.kind,
        a.kind === 'remark' ? '' : a.points,
        a.reason,
        a.createdBy,
      ]),
    },
  ];
  return { title, blocks };
}

/** JSON in ASCII: every character beyond it as a \\u escape (an HTTP header value is Latin-1). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `2026-09-30` → `2026年9月30日`: the web app's date rule (apps/web/src/utils/format.ts). */
function longDay(day: string): string {
  return day.replace(
    /^(\d{4})-(\d{2})-(\d{2})$/,
    (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
  );
}

/** `2026年12月7日 11:05`, Beijing time. */
function shanghaiTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${longDay(local.slice(0, 10))} ${local.slice(11, 16)}`;
}
