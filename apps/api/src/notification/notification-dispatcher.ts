import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { PeriodicJob, schedulePeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { smtpOptions } from './notification-config';
import { deliveryMessageId, retryDelayMs, webhookSignature } from './delivery-signature';
import type { NotificationChannel } from './notification-kinds';

/** Rows claimed per round trip; sends run a few at a time. */
const BATCH = 20;
const CONCURRENCY = 5;

interface ClaimedDelivery {
  id: string;
  channel: NotificationChannel;
  target: string;
  payload: Record<string, unknown> & { title?: string; body?: string; link?: string; url?: string };
  attempts: number;
  claimed_at: Date;
}

export interface DrainResult {
  delivered: number;
  retried: number;
  failed: number;
  skipped: number;
}

/**
 * Sends the outbox. A round claims due rows (PENDING whose time has come, or SENDING whose claim
 * is older than the lease: the dispatcher that claimed them died) with FOR UPDATE SKIP LOCKED,
 * so instances never take the same row, marks them SENDING and commits; then each row is sent
 * and marked DELIVERED on its own. A crash can therefore repeat only the few messages that were
 * in flight (sent, not yet marked): they carry the delivery id (Message-ID, X-Duty-Delivery) so
 * the receiver can drop them. A failure is retried with exponential backoff up to
 * NOTIFICATION_MAX_ATTEMPTS, then FAILED (the delivery log shows it). A row whose channel is no
 * longer configured is SKIPPED.
 *
 * Every instance drains on its own timer (NOTIFICATION_DRAIN_SECONDS): with SKIP LOCKED that is
 * safe, and a 5-second poll is finer than pg-boss's one-minute cron.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: PeriodicJob | undefined;
  private running: Promise<DrainResult> | undefined;
  private stopping = false;
  private transport: Transporter | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const { jobsEnabled, drainIntervalMs } = this.config.notifications;
    if (!jobsEnabled || drainIntervalMs === 0) return;
    this.timer = schedulePeriodicJob(() => this.drainOnce(), {
      firstAfterMs: Math.min(1000, drainIntervalMs),
      everyMs: drainIntervalMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.timer?.stop();
    await this.running;
    this.transport?.close();
  }

  /** Sends everything due now (or joins the drain in progress); never rejects. */
  drainOnce(): Promise<DrainResult> {
    this.running ??= this.drain()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'Notification outbox: drain failed');
        return { delivered: 0, retried: 0, failed: 0, skipped: 0 };
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<DrainResult> {
    const total: DrainResult = { delivered: 0, retried: 0, failed: 0, skipped: 0 };
    while (!this.stopping) {
      const claimed = await this.claim();
      if (claimed.length === 0) break;
      let next = 0;
      const worker = async () => {
        while (next < claimed.length) {
          const row = claimed[next++];
          const outcome = await this.deliver(row);
          total[outcome] += 1;
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
    }
    if (total.delivered + total.retried + total.failed + total.skipped > 0) {
      this.logger.info(total, 'Notification outbox drained');
    }
    return total;
  }

  private async claim(): Promise<ClaimedDelivery[]> {
    const now = this.clock.now();
    const leaseExpired = new Date(now.getTime() - this.config.notifications.leaseMs);
    const [rows] = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM notification_delivery
          WHERE (status = 'PENDING' AND next_attempt_at <= $1)
             OR (status = 'SENDING' AND claimed_at < $2)
          ORDER BY next_attempt_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED)
       UPDATE notification_delivery d
          SET status = 'SENDING', claimed_at = $1, attempts = d.attempts + 1
         FROM due WHERE d.id = due.id
       RETURNING d.id, d.channel, d.target, d.payload, d.attempts, d.claimed_at`,
      [now, leaseExpired, BATCH],
    )) as [ClaimedDelivery[], number];
    return rows;
  }

  private async deliver(row: ClaimedDelivery): Promise<keyof DrainResult> {
    const { smtp, webhook, maxAttempts, retryBaseMs } = this.config.notifications;
    if (row.channel === 'EMAIL' && !smtp) {
      return this.finish(row, 'SKIPPED', '未配置 SMTP_URL，邮件未发送');
    }
    if (row.channel === 'WEBHOOK' && !webhook) {
      return this.finish(row, 'SKIPPED', '未配置 WEBHOOK_URL，未推送');
    }
    try {
      if (row.channel === 'EMAIL') await this.sendEmail(row, smtp!.from);
      else await this.sendWebhook(row, webhook!.secret);
    } catch (error) {
      const message = clipError(error);
      if (row.attempts >= maxAttempts) {
        this.logger.warn({ delivery: row.id, error: message }, 'Notification delivery failed');
        return this.finish(row, 'FAILED', message);
      }
      const retryAt = new Date(
        this.clock.now().getTime() + retryDelayMs(row.attempts, retryBaseMs),
      );
      await this.dataSource.query(
        `UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = $3, last_error = $4
          WHERE id = $1 AND claimed_at = $2 AND status = 'SENDING'`,
        [row.id, row.claimed_at, retryAt, message],
      );
      return 'retried';
    }
    // Outside the try: a failure to record the success must not count as a failed send (that
    // would send it again); the row stays SENDING and is taken over after the lease.
    return this.finish(row, 'DELIVERED', null);
  }

  /** Marks the outcome, unless another dispatcher took the row over meanwhile (its claim wins). */
  private async finish(
    row: ClaimedDelivery,
    status: 'DELIVERED' | 'FAILED' | 'SKIPPED',
    error: string | null,
  ): Promise<keyof DrainResult> {
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = $3::varchar, last_error = COALESCE($4::text, last_error),
              delivered_at = CASE WHEN $3::varchar = 'DELIVERED' THEN $5::timestamptz ELSE delivered_at END
        WHERE id = $1 AND claimed_at = $2 AND status = 'SENDING'`,
      [row.id, row.claimed_at, status, error, this.clock.now()],
    );
    return status === 'DELIVERED' ? 'delivered' : status === 'FAILED' ? 'failed' : 'skipped';
  }

  private async sendEmail(row: ClaimedDelivery, from: string): Promise<void> {
    const { smtp, sendTimeoutMs } = this.config.notifications;
    this.transport ??= createTransport(smtpOptions(smtp!.url, sendTimeoutMs));
    const p = row.payload;
    const link = p.url ?? p.link;
    await this.transport.sendMail({
      from,
      to: row.target,
      subject: String(p.title ?? '履职督办通知'),
      text: `${String(p.body ?? '')}${link ? `\n\n查看：${String(link)}` : ''}\n\n——履职督办系统（通知设置可在系统内修改）`,
      messageId: deliveryMessageId(row.id),
      headers: { 'X-Duty-Delivery': row.id, 'X-Duty-Kind': String(p.kind ?? '') },
    });
  }

  private async sendWebhook(row: ClaimedDelivery, secret: string): Promise<void> {
    const body = JSON.stringify({ deliveryId: row.id, ...row.payload });
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const response = await fetch(row.target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-duty-delivery': row.id,
        'x-duty-timestamp': String(timestamp),
        'x-duty-signature': webhookSignature(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(this.config.notifications.sendTimeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  }
}

function clipError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 499)}…` : message;
}
