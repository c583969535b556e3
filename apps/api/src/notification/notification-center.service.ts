import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import {
  DeliveryStatusEnum,
  NotificationDeliveryModel,
  NotificationDeliveryPageModel,
  NotificationKindEnum,
  NotificationModel,
  NotificationPageModel,
  NotificationSettingsModel,
} from './dto/notification.models';
import type {
  NotificationDeliveryFilterInput,
  NotificationFilterInput,
  UpdateNotificationSettingsInput,
} from './dto/notification.inputs';
import { NOTIFICATION_KINDS } from './notification-kinds';
import { formatMinutes, parseClock, validEmail } from './notification-settings-rules';

const DELIVERY_SELECT = `
  SELECT d.id, d.notification_id AS "notificationId", d.recipient_username AS "recipientUsername",
         n.kind, d.channel, d.target, d.status, d.attempts,
         d.next_attempt_at AS "nextAttemptAt", d.last_error AS "lastError",
         d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"
    FROM notification_delivery d JOIN notification n ON n.id = d.notification_id`;

interface Page {
  first: number;
  offset: number;
}

/** The notification centre of the signed-in user, their settings, and the delivery log. */
@Injectable()
export class NotificationCenterService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(
    principal: Principal,
    filter: NotificationFilterInput,
    page: Page,
  ): Promise<NotificationPageModel> {
    const params: unknown[] = [principal.username];
    const where = ['recipient_username = $1'];
    if (filter.kinds?.length) {
      params.push(filter.kinds);
      where.push(`kind = ANY ($${params.length}::text[])`);
    }
    if (filter.unreadOnly) where.push('read_at IS NULL');
    const cond = where.join(' AND ');
    const items = (await this.dataSource.query(
      `SELECT id, kind, title, body, link, task_id AS "taskId", unit_code AS "unitCode",
              created_at AS "createdAt", read_at AS "readAt"
         FROM notification WHERE ${cond}
        ORDER BY created_at DESC, id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.first, page.offset],
    )) as NotificationModel[];
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notification WHERE ${cond}`,
      params,
    )) as Array<{ total: number }>;
    return { items, total, unread: await this.unreadCount(principal) };
  }

  async unreadCount(principal: Principal): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      'SELECT count(*)::int AS n FROM notification WHERE recipient_username = $1 AND read_at IS NULL',
      [principal.username],
    )) as Array<{ n: number }>;
    return n;
  }

  /** Marks the user's own notifications read; ids of anyone else's are ignored. Returns the count marked. */
  async markRead(principal: Principal, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    if (ids.length > 500) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '一次最多标记 500 条通知。');
    }
    if (!ids.every(isUuid)) throw new AppError(ErrorCode.VALIDATION_FAILED, '通知编号格式不正确。');
    const [, count] = (await this.dataSource.query(
      `UPDATE notification SET read_at = $3
        WHERE recipient_username = $1 AND id = ANY ($2::uuid[]) AND read_at IS NULL`,
      [principal.username, ids, this.clock.now()],
    )) as [unknown, number];
    return count;
  }

  async markAllRead(principal: Principal): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notification SET read_at = $2 WHERE recipient_username = $1 AND read_at IS NULL`,
      [principal.username, this.clock.now()],
    )) as [unknown, number];
    return count;
  }

  async settings(principal: Principal): Promise<NotificationSettingsModel> {
    const [user] = (await this.dataSource.query(
      'SELECT email, quiet_hours_start, quiet_hours_end FROM app_user WHERE id = $1',
      [principal.userId],
    )) as Array<{
      email: string | null;
      quiet_hours_start: number | null;
      quiet_hours_end: number | null;
    }>;
    if (!user) throw new AppError(ErrorCode.NOT_FOUND, '未找到该用户。');
    const rows = (await this.dataSource.query(
      'SELECT kind, channel, enabled FROM notification_setting WHERE user_id = $1',
      [principal.userId],
    )) as Array<{ kind: string; channel: string; enabled: boolean }>;
    const enabled = (kind: string, channel: string) =>
      rows.find((r) => r.kind === kind && r.channel === channel)?.enabled ?? true;
    return {
      email: user.email,
      quietHoursStart: formatMinutes(user.quiet_hours_start),
      quietHoursEnd: formatMinutes(user.quiet_hours_end),
      kinds: NOTIFICATION_KINDS.map((kind) => ({
        kind: kind as NotificationKindEnum,
        email: enabled(kind, 'EMAIL'),
        webhook: enabled(kind, 'WEBHOOK'),
      })),
      emailAvailable: this.config.notifications.smtp !== null,
      webhookAvailable: this.config.notifications.webhook !== null,
    };
  }

  async updateSettings(
    principal: Principal,
    input: UpdateNotificationSettingsInput,
  ): Promise<NotificationSettingsModel> {
    const fields: Record<string, string> = {};
    let email: string | null | undefined;
    if (input.email !== undefined) {
      const trimmed = (input.email ?? '').trim();
      if (trimmed === '') email = null;
      else if (!validEmail(trimmed))
        fields.email = '邮箱地址格式不正确，例如 zhangsan@example.gov.cn。';
      else email = trimmed.toLowerCase();
    }
    let quiet: { start: number | null; end: number | null } | undefined;
    if (input.quietHoursStart !== undefined || input.quietHoursEnd !== undefined) {
      const startText = (input.quietHoursStart ?? '').trim();
      const endText = (input.quietHoursEnd ?? '').trim();
      if (startText === '' && endText === '') quiet = { start: null, end: null };
      else {
        const start = parseClock(startText);
        const end = parseClock(endText);
        if (start === null) fields.quietHoursStart = '请填写开始时间（HH:MM，如 22:00）。';
        if (end === null) fields.quietHoursEnd = '请填写结束时间（HH:MM，如 07:30）。';
        if (start !== null && end !== null && start === end) {
          fields.quietHoursEnd = '结束时间不能与开始时间相同。';
        }
        quiet = { start, end };
      }
    }
    if (Object.keys(fields).length > 0) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, Object.values(fields)[0], { fields });
    }
    await this.dataSource.transaction(async (manager) => {
      if (email !== undefined) {
        await manager.query('UPDATE app_user SET email = $2 WHERE id = $1', [
          principal.userId,
          email,
        ]);
      }
      if (quiet) {
        await manager.query(
          'UPDATE app_user SET quiet_hours_start = $2, quiet_hours_end = $3 WHERE id = $1',
          [principal.userId, quiet.start, quiet.end],
        );
      }
      if (input.channels?.length) {
        await manager.query(
          `INSERT INTO notification_setting (user_id, kind, channel, enabled)
           SELECT $1, s.kind, s.channel, s.enabled
             FROM jsonb_to_recordset($2::jsonb) AS s(kind text, channel text, enabled boolean)
           ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled`,
          [principal.userId, JSON.stringify(input.channels)],
        );
      }
    });
    return this.settings(principal);
  }

  async deliveries(
    filter: NotificationDeliveryFilterInput,
    page: Page,
  ): Promise<NotificationDeliveryPageModel> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add('d.status = ?', filter.status);
    if (filter.channel) add('d.channel = ?', filter.channel);
    if (filter.recipient) add('d.recipient_username = ?', filter.recipient.trim().toLowerCase());
    if (filter.notificationId) add('d.notification_id = ?', filter.notificationId);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = (await this.dataSource.query(
      `${DELIVERY_SELECT}
         ${cond}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.first, page.offset],
    )) as NotificationDeliveryModel[];
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notification_delivery d ${cond}`,
      params,
    )) as Array<{ total: number }>;
    const counts = (await this.dataSource.query(
      'SELECT status, count(*)::int AS count FROM notification_delivery GROUP BY status ORDER BY status',
    )) as Array<{ status: DeliveryStatusEnum; count: number }>;
    return { items, total, counts };
  }

  /** Sends a FAILED (or SKIPPED) delivery again, from the first attempt. */
  async retryDelivery(id: string): Promise<NotificationDeliveryModel> {
    if (!isUuid(id)) throw new AppError(ErrorCode.NOT_FOUND, '未找到该投递记录。');
    const [rows] = (await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = $2, claimed_at = NULL
        WHERE id = $1 AND status IN ('FAILED', 'SKIPPED') RETURNING id`,
      [id, this.clock.now()],
    )) as [Array<{ id: string }>, number];
    if (rows.length === 0) {
      const exists = (await this.dataSource.query(
        'SELECT 1 FROM notification_delivery WHERE id = $1',
        [id],
      )) as unknown[];
      if (exists.length === 0) throw new AppError(ErrorCode.NOT_FOUND, '未找到该投递记录。');
      throw new AppError(ErrorCode.CONFLICT, '只有失败或未发送的投递可以重新发送。');
    }
    const [row] = (await this.dataSource.query(`${DELIVERY_SELECT} WHERE d.id = $1`, [
      id,
    ])) as NotificationDeliveryModel[];
    return row;
  }
}
