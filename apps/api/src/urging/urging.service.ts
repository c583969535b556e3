import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { jurisdictionOf, notFound } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { isIsoDate, shanghaiDate } from '../common/iso-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { JobRunner } from '../jobs/job-runner.service';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { NotificationRequest, NotificationService } from '../notification/notification.service';
import { recordTaskEvents } from '../task/task-events';
import { capacitiesOn } from '../task/task-scope';
import { assertWritable, LoadedTask, TaskService } from '../task/task.service';
import { TaskStatus } from '../task/task-workflow';
import { formatUrgingNumber } from './urging-config';
import { COLOUR_RANK, UrgingColour, UrgingNotice } from './urging-notice.entity';
import {
  closeDoneSql,
  countsByUnitSql,
  dailyIssueSql,
  IssuedRow,
  NoticeFilter,
  noticeByIdSql,
  noticeListSql,
  URGING_LOCK_KEY,
} from './urging-sql';

export const COLOUR_ZH: Record<UrgingColour, string> = {
  BLUE: '蓝色',
  ORANGE: '橙色',
  RED: '红色',
};

export const URGING_DAILY_JOB = 'urging-daily';

const MAX_TEXT = 2_000;
const MAX_ANSWER = 5_000;

/** A notice row as the list queries return it (snake_case from SQL). */
export interface NoticeRow {
  id: string;
  number: string;
  year: number;
  seq: number;
  task_id: string;
  unit_code: string;
  unit_name: string;
  unit_parent_code: string | null;
  cycle_id: string;
  colour: UrgingColour;
  origin: string;
  reason_code: string;
  text: string;
  issued_on: string;
  answer_due: string;
  issued_by: string;
  issued_at: Date;
  supersedes_id: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  answer: string | null;
  escalated_to: string | null;
  closed_at: Date | null;
  close_reason: string | null;
  deduction: number;
  duty_subject: string;
  task_due_date: string;
  task_status: string;
  lead_department_id: string;
  total?: number;
}

/** What a notice looks like to one principal (the rows plus what they may do with it). */
export interface NoticeView extends NoticeRow {
  canAcknowledge: boolean;
  canAnswer: boolean;
  answerOverdue: boolean;
}

export interface UrgingRunResult {
  today: string;
  issued: number;
  escalated: number;
  closed: number;
  blue: number;
  orange: number;
  red: number;
  notified: number;
}

/**
 * 三色督办单: the daily job (issue, escalate, close), supervisors' manual notices, and the
 * operators' acknowledgement (签收) and answer (反馈). Every id is checked against the caller's
 * jurisdiction (a task outside it answers NOT_FOUND) and capacity on the task.
 */
@Injectable()
export class UrgingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tasks: TaskService,
    private readonly notifications: NotificationService,
    private readonly jobs: JobRunner,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.schedule(URGING_DAILY_JOB, this.config.urging.dailyCron, () =>
      this.runDaily(this.today()),
    );
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /**
   * The daily run for `today` (YYYY-MM-DD, Asia/Shanghai): closes notices of finished tasks,
   * then issues and escalates by the rules in one set-based statement, records the history and
   * queues the notifications, all in one transaction. The same day twice issues nothing new.
   */
  async runDaily(today: string): Promise<UrgingRunResult> {
    if (!isIsoDate(today)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '日期格式应为 YYYY-MM-DD。', {
        fields: { today: 'invalid_date' },
      });
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // One run at a time; manual issues wait for it (they take the lock shared).
      await manager.query('SELECT pg_advisory_xact_lock($1)', [URGING_LOCK_KEY]);
      const close = closeDoneSql(now);
      const [, closed] = (await manager.query(close.sql, close.params)) as [unknown, number];
      const issue = dailyIssueSql({
        today,
        now,
        year: Number(today.slice(0, 4)),
        rules: this.config.urging,
      });
      const rows: IssuedRow[] = await manager.query(issue.sql, issue.params);
      const notified = await this.notifications.notify(
        manager,
        rows.map((r) => this.issuedNotification(r)),
      );
      const result: UrgingRunResult = {
        today,
        issued: rows.length,
        escalated: rows.filter((r) => r.supersedes_id).length,
        closed: closed ?? 0,
        blue: rows.filter((r) => r.colour === 'BLUE').length,
        orange: rows.filter((r) => r.colour === 'ORANGE').length,
        red: rows.filter((r) => r.colour === 'RED').length,
        notified,
      };
      this.logger.info({ urging: result }, `Urging run for ${today}`);
      return result;
    });
  }

  private issuedNotification(r: {
    id: string;
    number: string;
    task_id: string;
    unit_code: string;
    colour: UrgingColour;
    supersedes_id: string | null;
    answer_due: string;
    text: string;
    lead_department_id: string;
    duty_subject: string;
  }): NotificationRequest {
    const subject = r.duty_subject.length > 30 ? `${r.duty_subject.slice(0, 30)}…` : r.duty_subject;
    return {
      kind: r.supersedes_id ? 'URGING_ESCALATED' : 'URGING_ISSUED',
      recipients: {
        unitOperators: [{ unitCode: r.unit_code, departmentId: r.lead_department_id }],
        // A red notice reaches the supervisors over the unit too.
        ...(r.colour === 'RED' ? { supervisorsOf: [r.unit_code] } : {}),
      },
      title: `${COLOUR_ZH[r.colour]}督办单 ${r.number}：${subject}`,
      body: `${r.text}\n反馈期限：${r.answer_due}。请在任务页签收并反馈。`,
      link: `/tasks/${r.task_id}`,
      taskId: r.task_id,
      unitCode: r.unit_code,
      dedupeKey: `urging:${r.id}`,
    };
  }

  /** 督办令: a supervisor issues a notice on one task of their jurisdiction. */
  async issue(
    principal: Principal,
    input: { taskId: string; colour: UrgingColour; text: string; answerDue: string },
    meta: RequestMeta,
  ): Promise<NoticeView> {
    const text = input.text.trim();
    if (!text) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写督办内容。', {
        fields: { text: '请填写督办内容。' },
      });
    }
    if (text.length > MAX_TEXT) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `督办内容过长（最多 ${MAX_TEXT} 字）。`, {
        fields: { text: 'too_long' },
      });
    }
    const today = this.today();
    if (!isIsoDate(input.answerDue) || input.answerDue < today) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '反馈期限须为今天或以后的日期。', {
        fields: { answerDue: '日期无效。' },
      });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [URGING_LOCK_KEY]);
      const task = await this.tasks.visible(principal, input.taskId, manager);
      if (!capacitiesOn(principal, task).verifier)
        await this.tasks.deny(principal, task, 'urging:issue', meta);
      assertWritable(task);
      if (task.status === TaskStatus.SUBMITTED || task.status === TaskStatus.VERIFIED) {
        throw new AppError(
          ErrorCode.CONFLICT,
          '任务已提交或已核验，无需督办；如需督办请先退回任务。',
        );
      }
      // Serialise manual issues on the same task.
      await manager.query('SELECT 1 FROM task WHERE id = $1 FOR UPDATE', [task.id]);
      const current = await this.openNotice(manager, task.id);
      if (current && COLOUR_RANK[current.colour] >= COLOUR_RANK[input.colour]) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `该任务已有未办结的${COLOUR_ZH[current.colour]}督办单 ${current.number}，只能签发更高等级的督办单。`,
          { noticeId: current.id, colour: current.colour },
        );
      }
      const now = this.clock.now();
      const year = Number(today.slice(0, 4));
      const seq = await this.allocate(manager, year);
      const notice = await manager.save(UrgingNotice, {
        number: formatUrgingNumber(this.config.urging.numberPattern, year, seq),
        year,
        seq,
        taskId: task.id,
        unitCode: task.unitCode,
        cycleId: task.cycleId,
        colour: input.colour,
        origin: 'MANUAL' as const,
        reasonCode: 'ORDERED' as const,
        text,
        issuedOn: today,
        answerDue: input.answerDue,
        issuedBy: principal.username,
        issuedAt: now,
        supersedesId: current?.id ?? null,
        deduction: String(this.config.urging.deductions[input.colour]),
        acknowledgedAt: null,
        acknowledgedBy: null,
        answeredAt: null,
        answeredBy: null,
        answer: null,
        escalatedTo: null,
        closedAt: null,
        closeReason: null,
      });
      if (current) {
        await manager.update(
          UrgingNotice,
          { id: current.id },
          { escalatedTo: notice.id, closedAt: now, closeReason: 'ESCALATED' },
        );
      }
      await recordTaskEvents(manager, [
        {
          taskId: task.id,
          unitCode: task.unitCode,
          cycleId: task.cycleId,
          actorUsername: principal.username,
          kind: 'urging_issued',
          before: current ? { noticeId: current.id, colour: current.colour } : null,
          after: {
            noticeId: notice.id,
            number: notice.number,
            colour: notice.colour,
            origin: 'MANUAL',
            reasonCode: 'ORDERED',
            answerDue: notice.answerDue,
          },
          reason: text,
          ip: meta.ip,
          occurredAt: now,
        },
      ]);
      await this.notifications.notify(manager, [
        this.issuedNotification({
          id: notice.id,
          number: notice.number,
          task_id: task.id,
          unit_code: task.unitCode,
          colour: notice.colour,
          supersedes_id: current?.id ?? null,
          answer_due: notice.answerDue,
          text,
          lead_department_id: task.leadDepartmentId,
          duty_subject: await this.dutySubject(manager, task),
        }),
      ]);
      return notice.id;
    });
    return this.get(principal, id);
  }

  /** 签收 by the task's operator. */
  async acknowledge(principal: Principal, id: string, meta: RequestMeta): Promise<NoticeView> {
    await this.dataSource.transaction(async (manager) => {
      const { notice, task } = await this.forOperator(manager, principal, id, 'acknowledge', meta);
      if (notice.acknowledgedAt) throw new AppError(ErrorCode.CONFLICT, '该督办单已签收。');
      const now = this.clock.now();
      await manager.update(
        UrgingNotice,
        { id: notice.id },
        { acknowledgedAt: now, acknowledgedBy: principal.username },
      );
      await recordTaskEvents(manager, [
        {
          taskId: task.id,
          unitCode: task.unitCode,
          cycleId: task.cycleId,
          actorUsername: principal.username,
          kind: 'urging_acknowledged',
          before: null,
          after: { noticeId: notice.id, number: notice.number, colour: notice.colour },
          ip: meta.ip,
          occurredAt: now,
        },
      ]);
    });
    return this.get(principal, id);
  }

  /** 反馈 by the task's operator, after acknowledging; the issuer is told. */
  async answer(
    principal: Principal,
    input: { id: string; answer: string },
    meta: RequestMeta,
  ): Promise<NoticeView> {
    const answer = input.answer.trim();
    if (!answer) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写反馈内容。', {
        fields: { answer: '请填写反馈内容。' },
      });
    }
    if (answer.length > MAX_ANSWER) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `反馈内容过长（最多 ${MAX_ANSWER} 字）。`, {
        fields: { answer: 'too_long' },
      });
    }
    await this.dataSource.transaction(async (manager) => {
      const { notice, task } = await this.forOperator(manager, principal, input.id, 'answer', meta);
      if (!notice.acknowledgedAt)
        throw new AppError(ErrorCode.CONFLICT, '请先签收督办单，再填写反馈。');
      if (notice.answeredAt) throw new AppError(ErrorCode.CONFLICT, '该督办单已反馈。');
      const now = this.clock.now();
      await manager.update(
        UrgingNotice,
        { id: notice.id },
        { answeredAt: now, answeredBy: principal.username, answer },
      );
      await recordTaskEvents(manager, [
        {
          taskId: task.id,
          unitCode: task.unitCode,
          cycleId: task.cycleId,
          actorUsername: principal.username,
          kind: 'urging_answered',
          before: null,
          after: { noticeId: notice.id, number: notice.number, colour: notice.colour },
          reason: answer,
          ip: meta.ip,
          occurredAt: now,
        },
      ]);
      // The issuing supervisor hears the answer (the supervisors over the unit for the job's).
      await this.notifications.notify(manager, [
        {
          kind: 'URGING_ISSUED',
          recipients:
            notice.issuedBy === 'system'
              ? { supervisorsOf: [task.unitCode] }
              : { usernames: [notice.issuedBy] },
          title: `督办单 ${notice.number} 已反馈`,
          body: `${principal.displayName || principal.username} 反馈：${answer.length > 200 ? `${answer.slice(0, 200)}…` : answer}`,
          link: `/tasks/${task.id}`,
          taskId: task.id,
          unitCode: task.unitCode,
          dedupeKey: `urging-answer:${notice.id}`,
        },
      ]);
    });
    return this.get(principal, input.id);
  }

  /** The notice, its task, and a check that the principal is the task's operator and it is open. */
  private async forOperator(
    manager: EntityManager,
    principal: Principal,
    id: string,
    what: string,
    meta: RequestMeta,
  ): Promise<{ notice: UrgingNotice; task: LoadedTask }> {
    const notice = await manager.findOne(UrgingNotice, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!notice) throw notFound('督办单');
    const task = await this.tasks.visible(principal, notice.taskId, manager).catch((error) => {
      if (error instanceof AppError && error.extensions.code === ErrorCode.NOT_FOUND)
        throw notFound('督办单');
      throw error;
    });
    if (!capacitiesOn(principal, task).operator)
      await this.tasks.deny(principal, task, `urging:${what}`, meta);
    if (notice.closedAt) {
      throw new AppError(
        ErrorCode.CONFLICT,
        notice.closeReason === 'ESCALATED'
          ? '该督办单已升级，请签收并反馈新的督办单。'
          : '该督办单已办结（任务已提交或核验），无需再处理。',
      );
    }
    return { notice, task };
  }

  private async openNotice(manager: EntityManager, taskId: string): Promise<UrgingNotice | null> {
    return manager
      .createQueryBuilder(UrgingNotice, 'n')
      .where('n.task_id = :taskId AND n.closed_at IS NULL', { taskId })
      .orderBy('n.issued_at', 'DESC')
      .getOne();
  }

  /** The next number of the year (the counter row's lock serialises concurrent issues). */
  private async allocate(manager: EntityManager, year: number): Promise<number> {
    const [{ last_seq: seq }] = await manager.query(
      `INSERT INTO urging_number_counter (year, last_seq) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = urging_number_counter.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    return seq;
  }

  private async dutySubject(manager: EntityManager, task: LoadedTask): Promise<string> {
    const [row] = await manager.query(`SELECT subject FROM duty WHERE id = $1`, [task.dutyId]);
    return row?.subject ?? '';
  }

  // ------------------------------------------------------------------------------------------
  // Reading
  // ------------------------------------------------------------------------------------------

  async list(
    principal: Principal,
    filter: NoticeFilter,
    first: number,
    offset: number,
  ): Promise<{ total: number; items: NoticeView[] }> {
    const statement = noticeListSql({
      filter,
      jurisdiction: jurisdictionOf(principal),
      first,
      offset,
    });
    const rows: NoticeRow[] = await this.dataSource.query(statement.sql, statement.params);
    return { total: rows[0]?.total ?? 0, items: rows.map((r) => this.view(principal, r)) };
  }

  async get(principal: Principal, id: string): Promise<NoticeView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('督办单');
    const statement = noticeByIdSql(id, jurisdictionOf(principal));
    const [row]: NoticeRow[] = await this.dataSource.query(statement.sql, statement.params);
    if (!row) throw notFound('督办单');
    return this.view(principal, row);
  }

  /** Whether the principal may issue a notice on the task (verifier capacity, open task). */
  async canIssue(principal: Principal, task: LoadedTask): Promise<boolean> {
    return (
      capacitiesOn(principal, task).verifier &&
      task.cycleState === 'open' &&
      !task.retiredAt &&
      task.status !== TaskStatus.SUBMITTED &&
      task.status !== TaskStatus.VERIFIED
    );
  }

  async countsByUnit(principal: Principal, cycleId: string) {
    const statement = countsByUnitSql(cycleId, jurisdictionOf(principal));
    const rows: Array<{
      code: string;
      name: string;
      level: string;
      parent_code: string | null;
      blue: number;
      orange: number;
      red: number;
      unacknowledged: number;
      unanswered: number;
      issued: number;
    }> = await this.dataSource.query(statement.sql, statement.params);
    return rows.map((r) => ({
      unitCode: r.code,
      unitName: r.name,
      level: r.level,
      parentCode: r.parent_code,
      blue: r.blue,
      orange: r.orange,
      red: r.red,
      unacknowledged: r.unacknowledged,
      unanswered: r.unanswered,
      issued: r.issued,
    }));
  }

  private view(principal: Principal, r: NoticeRow): NoticeView {
    const operator =
      principal.role === 'COUNTY_OPERATOR' &&
      principal.unitCode === r.unit_code &&
      principal.departmentId === r.lead_department_id;
    const open = r.closed_at === null;
    return {
      ...r,
      canAcknowledge: operator && open && !r.acknowledged_at,
      canAnswer: operator && open && Boolean(r.acknowledged_at) && !r.answered_at,
      answerOverdue: open && !r.answered_at && r.answer_due < this.today(),
    };
  }
}
