import { SqlParams, Statement } from '../analytics/analytics-sql';

/**
 * SQL for the figures of a 情况通报, as of a date (the period's end, or today within the period).
 *
 * A task's state on the as-of day is rebuilt from its history (task_event), as the completion
 * trend does: its status is the `after.status` of its last 'status' event before the end of that
 * day (Asia/Shanghai); with none, the `before.status` of its first status event after then; with
 * none either, it never changed and the current status holds. The due date likewise, from
 * `after.dueDate` / `before.dueDate` (creation, approved extensions). Tasks retired
 * after that day still count; tasks of a unit whose not-applicable request is approved do not
 * (when that column exists). Overdue: due date before the as-of day and status neither
 * SUBMITTED nor VERIFIED.
 *
 * Every task of the scope is grouped under one row: the scope unit's own tasks (本级), each unit
 * directly under the scope, with the units under it (a prefecture's counties roll up into the
 * prefecture's row of a province bulletin).
 */

export interface AsOfInput {
  cycleId: string;
  scopeUnitCode: string;
  /** YYYY-MM-DD */
  asOf: string;
  /** Whether task.not_applicable_status exists (issue 16 item 7). */
  notApplicable: boolean;
}

function asOfTasksCte(p: SqlParams, input: AsOfInput, extraColumns = ''): string {
  const cycle = p.add(input.cycleId);
  const scope = p.add(input.scopeUnitCode);
  const asOf = p.add(input.asOf);
  const end = `((${asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  return `st AS (
  SELECT t.id, t.unit_code, t.duty_id, t.lead_department_id,
         CASE WHEN u.code = ${scope} OR u.parent_code = ${scope} THEN u.code ELSE u.parent_code END AS row_code,
         COALESCE(ls.status, ns.status, t.status) AS status,
         COALESCE(ld.due_date, nd.due_date, t.due_date) AS due_date,
         ${asOf}::date AS as_of${extraColumns}
    FROM task t
    JOIN admin_unit u ON u.code = t.unit_code
    LEFT JOIN LATERAL (
      SELECT e.after->>'status' AS status FROM task_event e
       WHERE e.cycle_id = ${cycle} AND e.task_id = t.id AND e.kind = 'status' AND e.occurred_at < ${end}
       ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1) ls ON TRUE
    LEFT JOIN LATERAL (
      SELECT (e.after->>'dueDate')::date AS due_date FROM task_event e
       WHERE e.cycle_id = ${cycle} AND e.task_id = t.id AND e.after ? 'dueDate' AND e.occurred_at < ${end}
       ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1) ld ON TRUE
    LEFT JOIN LATERAL (
      SELECT e.before->>'status' AS status FROM task_event e
       WHERE ls.status IS NULL AND e.cycle_id = ${cycle} AND e.task_id = t.id AND e.kind = 'status' AND e.occurred_at >= ${end}
       ORDER BY e.occurred_at, e.id LIMIT 1) ns ON TRUE
    LEFT JOIN LATERAL (
      SELECT (e.before->>'dueDate')::date AS due_date FROM task_event e
       WHERE ld.due_date IS NULL AND e.cycle_id = ${cycle} AND e.task_id = t.id AND e.before ? 'dueDate' AND e.occurred_at >= ${end}
       ORDER BY e.occurred_at, e.id LIMIT 1) nd ON TRUE
   WHERE t.cycle_id = ${cycle}
     AND (t.retired_at IS NULL OR t.retired_at >= ${end})
     ${input.notApplicable ? `AND t.not_applicable_status IS DISTINCT FROM 'APPROVED'` : ''}
     AND (u.code = ${scope} OR u.parent_code = ${scope}
          OR u.parent_code IN (SELECT a.code FROM admin_unit a WHERE a.parent_code = ${scope}))
)`;
}

const OVERDUE = `(st.due_date < st.as_of AND st.status NOT IN ('SUBMITTED', 'VERIFIED'))`;

/** One row per unit of the scope (the scope itself first), with its counters as of the day. */
export function unitFiguresSql(input: AsOfInput): Statement {
  const p = new SqlParams();
  const tasks = asOfTasksCte(p, input);
  const scope = p.add(input.scopeUnitCode);
  const sql = `WITH ${tasks},
rows AS (SELECT a.code, a.name, a.sort_order, a.code = ${scope} AS self
           FROM admin_unit a WHERE a.code = ${scope} OR a.parent_code = ${scope})
SELECT rows.code, rows.name, rows.self,
       count(st.id)::int AS tasks,
       count(st.id) FILTER (WHERE st.status = 'VERIFIED')::int AS verified,
       count(st.id) FILTER (WHERE st.status = 'SUBMITTED')::int AS submitted,
       count(st.id) FILTER (WHERE st.status = 'IN_PROGRESS')::int AS in_progress,
       count(st.id) FILTER (WHERE st.status = 'NOT_STARTED')::int AS not_started,
       count(st.id) FILTER (WHERE st.status = 'RETURNED')::int AS returned,
       count(st.id) FILTER (WHERE ${OVERDUE})::int AS overdue
  FROM rows LEFT JOIN st ON st.row_code = rows.code
 GROUP BY rows.code, rows.name, rows.sort_order, rows.self
 ORDER BY rows.self DESC, rows.sort_order, rows.code`;
  return { sql, params: p.values };
}

/** The overdue tasks as of the day, longest overdue first, at most `limit`, with the total. */
export function overdueTasksSql(input: AsOfInput, limit: number): Statement {
  const p = new SqlParams();
  const tasks = asOfTasksCte(p, input);
  const sql = `WITH ${tasks}
SELECT st.id AS task_id,
       CASE WHEN pu.level = 'prefecture' AND pu.code <> ${p.add(input.scopeUnitCode)} THEN pu.name || u.name
            ELSE u.name END AS unit_name,
       ra.number AS article, d.subject, dep.name AS department, st.due_date::text AS due_date,
       (st.as_of - st.due_date)::int AS days_overdue, st.status, count(*) OVER ()::int AS total
  FROM st
  JOIN admin_unit u ON u.code = st.unit_code
  LEFT JOIN admin_unit pu ON pu.code = u.parent_code
  JOIN duty d ON d.id = st.duty_id
  JOIN regulation_article ra ON ra.id = d.article_id
  JOIN department dep ON dep.id = st.lead_department_id
 WHERE ${OVERDUE}
 ORDER BY days_overdue DESC, u.code, ra.number, st.id
 LIMIT ${p.add(limit)}`;
  return { sql, params: p.values };
}

/**
 * Urging notices (三色督办单) issued in the period to units of the scope, per row and colour, with
 * those not answered by the end of the as-of day. Only once the urging_notice table exists.
 */
export function urgingSql(input: AsOfInput & { periodStart: string }): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const scope = p.add(input.scopeUnitCode);
  const start = `(${p.add(input.periodStart)}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const end = `((${p.add(input.asOf)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const sql = `WITH rows AS (SELECT a.code, a.name, a.sort_order, a.code = ${scope} AS self
           FROM admin_unit a WHERE a.code = ${scope} OR a.parent_code = ${scope}),
n AS (
  SELECT CASE WHEN u.code = ${scope} OR u.parent_code = ${scope} THEN u.code ELSE u.parent_code END AS row_code,
         n.colour, (n.answered_at IS NULL OR n.answered_at >= ${end}) AS unanswered
    FROM urging_notice n JOIN admin_unit u ON u.code = n.unit_code
   WHERE n.cycle_id = ${cycle} AND n.issued_at >= ${start} AND n.issued_at < ${end}
     AND (u.code = ${scope} OR u.parent_code = ${scope}
          OR u.parent_code IN (SELECT a.code FROM admin_unit a WHERE a.parent_code = ${scope})))
SELECT rows.code, rows.name,
       count(*) FILTER (WHERE n.colour = 'BLUE')::int AS blue,
       count(*) FILTER (WHERE n.colour = 'ORANGE')::int AS orange,
       count(*) FILTER (WHERE n.colour = 'RED')::int AS red,
       count(*) FILTER (WHERE n.unanswered)::int AS unanswered
  FROM rows JOIN n ON n.row_code = rows.code
 GROUP BY rows.code, rows.name, rows.sort_order, rows.self
 ORDER BY rows.self DESC, rows.sort_order, rows.code`;
  return { sql, params: p.values };
}

/** Tasks of the scope that a supervisor may cite as good practice: verified now, newest first. */
export function goodPracticeSql(input: {
  cycleId: string;
  scopeUnitCode: string;
  taskIds?: string[];
  limit: number;
}): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const scope = p.add(input.scopeUnitCode);
  const only = input.taskIds ? `AND t.id = ANY (${p.add(input.taskIds)}::uuid[])` : '';
  const sql = `SELECT t.id AS task_id,
       CASE WHEN pu.level = 'prefecture' AND pu.code <> ${scope} THEN pu.name || u.name
            ELSE u.name END AS unit_name,
       ra.number AS article, d.subject, dep.name AS department,
       (t.completed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS verified_on,
       t.progress_note, t.measures,
       (SELECT count(*) FROM evidence e WHERE e.task_id = t.id AND e.withdrawn_at IS NULL
           AND e.superseded_by_id IS NULL)::int AS evidence_count
  FROM task t
  JOIN admin_unit u ON u.code = t.unit_code
  LEFT JOIN admin_unit pu ON pu.code = u.parent_code
  JOIN duty d ON d.id = t.duty_id
  JOIN regulation_article ra ON ra.id = d.article_id
  JOIN department dep ON dep.id = t.lead_department_id
 WHERE t.cycle_id = ${cycle} AND t.retired_at IS NULL AND t.status = 'VERIFIED'
   AND (u.code = ${scope} OR u.parent_code = ${scope}
        OR u.parent_code IN (SELECT a.code FROM admin_unit a WHERE a.parent_code = ${scope}))
   ${only}
 ORDER BY t.completed_at DESC NULLS LAST, t.id
 LIMIT ${p.add(input.limit)}`;
  return { sql, params: p.values };
}
