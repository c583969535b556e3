import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { shanghaiDate } from '../common/iso-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JobRunner } from '../jobs/job-runner.service';
import { NotificationRequest, NotificationService } from './notification.service';
import { shorten } from './task-notifications';

export const DUE_REMINDERS_JOB = 'notification-due-reminders';

/** Days before the due date at which operators are reminded (临近提醒). */
export const REMINDER_DAYS = [14, 3, 1] as const;

interface DueRow {
  id: string;
  unit_code: string;
  lead_department_id: string;
  due_date: string;
  days_left: number;
  unit_name: string;
  article: number;
  subject: string;
}

export interface ReminderRun {
  today: string;
  dueSoon: number;
  overdue: number;
  notifications: number;
}

/**
 * The daily reminders: DUE_SOON 14, 3 and 1 days before a task's due date and OVERDUE once after
 * it, to the operators of the task's unit and lead department, for tasks of open cycles that are
 * neither submitted nor verified (nor approved as not applicable). One query finds the tasks, one
 * statement writes every notification; the dedupe key (task, due date, threshold) makes a second
 * run the same day — or a run after a missed day — add nothing already sent, and an extension
 * (a new due date) start the reminders afresh. A task first seen inside a window (e.g. 5 days
 * left) gets that window's reminder once.
 */
@Injectable()
export class DueReminders implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly jobs: JobRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.schedule(DUE_REMINDERS_JOB, this.config.notifications.reminderCron, () =>
      this.run(),
    );
  }

  async run(): Promise<ReminderRun> {
    const today = shanghaiDate(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT t.id, t.unit_code, t.lead_department_id, t.due_date::text AS due_date,
                (t.due_date - $1::date) AS days_left,
                u.name AS unit_name, a.number AS article, d.subject
           FROM task t
           JOIN assessment_cycle c ON c.id = t.cycle_id AND c.state = 'open'
           JOIN admin_unit u ON u.code = t.unit_code
           JOIN duty d ON d.id = t.duty_id
           JOIN regulation_article a ON a.id = d.article_id
          WHERE t.retired_at IS NULL
            AND t.status NOT IN ('SUBMITTED', 'VERIFIED')
            AND t.not_applicable_status IS DISTINCT FROM 'APPROVED'
            AND t.due_date <= $1::date + $2::int`,
        [today, Math.max(...REMINDER_DAYS)],
      )) as DueRow[];
      const requests: NotificationRequest[] = rows.map((row) => this.request(row));
      const notifications = await this.notifications.notify(manager, requests);
      const overdue = rows.filter((r) => r.days_left < 0).length;
      return { today, dueSoon: rows.length - overdue, overdue, notifications };
    });
  }

  private request(row: DueRow): NotificationRequest {
    const label = `第${row.article}条 ${shorten(row.subject, 30)}（${row.unit_name}）`;
    const base = {
      recipients: {
        unitOperators: [{ unitCode: row.unit_code, departmentId: row.lead_department_id }],
      },
      link: `/tasks/${row.id}`,
      taskId: row.id,
      unitCode: row.unit_code,
    };
    if (row.days_left < 0) {
      return {
        ...base,
        kind: 'OVERDUE',
        title: `任务已逾期：${label}`,
        body: `任务「${label}」已于 ${row.due_date} 到期，尚未提交审核。请尽快办理并提交；确需延期的，请提交延期申请。`,
        dedupeKey: `overdue:${row.id}:${row.due_date}`,
      };
    }
    const threshold = REMINDER_DAYS.filter((d) => row.days_left <= d).at(-1)!;
    const when = row.days_left === 0 ? '今天到期' : `还有 ${row.days_left} 天到期`;
    return {
      ...base,
      kind: 'DUE_SOON',
      title: `任务${when}：${label}`,
      body: `任务「${label}」将于 ${row.due_date} 到期（${when}），尚未提交审核。请及时办理并上传佐证材料。`,
      dedupeKey: `due:${row.id}:${row.due_date}:${threshold}`,
    };
  }
}
