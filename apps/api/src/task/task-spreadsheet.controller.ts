import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import express, { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { contentDisposition, HttpAccess, sendError } from '../access/http-access';
import { Role } from '../auth/role';
import { requestMeta } from '../auth/session-token';
import { TaskChange, TaskService } from './task.service';
import { scopeTasks } from './task-scope';
import { readTaskWorkbook, SheetProblem, writeTaskWorkbook } from './task-spreadsheet';
import { Task } from './task.entity';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 10 * 1024 * 1024;
const rawXlsx = express.raw({ type: () => true, limit: MAX_UPLOAD });

/**
 * The spreadsheet round trip for a department operator: download the unit's tasks as XLSX
 * (hidden id and version columns), fill in status and notes offline, upload it back. The
 * upload is validated row by row and applied all or nothing, with a per-row report.
 */
@Controller('api/tasks')
export class TaskSpreadsheetController {
  constructor(
    private readonly access: HttpAccess,
    private readonly tasks: TaskService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('spreadsheet')
  async download(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycleId') cycleId?: string,
  ): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      OPERATORS,
      'GET /api/tasks/spreadsheet',
    );
    if (!principal) return;
    if (!cycleId || !/^[0-9a-f-]{36}$/i.test(cycleId)) {
      return sendError(res, ErrorCode.VALIDATION_FAILED, '请指定考核年度（cycleId）。');
    }
    const q = this.dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .innerJoin('duty', 'd', 'd.id = t.duty_id')
      .innerJoin('regulation_article', 'a', 'a.id = d.article_id')
      .innerJoin('department', 'dep', 'dep.id = t.lead_department_id')
      .select([
        't.id AS id',
        't.row_version AS "rowVersion"',
        'a.number AS article',
        'd.subject AS subject',
        'u.name AS "unitName"',
      ])
      .addSelect([
        'dep.name AS "leadDepartment"',
        't.due_date::text AS "dueDate"',
        't.status AS status',
      ])
      .addSelect(['t.progress_note AS "progressNote"', 't.measures AS measures'])
      .where('t.cycle_id = :cycleId AND t.retired_at IS NULL AND t.lead_department_id = :dept', {
        cycleId,
        dept: principal.departmentId,
      })
      .orderBy('a.number')
      .addOrderBy('t.id');
    scopeTasks(q, principal);
    const rows = await q.getRawMany();
    const body = await writeTaskWorkbook(rows, '任务清单');
    const [named] = await this.dataSource.query(
      `SELECT (SELECT name FROM admin_unit WHERE code = $1) AS unit,
              (SELECT year FROM assessment_cycle WHERE id = $2) AS year`,
      [principal.unitCode, cycleId],
    );
    const filename = `${named?.unit ?? principal.unitCode}-${named?.year ?? ''}年度任务清单.xlsx`;
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', contentDisposition(filename));
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }

  @Post('spreadsheet')
  @HttpCode(200)
  async upload(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.access.principal(
      req,
      res,
      OPERATORS,
      'POST /api/tasks/spreadsheet',
    );
    if (!principal) return;
    // Not a form post: a browser cannot send this cross-site without a CORS preflight.
    if (req.headers['content-type'] !== XLSX) {
      return sendError(res, ErrorCode.BAD_REQUEST, `请以 ${XLSX} 上传 .xlsx 文件。`, {}, 415);
    }
    const body = await new Promise<Buffer>((resolve, reject) =>
      rawXlsx(req, res, (error?: unknown) => (error ? reject(error) : resolve(req.body as Buffer))),
    ).catch(() => null);
    if (!body || !Buffer.isBuffer(body) || body.length === 0) {
      return sendError(
        res,
        ErrorCode.VALIDATION_FAILED,
        `文件为空或超过 ${MAX_UPLOAD / 1024 / 1024} MB。`,
      );
    }
    const { rows, problems } = await readTaskWorkbook(body);
    // A file that cannot be read as the task list has no rows to check further.
    if (rows.length === 0) return this.rejected(res, problems);

    // Only what changed is sent: unchanged rows must not fail on a version that moved meanwhile.
    const visible = this.dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .where('t.id IN (:...ids)', { ids: rows.map((r) => r.taskId) });
    scopeTasks(visible, principal);
    const current = new Map((await visible.getMany()).map((t) => [t.id, t]));
    const changes: Array<TaskChange & { row: number }> = [];
    for (const row of rows) {
      const task = current.get(row.taskId);
      const change: TaskChange & { row: number } = {
        row: row.row,
        taskId: row.taskId,
        expectedRowVersion: row.expectedRowVersion,
      };
      if (!task) {
        problems.push({ row: row.row, message: '未找到该任务，或不在您的辖区内。' });
        continue;
      }
      if (row.progressNote !== task.progressNote) change.progressNote = row.progressNote;
      if (row.measures !== task.measures) change.measures = row.measures;
      if (row.status !== task.status) change.status = row.status;
      if (
        change.progressNote !== undefined ||
        change.measures !== undefined ||
        change.status !== undefined
      )
        changes.push(change);
    }
    // Every change is checked against the task rules, each on its own, so that every bad row is
    // named at once; they are applied only when all pass (and the file had no other problem).
    // With rows the file already got wrong, the others are still checked, but nothing is applied.
    const { saved, failures } = await this.tasks.applyOrReportEach(
      principal,
      changes,
      requestMeta(req),
      { dryRun: problems.length > 0 },
    );
    for (const { index, error } of failures) {
      const change = changes[index];
      problems.push({
        row: change.row,
        ...columnOf(change, error),
        message: error.message,
      });
    }
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      const conflict =
        failures.length > 0 && failures.every((f) => codeOf(f.error) === ErrorCode.CONFLICT);
      return this.rejected(res, problems, conflict ? ErrorCode.CONFLICT : undefined);
    }
    res.json({ applied: saved.length, unchanged: rows.length - changes.length, problems: [] });
  }

  private rejected(
    res: Response,
    problems: SheetProblem[],
    code: string = ErrorCode.VALIDATION_FAILED,
  ): void {
    res.status(code === ErrorCode.CONFLICT ? 409 : 422).json({
      code,
      message: `上传未生效（全部未保存）：${problems.length} 处问题。`,
      applied: 0,
      problems,
    });
  }
}

const OPERATORS = [Role.COUNTY_OPERATOR] as const;

const codeOf = (error: GraphQLError) => error.extensions.code as string;

/** The sheet's column names of the task fields an error names. */
const COLUMN_OF_FIELD: Record<string, string> = {
  progressNote: '进展情况',
  measures: '工作举措',
  status: '状态',
  evidence: '状态',
};

/** The column a failed change is about: the fields the error names, else what the row changed. */
function columnOf(change: TaskChange, error: GraphQLError): { column?: string } {
  const fields = (error.extensions.details as { fields?: Record<string, unknown> } | undefined)
    ?.fields;
  const named = [...new Set(Object.keys(fields ?? {}).flatMap((f) => COLUMN_OF_FIELD[f] ?? []))];
  if (named.length) return { column: named.join('、') };
  // A row version that moved meanwhile is about the whole row.
  if ((error.extensions.details as { current?: unknown } | undefined)?.current) return {};
  const changed = [
    change.status !== undefined ? '状态' : undefined,
    change.progressNote !== undefined ? '进展情况' : undefined,
    change.measures !== undefined ? '工作举措' : undefined,
  ].filter((c): c is string => !!c);
  return changed.length ? { column: changed.join('、') } : {};
}
