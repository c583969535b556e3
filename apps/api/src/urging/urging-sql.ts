import { Jurisdiction, taskJurisdictionSql } from '../access/jurisdiction';
import { SqlParams, Statement } from '../analytics/analytics-sql';
import { UrgingConfig } from './urging-config';

/**
 * Hand-written SQL of the urging notices. The daily run is set-based: one statement decides,
 * numbers, inserts, supersedes and records history for every task of every open cycle.
 */

/** Advisory lock key of the daily run (exclusive) and of manual issues (shared). */
export const URGING_LOCK_KEY = 1_796_600_100;

/**
 * The next colour of a task's urging, by the rules of urging-config.ts, for every non-retired,
 * not submitted or verified task of an open cycle that needs a notice today (`$today`):
 * - no open notice: ORANGE if overdue; BLUE if due within dueSoonDays and behind schedule;
 * - an open BLUE: ORANGE if the task is overdue, or the notice is unanswered after blueToOrangeDays;
 * - an open ORANGE: RED if unanswered after orangeToRedDays;
 * - an open RED: nothing (the top of the ladder).
 * Behind schedule: NOT_STARTED or RETURNED, and (today − cycle start) ≥ behindElapsed × (due −
 * cycle start), compared exactly in numeric.
 */
function candidatesSql(p: SqlParams, today: string, rules: UrgingConfig): string {
  const dueSoon = p.add(rules.dueSoonDays);
  const behind = p.add(String(rules.behindElapsed));
  const b2o = p.add(rules.blueToOrangeDays);
  const o2r = p.add(rules.orangeToRedDays);
  const overdue = `t.due_date < ${today}::date`;
  const behindSchedule = `(t.status IN ('NOT_STARTED', 'RETURNED')
          AND (${today}::date - c.start_date)::numeric >= ${behind}::numeric * GREATEST(t.due_date - c.start_date, 0))`;
  const unansweredBlue = `(o.answered_at IS NULL AND ${today}::date >= o.issued_on + ${b2o}::int)`;
  const unansweredOrange = `(o.answered_at IS NULL AND ${today}::date >= o.issued_on + ${o2r}::int)`;
  return `cand AS (
  SELECT t.id AS task_id, t.unit_code, t.cycle_id, t.due_date, o.id AS prev_id,
         CASE WHEN o.id IS NULL AND ${overdue} THEN 'ORANGE'
              WHEN o.id IS NULL THEN 'BLUE'
              WHEN o.colour = 'BLUE' THEN 'ORANGE'
              ELSE 'RED' END AS colour,
         CASE WHEN o.id IS NULL AND ${overdue} THEN 'OVERDUE'
              WHEN o.id IS NULL THEN 'BEHIND_SCHEDULE'
              WHEN o.colour = 'BLUE' AND ${overdue} THEN 'OVERDUE'
              WHEN o.colour = 'BLUE' THEN 'UNANSWERED_BLUE'
              ELSE 'UNANSWERED_ORANGE' END AS reason_code,
         o.number AS prev_number
    FROM task t
    JOIN assessment_cycle c ON c.id = t.cycle_id AND c.state = 'open'
    LEFT JOIN urging_notice o ON o.task_id = t.id AND o.closed_at IS NULL
   WHERE t.retired_at IS NULL AND t.status NOT IN ('SUBMITTED', 'VERIFIED')
     AND t.not_applicable_status IS DISTINCT FROM 'APPROVED'
     AND (
       (o.id IS NULL AND (${overdue}
          OR (t.due_date - ${today}::date <= ${dueSoon}::int AND ${behindSchedule})))
       OR (o.colour = 'BLUE' AND (${overdue} OR ${unansweredBlue}))
       OR (o.colour = 'ORANGE' AND ${unansweredOrange})
     )
)`;
}

export interface IssuedRow {
  id: string;
  number: string;
  task_id: string;
  unit_code: string;
  cycle_id: string;
  colour: 'BLUE' | 'ORANGE' | 'RED';
  reason_code: string;
  supersedes_id: string | null;
  answer_due: string;
  text: string;
  lead_department_id: string;
  duty_subject: string;
  unit_name: string;
}

/**
 * The daily issue/escalation statement: candidates, a block of numbers from the year's counter
 * (the counter row's lock serialises concurrent allocations), the new notices, the superseded
 * ones closed and linked (`escalated_to`), and one task_event per new notice.
 */
export function dailyIssueSql(input: {
  today: string;
  now: Date;
  year: number;
  rules: UrgingConfig;
}): Statement {
  const p = new SqlParams();
  const today = p.add(input.today);
  const now = p.add(input.now);
  const year = p.add(input.year);
  const pattern = p.add(input.rules.numberPattern);
  const answerDays = p.add(input.rules.answerDays);
  const d = input.rules.deductions;
  const deduction = `CASE numbered.colour WHEN 'BLUE' THEN ${p.add(d.BLUE)}::numeric
           WHEN 'ORANGE' THEN ${p.add(d.ORANGE)}::numeric ELSE ${p.add(d.RED)}::numeric END`;
  const sql = `WITH ${candidatesSql(p, today, input.rules)},
n AS (SELECT count(*)::int AS n FROM cand),
alloc AS (
  INSERT INTO urging_number_counter (year, last_seq)
  SELECT ${year}, n.n FROM n WHERE n.n > 0
  ON CONFLICT (year) DO UPDATE SET last_seq = urging_number_counter.last_seq + EXCLUDED.last_seq
  RETURNING last_seq
),
numbered AS (
  SELECT cand.*, (SELECT last_seq FROM alloc) - (SELECT n FROM n)
           + row_number() OVER (ORDER BY cand.unit_code, cand.due_date, cand.task_id) AS seq
    FROM cand
),
ins AS (
  INSERT INTO urging_notice (number, year, seq, task_id, unit_code, cycle_id, colour, origin,
      reason_code, text, issued_on, answer_due, issued_by, issued_at, supersedes_id, deduction)
  SELECT replace(replace(${pattern}::text, '{year}', ${year}::text), '{seq}', numbered.seq::text),
         ${year}, numbered.seq, numbered.task_id, numbered.unit_code, numbered.cycle_id,
         numbered.colour, 'AUTO', numbered.reason_code,
         CASE numbered.reason_code
           WHEN 'BEHIND_SCHEDULE' THEN format('该任务将于 %s 到期，至今尚未开展，进度落后于时间进度。请于 %s 前签收并反馈办理计划。', numbered.due_date, ${today}::date + ${answerDays}::int)
           WHEN 'OVERDUE' THEN format('该任务已于 %s 到期，尚未提交办结材料。请于 %s 前签收并反馈办理情况和完成时限。', numbered.due_date, ${today}::date + ${answerDays}::int)
           WHEN 'UNANSWERED_BLUE' THEN format('蓝色督办单 %s 逾期未反馈，现升级为橙色督办。请于 %s 前签收并反馈办理情况。', numbered.prev_number, ${today}::date + ${answerDays}::int)
           ELSE format('橙色督办单 %s 逾期未反馈，现升级为红色督办。请于 %s 前签收并书面反馈。', numbered.prev_number, ${today}::date + ${answerDays}::int)
         END,
         ${today}::date, ${today}::date + ${answerDays}::int, 'system', ${now}, numbered.prev_id,
         ${deduction}
    FROM numbered
  RETURNING id, number, task_id, unit_code, cycle_id, colour, reason_code, supersedes_id,
            answer_due, text
),
sup AS (
  UPDATE urging_notice o SET escalated_to = ins.id, closed_at = ${now}, close_reason = 'ESCALATED'
    FROM ins WHERE o.id = ins.supersedes_id
  RETURNING o.id
),
ev AS (
  INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after, reason)
  SELECT ins.task_id, ins.unit_code, ins.cycle_id, ${now}, 'system', 'urging_issued',
         CASE WHEN ins.supersedes_id IS NULL THEN NULL
              ELSE jsonb_build_object('noticeId', ins.supersedes_id) END,
         jsonb_build_object('noticeId', ins.id, 'number', ins.number, 'colour', ins.colour,
              'origin', 'AUTO', 'reasonCode', ins.reason_code, 'answerDue', ins.answer_due),
         ins.text
    FROM ins
  RETURNING 1
)
SELECT ins.id, ins.number, ins.task_id, ins.unit_code, ins.cycle_id, ins.colour, ins.reason_code,
       ins.supersedes_id, ins.answer_due::text AS answer_due, ins.text, t.lead_department_id,
       d.subject AS duty_subject, u.name AS unit_name,
       (SELECT count(*) FROM sup)::int AS superseded, (SELECT count(*) FROM ev)::int AS events
  FROM ins
  JOIN task t ON t.id = ins.task_id
  JOIN duty d ON d.id = t.duty_id
  JOIN admin_unit u ON u.code = ins.unit_code
 ORDER BY ins.number`;
  return { sql, params: p.values };
}

/** Safety net for the trigger: open notices of tasks already submitted, verified or retired. */
export function closeDoneSql(now: Date): Statement {
  return {
    sql: `UPDATE urging_notice n
             SET closed_at = $1,
                 close_reason = CASE WHEN t.retired_at IS NOT NULL THEN 'TASK_RETIRED'
                                     WHEN t.status = 'VERIFIED' THEN 'TASK_VERIFIED'
                                     ELSE 'TASK_SUBMITTED' END
            FROM task t
           WHERE t.id = n.task_id AND n.closed_at IS NULL
             AND (t.status IN ('SUBMITTED', 'VERIFIED') OR t.retired_at IS NOT NULL)`,
    params: [now],
  };
}

export type NoticeState = 'OPEN' | 'UNACKNOWLEDGED' | 'UNANSWERED' | 'CLOSED' | 'ALL';

export interface NoticeFilter {
  cycleId?: string | null;
  unitCode?: string | null;
  taskId?: string | null;
  colour?: string | null;
  state?: NoticeState | null;
  /** Prefecture (or unit) and the units under it. */
  withinUnitCode?: string | null;
}

/** The notice columns every list returns (alias n, task t, unit u, duty d). */
const NOTICE_COLUMNS = `n.id, n.number, n.year, n.seq, n.task_id, n.unit_code, u.name AS unit_name,
  u.parent_code AS unit_parent_code, n.cycle_id, n.colour, n.origin, n.reason_code, n.text,
  n.issued_on::text AS issued_on, n.answer_due::text AS answer_due, n.issued_by, n.issued_at,
  n.supersedes_id, n.acknowledged_at, n.acknowledged_by, n.answered_at, n.answered_by, n.answer,
  n.escalated_to, n.closed_at, n.close_reason, n.deduction::float8 AS deduction, d.subject AS duty_subject,
  t.due_date::text AS task_due_date, t.status AS task_status, t.lead_department_id`;

function noticeConditions(
  p: SqlParams,
  filter: NoticeFilter,
  jurisdiction: Jurisdiction,
): string[] {
  const conds = [taskJurisdictionSql(jurisdiction, p.bind)];
  if (filter.cycleId) conds.push(`n.cycle_id = ${p.add(filter.cycleId)}`);
  if (filter.unitCode) conds.push(`n.unit_code = ${p.add(filter.unitCode)}`);
  if (filter.withinUnitCode) {
    const w = p.add(filter.withinUnitCode);
    conds.push(`(u.code = ${w} OR u.parent_code = ${w})`);
  }
  if (filter.taskId) conds.push(`n.task_id = ${p.add(filter.taskId)}`);
  if (filter.colour) conds.push(`n.colour = ${p.add(filter.colour)}`);
  switch (filter.state ?? 'ALL') {
    case 'OPEN':
      conds.push('n.closed_at IS NULL');
      break;
    case 'UNACKNOWLEDGED':
      conds.push('n.closed_at IS NULL AND n.acknowledged_at IS NULL');
      break;
    case 'UNANSWERED':
      conds.push('n.closed_at IS NULL AND n.answered_at IS NULL');
      break;
    case 'CLOSED':
      conds.push('n.closed_at IS NOT NULL');
      break;
    default:
      break;
  }
  return conds;
}

export function noticeListSql(input: {
  filter: NoticeFilter;
  jurisdiction: Jurisdiction;
  first: number;
  offset: number;
}): Statement {
  const p = new SqlParams();
  const conds = noticeConditions(p, input.filter, input.jurisdiction);
  const first = p.add(input.first);
  const offset = p.add(input.offset);
  return {
    sql: `SELECT ${NOTICE_COLUMNS}, count(*) OVER ()::int AS total
      FROM urging_notice n
      JOIN task t ON t.id = n.task_id
      JOIN admin_unit u ON u.code = n.unit_code
      JOIN duty d ON d.id = t.duty_id
     WHERE ${conds.join(' AND ')}
     ORDER BY n.closed_at IS NULL DESC, n.issued_at DESC, n.seq DESC
     LIMIT ${first} OFFSET ${offset}`,
    params: p.values,
  };
}

export function noticeByIdSql(id: string, jurisdiction: Jurisdiction): Statement {
  const p = new SqlParams();
  const conds = noticeConditions(p, {}, jurisdiction);
  conds.push(`n.id = ${p.add(id)}`);
  return {
    sql: `SELECT ${NOTICE_COLUMNS}
      FROM urging_notice n
      JOIN task t ON t.id = n.task_id
      JOIN admin_unit u ON u.code = n.unit_code
      JOIN duty d ON d.id = t.duty_id
     WHERE ${conds.join(' AND ')}`,
    params: p.values,
  };
}

/**
 * Open notices by colour per unit with tasks in the cycle (inside the jurisdiction), map-ready:
 * every unit of the jurisdiction that has tasks, zeros included.
 */
export function countsByUnitSql(cycleId: string, jurisdiction: Jurisdiction): Statement {
  const p = new SqlParams();
  const cycle = p.add(cycleId);
  const scope = taskJurisdictionSql(jurisdiction, p.bind);
  return {
    sql: `WITH st AS (
        SELECT t.id, t.unit_code FROM task t JOIN admin_unit u ON u.code = t.unit_code
         WHERE t.cycle_id = ${cycle} AND t.retired_at IS NULL AND ${scope}
      ), units AS (SELECT DISTINCT unit_code FROM st)
      SELECT u.code, u.name, u.level, u.parent_code,
             count(n.id) FILTER (WHERE n.closed_at IS NULL AND n.colour = 'BLUE')::int AS blue,
             count(n.id) FILTER (WHERE n.closed_at IS NULL AND n.colour = 'ORANGE')::int AS orange,
             count(n.id) FILTER (WHERE n.closed_at IS NULL AND n.colour = 'RED')::int AS red,
             count(n.id) FILTER (WHERE n.closed_at IS NULL AND n.acknowledged_at IS NULL)::int AS unacknowledged,
             count(n.id) FILTER (WHERE n.closed_at IS NULL AND n.answered_at IS NULL)::int AS unanswered,
             count(n.id)::int AS issued
        FROM units
        JOIN admin_unit u ON u.code = units.unit_code
        LEFT JOIN urging_notice n ON n.unit_code = u.code AND n.cycle_id = ${cycle}
             AND n.task_id IN (SELECT id FROM st)
       GROUP BY u.code, u.name, u.level, u.parent_code
       ORDER BY u.code`,
    params: p.values,
  };
}
