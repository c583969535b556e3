import { createHash } from 'node:crypto';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { neutraliseFormula } from '@duty/shared/spreadsheet-text';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { contentDisposition, HttpAccess, sendAppError, sendError } from '../access/http-access';
import { actorOf, Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { requestMeta } from '../auth/session-token';
import { isUuid } from '../common/uuid';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { TASK_READERS } from '../task/task-scope';
import { personLabels } from '../user/person';
import { PlanInForce, RankLevel } from './assessment-scores';
import { AssessmentService, ShownScore } from './assessment.service';
import { resultTableDocx, unitFormDocx } from './outputs/assessment-docx';
import { resultTable, unitForm } from './outputs/assessment-forms';
import { resultTableXlsx, unitFormXlsx } from './outputs/assessment-xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const RANKING_READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
] as const;
const LEVEL_ZH: Record<string, string> = { province: '省级', prefecture: '市州', county: '县级' };
const RULE_ZH: Record<string, string> = {
  verified: '已核验',
  submitted: '已提交',
  returnedOrInProgress: '推进中/已退回',
  notStarted: '未开始',
  overdue: '逾期',
};

type ReportKind = 'ranking' | 'unit' | 'printable' | 'form' | 'results';
type OfficeFormat = 'docx' | 'xlsx';

interface ReportQuery {
  cycleId?: string;
  unitCode?: string;
  level?: string;
  /** The office documents (form, results): DOCX or XLSX. */
  format?: OfficeFormat;
}

/** Who may download each report, and what its query must hold besides a cycle id. */
const REPORTS: Record<
  ReportKind,
  {
    route: string;
    readers: readonly Role[];
    complete: (query: ReportQuery) => boolean;
    missing: string;
  }
> = {
  ranking: {
    route: 'GET /api/assessment/ranking.xlsx',
    readers: RANKING_READERS,
    complete: (q) => ['province', 'prefecture', 'county'].includes(q.level ?? ''),
    missing: '请指定考核年度（cycleId）和层级（level）。',
  },
  unit: {
    route: 'GET /api/assessment/unit.xlsx',
    readers: TASK_READERS,
    complete: (q) => Boolean(q.unitCode),
    missing: '请指定考核年度（cycleId）和单位（unitCode）。',
  },
  printable: {
    route: 'GET /api/assessment/report',
    readers: TASK_READERS,
    complete: (q) => Boolean(q.unitCode),
    missing: '请指定考核年度（cycleId）和单位（unitCode）。',
  },
  form: {
    route: 'GET /api/assessment/unit-form',
    readers: TASK_READERS,
    complete: (q) => Boolean(q.unitCode),
    missing: '请指定考核年度（cycleId）和单位（unitCode）。',
  },
  results: {
    route: 'GET /api/assessment/results',
    readers: RANKING_READERS,
    complete: (q) => ['province', 'prefecture', 'county'].includes(q.level ?? ''),
    missing: '请指定考核年度（cycleId）和层级（level）。',
  },
};

/** A report ready to send, with what the security audit log records of its download. */
interface Download {
  body: Buffer | string;
  headers: Array<[name: string, value: string]>;
  target: string;
  detail: Record<string, unknown>;
}

/**
 * Assessment downloads: the ranking and one unit's breakdown as XLSX, and the printable unit
 * report (A4, from the browser). Every download is recorded in the security audit log.
 */
@Controller('api/assessment')
export class AssessmentReportController {
  constructor(
    private readonly access: HttpAccess,
    private readonly assessment: AssessmentService,
    private readonly audit: SecurityAuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** GET /api/assessment/ranking.xlsx?cycleId=…&level=county|prefecture|province */
  @Get('ranking.xlsx')
  ranking(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
    @Query('level') level = 'county',
  ): Promise<void> {
    return this.download(req, res, 'ranking', { cycleId, level });
  }

  /** GET /api/assessment/unit.xlsx?cycleId=…&unitCode=… — one unit's breakdown. */
  @Get('unit.xlsx')
  unit(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
    @Query('unitCode') unitCode?: string,
  ): Promise<void> {
    return this.download(req, res, 'unit', { cycleId, unitCode });
  }

  /** GET /api/assessment/report?cycleId=…&unitCode=… — the printable report (A4). */
  @Get('report')
  report(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
    @Query('unitCode') unitCode?: string,
  ): Promise<void> {
    return this.download(req, res, 'printable', { cycleId, unitCode });
  }

  /** GET /api/assessment/unit-form.docx|xlsx?cycleId=…&unitCode=… — the unit's 考核评分表. */
  @Get(['unit-form.docx', 'unit-form.xlsx'])
  unitForm(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
    @Query('unitCode') unitCode?: string,
  ): Promise<void> {
    return this.download(req, res, 'form', { cycleId, unitCode, format: formatOf(req) });
  }

  /** GET /api/assessment/results.docx|xlsx?cycleId=…&level=… — one level's 考核结果表. */
  @Get(['results.docx', 'results.xlsx'])
  results(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
    @Query('level') level = 'county',
  ): Promise<void> {
    return this.download(req, res, 'results', { cycleId, level, format: formatOf(req) });
  }

  /** Checks the caller and the query, builds the report, records the download and sends it. */
  private async download(
    req: Request,
    res: Response,
    kind: ReportKind,
    query: ReportQuery,
  ): Promise<void> {
    const report = REPORTS[kind];
    const principal = await this.access.principal(req, res, report.readers, report.route);
    if (!principal) return;
    const { cycleId } = query;
    if (!isUuid(cycleId) || !report.complete(query)) {
      return sendError(res, ErrorCode.VALIDATION_FAILED, report.missing);
    }
    try {
      const file = await this.build(kind, principal, cycleId, query);
      await this.audit.record({
        action: AuditAction.ReportDownloaded,
        result: 'success',
        actor: actorOf(principal),
        target: file.target,
        ip: requestMeta(req).ip,
        detail: file.detail,
      });
      for (const [name, value] of file.headers) res.setHeader(name, value);
      res.send(file.body);
    } catch (error) {
      sendAppError(res, error);
    }
  }

  /** The report of `kind`; the query has passed REPORTS[kind].complete. */
  private build(
    kind: ReportKind,
    principal: Principal,
    cycleId: string,
    query: ReportQuery,
  ): Promise<Download> {
    switch (kind) {
      case 'ranking':
        return this.rankingBook(principal, cycleId, query.level as RankLevel);
      case 'unit':
        return this.unitBook(principal, cycleId, query.unitCode as string);
      case 'printable':
        return this.printableReport(principal, cycleId, query.unitCode as string);
      case 'form':
        return this.unitFormDocument(principal, cycleId, query.unitCode as string, query.format!);
      case 'results':
        return this.resultDocument(principal, cycleId, query.level as RankLevel, query.format!);
    }
  }

  /** The cycle's year and title, and its regulation's chapter titles by number. */
  private async formCycle(
    cycleId: string,
  ): Promise<{ cycle: { year: number; title: string }; chapters: Map<number, string> }> {
    const [cycle]: Array<{ year: number; title: string }> = await this.dataSource.query(
      `SELECT year, title FROM assessment_cycle WHERE id = $1`,
      [cycleId],
    );
    const chapters: Array<{ number: number; title: string }> = await this.dataSource.query(
      `SELECT c.number, c.title FROM assessment_cycle y
         JOIN regulation_chapter c ON c.version_id = y.regulation_version_id
        WHERE y.id = $1`,
      [cycleId],
    );
    return { cycle, chapters: new Map(chapters.map((c) => [c.number, c.title])) };
  }

  /** Who the document says made it: the caller by name and office. */
  private async creator(principal: Principal): Promise<string> {
    const labels = await personLabels(this.dataSource, [principal.username]);
    return labels.get(principal.username) ?? principal.username;
  }

  private async unitFormDocument(
    principal: Principal,
    cycleId: string,
    unitCode: string,
    format: OfficeFormat,
  ): Promise<Download> {
    const { score, plan } = await this.assessment.unitScore(principal, cycleId, unitCode);
    const { cycle, chapters } = await this.formCycle(cycleId);
    const form = unitForm(score, plan, cycle, chapters);
    const creator = await this.creator(principal);
    const body =
      format === 'docx' ? await unitFormDocx(form, creator) : await unitFormXlsx(form, creator);
    return officeDownload(body, format, `${form.title}.${format}`, {
      report: `form.${format}`,
      cycleId,
      unitCode,
    });
  }

  private async resultDocument(
    principal: Principal,
    cycleId: string,
    level: RankLevel,
    format: OfficeFormat,
  ): Promise<Download> {
    const scores = await this.assessment.scores(principal, cycleId, level);
    const plan = await this.assessment.plan(cycleId);
    const { cycle } = await this.formCycle(cycleId);
    const table = resultTable(scores, plan, cycle, level);
    const creator = await this.creator(principal);
    const body =
      format === 'docx'
        ? await resultTableDocx(table, creator)
        : await resultTableXlsx(table, creator);
    return officeDownload(body, format, `${table.title}.${format}`, {
      report: `results.${format}`,
      cycleId,
      level,
      rows: scores.length,
    });
  }

  /** The cycle's year for download names (`2026年度考核结果…`). */
  private async cycleYear(cycleId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT year FROM assessment_cycle WHERE id = $1`, [
      cycleId,
    ]);
    return row?.year ? String(row.year) : '';
  }

  private async rankingBook(
    principal: Principal,
    cycleId: string,
    level: RankLevel,
  ): Promise<Download> {
    const scores = await this.assessment.scores(principal, cycleId, level);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('排名');
    sheet.columns = [
      { header: '排名', key: 'rank', width: 8 },
      { header: '单位代码', key: 'code', width: 12 },
      { header: '单位', key: 'name', width: 28 },
      { header: '层级', key: 'level', width: 8 },
      { header: '得分', key: 'score', width: 10 },
      { header: '等次', key: 'grade', width: 10 },
      { header: '加分（计入/申报）', key: 'bonus', width: 18 },
      { header: '扣分', key: 'deduction', width: 10 },
      { header: '状态', key: 'state', width: 16 },
    ];
    for (const s of scores) {
      sheet.addRow({
        rank: s.rank,
        code: s.code,
        name: s.unitName,
        level: LEVEL_ZH[s.level],
        score: s.score,
        grade: s.grade,
        bonus: `${s.bonus.applied}/${s.bonus.requested}`,
        deduction: round2(s.deductions.reduce((sum, d) => sum + d.points, 0)),
        state: s.frozen ? `已固化（第 ${s.resultSetVersion} 版）` : '实时',
      });
    }
    styleSheet(sheet);
    const year = await this.cycleYear(cycleId);
    return xlsxDownload(book, `${year}年度考核结果-${LEVEL_ZH[level]}排名.xlsx`, {
      report: 'ranking',
      cycleId,
      level,
      rows: scores.length,
    });
  }

  private async unitBook(
    principal: Principal,
    cycleId: string,
    unitCode: string,
  ): Promise<Download> {
    const { score, plan } = await this.assessment.unitScore(principal, cycleId, unitCode);
    const names = indicatorNames(plan);
    const book = new ExcelJS.Workbook();
    const summary = book.addWorksheet('得分');
    summary.columns = [
      { header: '项目', key: 'k', width: 20 },
      { header: '内容', key: 'v', width: 40 },
    ];
    summary.addRows([
      { k: '单位', v: `${score.unitName}（${score.code}）` },
      { k: '得分', v: score.score },
      { k: '等次', v: score.grade },
      { k: '排名', v: `${LEVEL_ZH[score.level]}第 ${score.rank} 名` },
      { k: '加分（计入/申报）', v: `${score.bonus.applied}/${score.bonus.requested}` },
      { k: '状态', v: score.frozen ? `已固化（第 ${score.resultSetVersion} 版）` : '实时' },
    ]);
    styleSheet(summary);
    const detail = book.addWorksheet('指标明细');
    detail.columns = [
      { header: '指标', key: 'indicator', width: 40 },
      { header: '分值', key: 'marks', width: 10 },
      { header: '得分', key: 'earned', width: 10 },
      { header: '任务', key: 'task', width: 38 },
      { header: '状态', key: 'status', width: 12 },
      { header: '计分规则', key: 'rule', width: 14 },
      { header: '得分比例', key: 'fraction', width: 10 },
    ];
    for (const b of score.breakdown) {
      if (b.measure) {
        // A measured indicator: one row with the value scored, its source and the target.
        const m = b.measure;
        detail.addRow({
          indicator: names.get(b.indicatorId) ?? b.indicatorId,
          marks: round2(b.marks),
          earned: round2(b.earned),
          task: `${MEASURE_SOURCE_ZH[m.source] ?? m.source}值 ${m.value ?? '—'}（目标 ${m.target}${m.floor === null ? '' : `，底线 ${m.floor}`}）`,
          status: '定量指标',
          rule: MEASURE_RULE_ZH[m.rule] ?? m.rule,
          fraction: m.fraction,
        });
      }
      for (const t of b.tasks) {
        detail.addRow({
          indicator: names.get(b.indicatorId) ?? b.indicatorId,
          marks: round2(b.marks),
          earned: round2(b.earned),
          task: t.taskId,
          status: t.status,
          rule: RULE_ZH[t.rule] ?? t.rule,
          fraction: t.fraction,
        });
      }
    }
    styleSheet(detail);
    const deductions = book.addWorksheet('扣分');
    deductions.columns = [
      { header: '分值', key: 'points', width: 10 },
      { header: '原因', key: 'reason', width: 60 },
      { header: '任务', key: 'taskId', width: 38 },
    ];
    deductions.addRows(score.deductions.map((d) => ({ ...d, taskId: d.taskId ?? '' })));
    styleSheet(deductions);
    const year = await this.cycleYear(cycleId);
    return xlsxDownload(book, `${score.unitName}-${year}年度考核结果.xlsx`, {
      report: 'unit',
      cycleId,
      unitCode,
    });
  }

  private async printableReport(
    principal: Principal,
    cycleId: string,
    unitCode: string,
  ): Promise<Download> {
    const { score, plan } = await this.assessment.unitScore(principal, cycleId, unitCode);
    const names = indicatorNames(plan);
    const recorded = await this.assessment.adjustments(principal, cycleId, unitCode);
    // 录入人 by name and office, as the pages show them (one statement for all of them).
    const people = await personLabels(
      this.dataSource,
      recorded.map((a) => a.createdBy),
    );
    const adjustments = recorded.map((a) => ({
      ...a,
      createdBy: people.get(a.createdBy) ?? a.createdBy,
    }));
    const [cycle] = await this.dataSource.query(
      `SELECT year, title FROM assessment_cycle WHERE id = $1`,
      [cycleId],
    );
    const overdue: Array<{ article: number; subject: string; due_date: string; status: string }> =
      await this.dataSource.query(
        `SELECT a.number AS article, d.subject, t.due_date::text AS due_date, t.status
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
      body: renderReport({ cycle, score, names, adjustments, overdue, evidence }),
      headers: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Cache-Control', 'no-store'],
        [
          'Content-Security-Policy',
          `default-src 'none'; style-src 'unsafe-inline'; script-src '${PRINT_SCRIPT_HASH}'`,
        ],
      ],
      target: `cycle:${cycleId} unit:${unitCode}`,
      detail: { report: 'printable', cycleId, unitCode },
    };
  }
}

/** The office format a route was asked in, by its extension. */
function formatOf(req: Request): OfficeFormat {
  return req.path.endsWith('.docx') ? 'docx' : 'xlsx';
}

/** A DOCX or XLSX attachment, recorded against its cycle. */
function officeDownload(
  body: Buffer,
  format: OfficeFormat,
  fileName: string,
  detail: { cycleId: string } & Record<string, unknown>,
): Download {
  return {
    body,
    headers: [
      ['Content-Type', format === 'docx' ? DOCX : XLSX],
      ['Content-Disposition', contentDisposition(fileName)],
      ['Cache-Control', 'no-store'],
    ],
    target: `cycle:${detail.cycleId}`,
    detail,
  };
}

/** An XLSX attachment, recorded against its cycle. */
async function xlsxDownload(
  book: ExcelJS.Workbook,
  fileName: string,
  detail: { cycleId: string } & Record<string, unknown>,
): Promise<Download> {
  return {
    body: Buffer.from(await book.xlsx.writeBuffer()),
    headers: [
      ['Content-Type', XLSX],
      ['Content-Disposition', contentDisposition(fileName)],
      ['Cache-Control', 'no-store'],
    ],
    target: `cycle:${detail.cycleId}`,
    detail,
  };
}

const MEASURE_RULE_ZH: Record<string, string> = {
  threshold: '达标计分',
  linear: '线性计分',
  banded: '分档计分',
  missing: '未上报',
};
const MEASURE_SOURCE_ZH: Record<string, string> = {
  adjusted: '核定',
  reported: '上报',
  none: '',
};

function indicatorNames(plan: PlanInForce): Map<string, string> {
  return new Map(plan.plan.indicators.map((i) => [i.id, i.name]));
}

/**
 * Bold frozen header, and every text cell below it through the export-wide formula rule: unit
 * names and deduction reasons are typed by people, and a cell re-entered in Excel would run.
 */
function styleSheet(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') cell.value = neutraliseFormula(cell.value);
    });
  });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The report's 打印报告 button. The page's CSP allows exactly this inline script (by its hash),
 * nothing else, so the report stays a page that cannot run injected code.
 */
const PRINT_SCRIPT =
  "document.getElementById('print').addEventListener('click',function(){window.print()});";
const PRINT_SCRIPT_HASH = `sha256-${createHash('sha256').update(PRINT_SCRIPT).digest('base64')}`;

/** `2026-09-30` → `2026年9月30日`: the web app's date rule (apps/web/src/utils/format.ts). */
const longDay = (day: string) =>
  day.replace(
    /^(\d{4})-(\d{2})-(\d{2})$/,
    (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
  );

const escape = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderReport(input: {
  cycle: { year: number; title: string };
  score: ShownScore;
  names: Map<string, string>;
  adjustments: Array<{
    kind: string;
    points: string;
    reason: string;
    createdBy: string;
    revokedAt: Date | null;
  }>;
  overdue: Array<{ article: number; subject: string; due_date: string; status: string }>;
  evidence: number;
}): string {
  const { cycle, score, names, adjustments, overdue, evidence } = input;
  const kindZh: Record<string, string> = { bonus: '加分', deduction: '扣分', remark: '督导意见' };
  const rows = score.breakdown
    .map(
      (b) =>
        `<tr><td>${escape(names.get(b.indicatorId) ?? b.indicatorId)}</td><td class="n">${round2(b.marks)}</td><td class="n">${round2(
          b.earned,
        )}</td><td class="w">${
          b.measure
            ? escape(
                `${MEASURE_RULE_ZH[b.measure.rule] ?? b.measure.rule}：${MEASURE_SOURCE_ZH[b.measure.source] ?? ''}值 ${b.measure.value ?? '—'}，目标 ${b.measure.target}`,
              )
            : b.tasks.map((t) => escape(RULE_ZH[t.rule] ?? t.rule)).join('、')
        }</td></tr>`,
    )
    .join('');
  const adjustmentRows = adjustments
    .filter((a) => !a.revokedAt)
    .map(
      (a) =>
        `<tr><td>${escape(kindZh[a.kind] ?? a.kind)}</td><td class="n">${escape(a.kind === 'remark' ? '' : a.points)}</td><td>${escape(
          a.reason,
        )}</td><td>${escape(a.createdBy)}</td></tr>`,
    )
    .join('');
  const overdueRows = overdue
    .map(
      (o) =>
        `<tr><td class="k">第${o.article}条</td><td>${escape(o.subject)}</td><td class="k">${escape(longDay(o.due_date))}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(score.unitName)} ${escape(cycle.year)}年度质量工作考核报告</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 178mm; }
  h1 { font-size: 17pt; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #000; }
  .meta { text-align: center; margin-bottom: 5mm; }
  .kpis { display: flex; justify-content: space-between; border: 1px solid #000; padding: 3mm; }
  .kpis div { text-align: center; flex: 1; } .kpis b { display: block; font-size: 15pt; }
  table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
  tr { page-break-inside: avoid; } th, td { border: 1px solid #555; padding: 1.5mm 2mm; vertical-align: top; }
  th { background: #eee; white-space: nowrap; } td.n { text-align: right; white-space: nowrap; } td.k { white-space: nowrap; } td.w { word-break: keep-all; }
  .toolbar { display: flex; align-items: center; gap: 4mm; margin: 4mm 0; color: #333; font-size: 10pt; }
  .toolbar button { font: inherit; font-size: 11pt; padding: 1.5mm 6mm; color: #fff; background: #1f4e9e; border: 0; border-radius: 4px; cursor: pointer; }
  @media print { .toolbar { display: none; } }
</style></head><body>
<div class="toolbar"><button type="button" id="print">打印报告</button><span>点击“打印报告”，在打印窗口中选择打印机或“另存为 PDF”，纸张选择 A4。</span></div>
<script>${PRINT_SCRIPT}</script>
<h1>${escape(score.unitName)}${escape(cycle.year)}年度质量工作考核报告</h1>
<p class="meta">${escape(cycle.title)}｜${score.frozen ? `考核结果已固化（第 ${score.resultSetVersion} 版）` : '实时得分（考核年度尚未关闭）'}</p>
<div class="kpis"><div>得分<b>${score.score.toFixed(2)}</b></div><div>等次<b>${escape(score.grade)}</b></div><div>${escape(
    LEVEL_ZH[score.level],
  )}排名<b>第 ${score.rank} 名</b></div><div>佐证材料<b>${evidence} 份</b></div><div>逾期事项<b>${overdue.length} 项</b></div></div>
<h2>一、指标得分明细</h2>
<table><thead><tr><th>指标</th><th>分值</th><th>得分</th><th>计分依据</th></tr></thead><tbody>${rows || '<tr><td colspan="4">无</td></tr>'}</tbody></table>
<h2>二、加减分</h2>
<p>加分申报 ${score.bonus.requested} 分，计入 ${score.bonus.applied} 分；扣分 ${round2(
    score.deductions.reduce((sum, d) => sum + d.points, 0),
  )} 分。</p>
<table><thead><tr><th>分值</th><th>原因</th></tr></thead><tbody>${
    score.deductions
      .map((d) => `<tr><td class="n">−${d.points}</td><td>${escape(d.reason)}</td></tr>`)
      .join('') || '<tr><td colspan="2">无扣分</td></tr>'
  }</tbody></table>
<h2>三、逾期事项</h2>
<table><thead><tr><th>条款</th><th>职责</th><th>截止日期</th></tr></thead><tbody>${overdueRows || '<tr><td colspan="3">无</td></tr>'}</tbody></table>
<h2>四、督导意见及加减分记录</h2>
<table><thead><tr><th>类别</th><th>分值</th><th>内容</th><th>录入人</th></tr></thead><tbody>${
    adjustmentRows || '<tr><td colspan="4">无</td></tr>'
  }</tbody></table>
</body></html>`;
}
