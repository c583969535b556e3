import { z } from 'zod';

/**
 * Notification delivery and the job runner, from the environment (README "通知与提醒" documents
 * each variable). In-app notifications need nothing; email needs SMTP_URL, the webhook
 * WEBHOOK_URL and WEBHOOK_SECRET.
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const seconds = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`)
    .default(fallback);

const urlWith = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL, e.g. ${example}`,
    );

export const NOTIFICATION_ENV = {
  // pg-boss schedules (daily reminders, urging) and the outbox timer; off by default in tests.
  JOBS_ENABLED: flag.optional(),
  SMTP_URL: urlWith(['smtp:', 'smtps:'], 'smtp://user:pass@mail.example.gov.cn:587').optional(),
  SMTP_FROM: z.string().trim().min(3).max(200).default('履职督办系统 <noreply@localhost>'),
  WEBHOOK_URL: urlWith(['http:', 'https:'], 'https://gateway.example.gov.cn/duty').optional(),
  WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').max(500).optional(),
  // The address of the web app, for absolute links in emails and webhook bodies.
  PUBLIC_BASE_URL: urlWith(['http:', 'https:'], 'https://duty.example.gov.cn').optional(),
  // How often the outbox is drained (every instance; rows are claimed with SKIP LOCKED).
  NOTIFICATION_DRAIN_SECONDS: seconds(5, 0, 3600),
  NOTIFICATION_MAX_ATTEMPTS: seconds(8, 1, 50),
  // Retry n waits base × 2^(n-1), at most 6 hours.
  NOTIFICATION_RETRY_BASE_SECONDS: seconds(30, 1, 3600),
  // A SENDING row older than this belongs to a dispatcher that died: it is sent again.
  NOTIFICATION_LEASE_SECONDS: seconds(120, 2, 86_400),
  NOTIFICATION_SEND_TIMEOUT_SECONDS: seconds(15, 1, 600),
  // Daily due-soon/overdue reminders at 07:00 Asia/Shanghai.
  NOTIFICATION_REMINDER_CRON: z.string().trim().min(9).default('0 7 * * *'),
};

type NotificationEnv = z.infer<z.ZodObject<typeof NOTIFICATION_ENV>>;

export interface NotificationConfig {
  /** pg-boss schedules and the outbox timer run (false in tests unless asked for). */
  jobsEnabled: boolean;
  smtp: { url: string; from: string } | null;
  webhook: { url: string; secret: string } | null;
  publicBaseUrl: string | null;
  drainIntervalMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  leaseMs: number;
  sendTimeoutMs: number;
  reminderCron: string;
}

/** Problems between variables (each one a line of the configuration error). */
export function notificationConfigProblems(e: NotificationEnv): string[] {
  const problems: string[] = [];
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    problems.push(
      'WEBHOOK_SECRET: required with WEBHOOK_URL (deliveries are signed with HMAC-SHA256)',
    );
  }
  if (e.NOTIFICATION_LEASE_SECONDS <= e.NOTIFICATION_SEND_TIMEOUT_SECONDS) {
    problems.push(
      `NOTIFICATION_LEASE_SECONDS (${e.NOTIFICATION_LEASE_SECONDS}) must be longer than NOTIFICATION_SEND_TIMEOUT_SECONDS (${e.NOTIFICATION_SEND_TIMEOUT_SECONDS}), or a slow send would be taken over and sent twice`,
    );
  }
  return problems;
}

export function notificationConfigFrom(
  e: NotificationEnv & { NODE_ENV: string },
): NotificationConfig {
  return {
    jobsEnabled: e.JOBS_ENABLED ?? e.NODE_ENV !== 'test',
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    webhook:
      e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } : null,
    publicBaseUrl: e.PUBLIC_BASE_URL ? e.PUBLIC_BASE_URL.replace(/\/+$/, '') : null,
    drainIntervalMs: e.NOTIFICATION_DRAIN_SECONDS * 1000,
    maxAttempts: e.NOTIFICATION_MAX_ATTEMPTS,
    retryBaseMs: e.NOTIFICATION_RETRY_BASE_SECONDS * 1000,
    leaseMs: e.NOTIFICATION_LEASE_SECONDS * 1000,
    sendTimeoutMs: e.NOTIFICATION_SEND_TIMEOUT_SECONDS * 1000,
    reminderCron: e.NOTIFICATION_REMINDER_CRON,
  };
}

/**
 * nodemailer options from SMTP_URL: smtp:// (STARTTLS when the server offers it) or smtps://
 * (TLS from the start), user and password URL-encoded; `?ignoreTLS=true` for a relay without TLS.
 */
export function smtpOptions(url: string, timeoutMs: number) {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: u.searchParams.get('ignoreTLS') === 'true',
    auth: u.username
      ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
      : undefined,
    pool: true as const,
    maxConnections: 2,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}
