import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { APP_CONFIG, AppConfig } from '../config/config';

export type NotificationKind =
  | 'TASK_ASSIGNED'
  | 'TASK_REASSIGNED'
  | 'TASK_RETURNED'
  | 'TASK_VERIFIED'
  | 'EXTENSION_DECIDED'
  | 'COMMENT'
  | 'INSTRUCTION'
  | 'URGING_ISSUED'
  | 'URGING_ESCALATED'
  | 'DUE_SOON'
  | 'OVERDUE'
  | 'CYCLE_OPENED'
  | 'CYCLE_CLOSED'
  | 'BULLETIN_PUBLISHED'
  | 'APPROVAL_REQUESTED'
  | 'APPROVAL_DECIDED'
  | 'ASSESSMENT_PUBLISHED'
  | 'OBJECTION_FILED'
  | 'OBJECTION_DECIDED';

export interface NotificationRecipients {
  usernames?: string[];
  /** County operators of these units (optionally only one department's). */
  unitOperators?: Array<{ unitCode: string; departmentId?: string }>;
  /** The supervisors over these units: the prefecture supervisor of the unit's prefecture and the provincial supervisors of its province. */
  supervisorsOf?: string[];
}

export interface NotificationRequest {
  kind: NotificationKind;
  recipients: NotificationRecipients;
  /** Chinese, short: 「督办单 鄂质督〔2026〕12号：…」 */
  title: string;
  /** Chinese, plain text. */
  body: string;
  /** Web path, e.g. `/tasks/${taskId}`. */
  link: string;
  taskId?: string;
  unitCode?: string;
  /** Same key twice → one notification per recipient (idempotent jobs). */
  dedupeKey?: string;
}

/** Quiet hours and timestamps of notifications are read in the province's time zone. */
export const NOTIFICATION_TIME_ZONE = 'Asia/Shanghai';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * One statement for any number of requests: recipients resolved from roles and jurisdictions
 * (disabled accounts get nothing), in-app rows inserted (a dedupe key already used for that
 * person is skipped), and one outbox row per external channel the person has not switched off,
 * due now or at the end of their quiet hours.
 *
 * - usernames: those accounts, whatever their role;
 * - unitOperators: COUNTY_OPERATOR accounts bound to that unit (and department, when given);
 * - supervisorsOf: PREFECTURE_SUPERVISOR accounts bound to the unit itself (a prefecture) or to
 *   its parent (a county under a prefecture), and the PROVINCIAL_SUPERVISOR accounts of the
 *   unit's province (never another province's).
 * A person named twice in one request gets one notification.
 */
const NOTIFY_SQL = `
WITH req AS (
  SELECT r.*
    FROM jsonb_to_recordset($1::jsonb) AS r(
      ord int, kind text, title text, body text, link text, task_id uuid, unit_code text,
      dedupe_key text, usernames jsonb, unit_operators jsonb, supervisors_of jsonb)
),
rcpt AS (
  SELECT req.ord, u.username
    FROM req
    CROSS JOIN LATERAL jsonb_array_elements_text(req.usernames) AS n(username)
    JOIN app_user u ON u.username = lower(n.username) AND NOT u.disabled
  UNION
  SELECT req.ord, u.username
    FROM req
    CROSS JOIN LATERAL jsonb_to_recordset(req.unit_operators) AS o("unitCode" text, "departmentId" uuid)
    JOIN app_user u ON u.role = 'COUNTY_OPERATOR' AND NOT u.disabled
                   AND u.unit_code = o."unitCode"
                   AND (o."departmentId" IS NULL OR u.department_id = o."departmentId")
  UNION
  SELECT req.ord, u.username
    FROM req
    CROSS JOIN LATERAL jsonb_array_elements_text(req.supervisors_of) AS s(code)
    JOIN admin_unit au ON au.code = s.code
    JOIN app_user u ON NOT u.disabled
                   AND ((u.role = 'PROVINCIAL_SUPERVISOR' AND left(u.unit_code, 2) = left(au.code, 2))
                        OR (u.role = 'PREFECTURE_SUPERVISOR' AND u.unit_code IN (au.code, au.parent_code)))
),
ins AS (
  INSERT INTO notification
    (recipient_username, kind, title, body, link, task_id, unit_code, dedupe_key, created_at)
  SELECT rcpt.username, req.kind, req.title, req.body, req.link, req.task_id, req.unit_code,
         req.dedupe_key, $2::timestamptz
    FROM rcpt JOIN req USING (ord)
  ON CONFLICT (recipient_username, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
  RETURNING id, recipient_username, kind, title, body, link, task_id, unit_code, created_at
),
outbox AS (
  INSERT INTO notification_delivery
    (notification_id, recipient_username, channel, target, payload, status, next_attempt_at, created_at)
  SELECT ins.id, ins.recipient_username, ch.channel,
         CASE ch.channel WHEN 'EMAIL' THEN u.email ELSE $4 END,
         jsonb_build_object(
           'notificationId', ins.id, 'kind', ins.kind,
           'recipient', jsonb_build_object('username', u.username, 'displayName', u.display_name),
           'title', ins.title, 'body', ins.body, 'link', ins.link,
           'url', CASE WHEN $5::text IS NULL THEN NULL ELSE $5::text || ins.link END,
           'taskId', ins.task_id, 'unitCode', ins.unit_code, 'createdAt', ins.created_at),
         'PENDING', q.release_at, $2::timestamptz
    FROM ins
    JOIN app_user u ON u.username = ins.recipient_username
    CROSS JOIN (VALUES ('EMAIL'), ('WEBHOOK')) AS ch(channel)
    LEFT JOIN notification_setting s
           ON s.user_id = u.id AND s.kind = ins.kind AND s.channel = ch.channel
    CROSS JOIN LATERAL (
      SELECT ($2::timestamptz AT TIME ZONE '${NOTIFICATION_TIME_ZONE}') AS local_now
    ) AS lt
    CROSS JOIN LATERAL (
      SELECT EXTRACT(HOUR FROM lt.local_now)::int * 60 + EXTRACT(MINUTE FROM lt.local_now)::int AS m,
             u.quiet_hours_start AS qs, u.quiet_hours_end AS qe
    ) AS lm
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN lm.qs IS NULL OR lm.qe IS NULL OR lm.qs = lm.qe THEN $2::timestamptz
        WHEN lm.qs < lm.qe AND lm.m >= lm.qs AND lm.m < lm.qe
          THEN (date_trunc('day', lt.local_now) + make_interval(mins => lm.qe)) AT TIME ZONE '${NOTIFICATION_TIME_ZONE}'
        WHEN lm.qs > lm.qe AND lm.m >= lm.qs
          THEN (date_trunc('day', lt.local_now) + interval '1 day' + make_interval(mins => lm.qe)) AT TIME ZONE '${NOTIFICATION_TIME_ZONE}'
        WHEN lm.qs > lm.qe AND lm.m < lm.qe
          THEN (date_trunc('day', lt.local_now) + make_interval(mins => lm.qe)) AT TIME ZONE '${NOTIFICATION_TIME_ZONE}'
        ELSE $2::timestamptz
      END AS release_at
    ) AS q
   WHERE COALESCE(s.enabled, true)
     AND ((ch.channel = 'EMAIL' AND $3::boolean AND u.email IS NOT NULL)
          OR (ch.channel = 'WEBHOOK' AND $4::text IS NOT NULL))
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS notifications, (SELECT count(*) FROM outbox)::int AS deliveries
`;

@Injectable()
export class NotificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Inserts in-app notifications and outbox deliveries inside the caller's transaction. */
  async notify(manager: EntityManager, requests: NotificationRequest[]): Promise<number> {
    if (requests.length === 0) return 0;
    const rows = requests.map((r, ord) => ({
      ord,
      kind: r.kind,
      title: clip(r.title.trim(), 200),
      body: r.body,
      link: clip(r.link, 500),
      task_id: r.taskId && UUID.test(r.taskId) ? r.taskId : null,
      unit_code: r.unitCode ?? null,
      dedupe_key: r.dedupeKey ? clip(r.dedupeKey, 200) : null,
      usernames: r.recipients.usernames ?? [],
      unit_operators: (r.recipients.unitOperators ?? []).map((o) => ({
        unitCode: o.unitCode,
        departmentId: o.departmentId ?? null,
      })),
      supervisors_of: r.recipients.supervisorsOf ?? [],
    }));
    const { notifications } = this.config;
    const [result] = (await manager.query(NOTIFY_SQL, [
      JSON.stringify(rows),
      this.clock.now(),
      notifications.smtp !== null,
      notifications.webhook?.url ?? null,
      notifications.publicBaseUrl,
    ])) as Array<{ notifications: number; deliveries: number }>;
    return result.notifications;
  }
}
