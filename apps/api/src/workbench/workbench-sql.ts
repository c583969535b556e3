import { isProvinceWide, Jurisdiction, taskJurisdictionSql } from '../access/jurisdiction';
import {
  behindScheduleSql,
  DEFAULT_THRESHOLD,
  SqlParams,
  Statement,
} from '../analytics/analytics-sql';
import { WorkbenchSectionKey } from './dto/workbench.models';

/**
 * SQL of the workbench (工作台): one statement per section, which counts every row of the
 * section and returns one page of them, so that the count on the card is the length of the list
 * behind it. Each section restates the filter of the page its card links to (the task list's
 * URL filters, the review queue, the overview's behind-schedule table) in the same terms as the
 * query service behind that page (task-query.service.ts, analytics-sql.ts), inside the caller's
 * jurisdiction (access/jurisdiction.ts).
 */

/** Days ahead that count as “due soon” (临近提醒, issue 16). */
export const DUE_SOON_DAYS = 14;
/** How far back “recent” evidence packs go. */
export const RECENT_PACK_DAYS = 30;

export interface SectionInput {
  jurisdiction: Jurisdiction;
  /** The supervisor's prefecture (PREFECTURE_SUPERVISOR), for what only they may decide. */
  verifierPrefecture: string | null;
  userId: string;
  /** A county operator's unit and department. */
  unitCode: string | null;
  departmentId: string | null;
  cycleId: string | null;
  /** Today in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
  now: Date;
  limit: number;
  offset: number;
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Columns of a task item (aliases t, u, d, a, dep), named as WorkbenchItem's fields. */
const TASK_COLUMNS = `t.id::text AS "taskId", u.code AS "unitCode", u.name AS "unitName",
  a.number AS "articleNumber", a.title AS "articleTitle", d.subject AS "dutySubject",
  dep.name AS "departmentName", t.status AS "status", t.due_date::text AS "dueDate"`;

/** The joins of a task item to its unit, duty, article and lead department. */
const TASK_JOINS = `JOIN admin_unit u ON u.code = t.unit_code
  JOIN duty d ON d.id = t.duty_id
  JOIN regulation_article a ON a.id = d.article_id
  JOIN department dep ON dep.id = t.lead_department_id`;
const TASK_FROM = `FROM task t ${TASK_JOINS}`;

const OPEN = `t.status NOT IN ('SUBMITTED', 'VERIFIED')`;

/**
 * Wraps the rows of a section (`rows`, with an `id` column and the item fields) into one
 * statement: `total` (every row) and `items` (one page in `order`, as JSON).
 */
function page(p: SqlParams, rows: string, order: string, input: SectionInput): Statement {
  const limit = p.add(input.limit);
  const offset = p.add(input.offset);
  const sql = `WITH rows AS (${rows})
SELECT (SELECT count(*) FROM rows)::int AS total,
  COALESCE((SELECT json_agg(x ORDER BY x.rn) FROM (
    SELECT rows.*, row_number() OVER (ORDER BY ${order}) AS rn FROM rows
     ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) x), '[]'::json) AS items`;
  return { sql, params: p.values };
}

function taskRows(
  p: SqlParams,
  input: SectionInput,
  extra: string,
  where: string,
  joins = '',
): string {
  return `SELECT t.id::text AS id, 'TASK' AS kind, ${TASK_COLUMNS}${extra}
  ${TASK_FROM}
  ${joins}
  WHERE t.cycle_id = ${p.add(input.cycleId)} AND t.retired_at IS NULL
    AND ${taskJurisdictionSql(input.jurisdiction, p.bind)} AND ${where}`;
}

/**
 * Requests on the cycle's tasks that the user may decide: the supervisor over the unit (a
 * prefecture's supervisor for the units under it, the provincial supervisors for every unit).
 */
function decidable(p: SqlParams, input: SectionInput): string {
  const conds = [
    `t.cycle_id = ${p.add(input.cycleId)}`,
    't.retired_at IS NULL',
    taskJurisdictionSql(input.jurisdiction, p.bind),
  ];
  if (input.verifierPrefecture) conds.push(`u.parent_code = ${p.add(input.verifierPrefecture)}`);
  return conds.join(' AND ');
}

/** Open 督办单 of the cycle's tasks in the jurisdiction not answered yet, the most urgent first. */
function urgingRows(input: SectionInput): Statement {
  const p = new SqlParams();
  const rows = `SELECT n.id::text AS id, 'URGING_NOTICE' AS kind, ${TASK_COLUMNS},
      n.number AS reference, n.colour, n.text AS note, n.answer_due::text AS "targetDate",
      n.issued_by AS actor, n.issued_at AS at, (n.acknowledged_at IS NOT NULL) AS acknowledged,
      CASE n.colour WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 ELSE 2 END AS urgency
    FROM urging_notice n JOIN task t ON t.id = n.task_id
    ${TASK_JOINS}
   WHERE n.closed_at IS NULL AND n.answered_at IS NULL AND n.cycle_id = ${p.add(input.cycleId)}
     AND ${taskJurisdictionSql(input.jurisdiction, p.bind)}`;
  return page(p, rows, `urgency, "targetDate", id`, input);
}

type SectionSql = (input: SectionInput) => Statement;

const SECTIONS: Record<WorkbenchSectionKey, SectionSql> = {
  // /tasks?status=RETURNED, with the supervisor's latest return (as Task.latestReturn reads it).
  [WorkbenchSectionKey.RETURNED_TASKS]: (input) => {
    const p = new SqlParams();
    const rows = taskRows(
      p,
      input,
      `, r.reason AS note, r.actor_username AS actor, r.occurred_at AS at`,
      `t.status = 'RETURNED'`,
      `LEFT JOIN LATERAL (SELECT e.reason, e.actor_username, e.occurred_at FROM task_event e
     WHERE e.cycle_id = t.cycle_id AND e.task_id = t.id AND e.kind = 'status'
       AND e.after ->> 'status' = 'RETURNED'
     ORDER BY e.id DESC LIMIT 1) r ON TRUE`,
    );
    return page(p, rows, `"dueDate", id`, input);
  },

  // /tasks?overdue=1: past due, neither submitted nor verified.
  [WorkbenchSectionKey.OVERDUE_TASKS]: (input) => {
    const p = new SqlParams();
    const today = p.add(input.today);
    // The task list's overdue filter: approved 不适用 tasks are not overdue.
    const rows = taskRows(
      p,
      input,
      '',
      `t.due_date < ${today}::date AND ${OPEN} AND t.not_applicable_status IS DISTINCT FROM 'APPROVED'`,
    );
    return page(p, rows, `"dueDate", id`, input);
  },

  // /tasks?status=NOT_STARTED,IN_PROGRESS,RETURNED&dueAfter=<yesterday>&dueBefore=<today+15>.
  [WorkbenchSectionKey.DUE_SOON_TASKS]: (input) => {
    const p = new SqlParams();
    const today = p.add(input.today);
    const last = p.add(addDays(input.today, DUE_SOON_DAYS));
    const rows = taskRows(
      p,
      input,
      '',
      `t.due_date >= ${today}::date AND t.due_date <= ${last}::date AND ${OPEN}`,
    );
    return page(p, rows, `"dueDate", id`, input);
  },

  // /review: the submitted tasks the user may verify or return (a prefecture's supervisor: the
  // units under it, not the prefecture's own, which the province reviews), oldest first.
  [WorkbenchSectionKey.REVIEW_QUEUE]: (input) => {
    const p = new SqlParams();
    const rows = taskRows(
      p,
      input,
      // Submission time and submitter (the queue's own order); a task submitted before the
      // history recorded it has neither, and falls back to its last change.
      `, coalesce(t.submitted_at, t.updated_at) AS at, coalesce(t.submitted_by, t.updated_by) AS actor`,
      input.verifierPrefecture
        ? `t.status = 'SUBMITTED' AND u.parent_code = ${p.add(input.verifierPrefecture)}`
        : `t.status = 'SUBMITTED'`,
    );
    return page(p, rows, `at, id`, input);
  },

  // Pending extension requests the user may decide: the unit's supervisor (a prefecture's
  // supervisor for the units under it, the provincial supervisors for all), oldest first.
  [WorkbenchSectionKey.EXTENSION_REQUESTS]: (input) => {
    const p = new SqlParams();
    const rows = `SELECT x.id::text AS id, 'EXTENSION_REQUEST' AS kind, ${TASK_COLUMNS},
        x.requested_due_date::text AS "targetDate", x.reason AS note,
        x.requested_by AS actor, x.requested_at AS at
      FROM task_extension_request x JOIN task t ON t.id = x.task_id
      ${TASK_JOINS}
     WHERE x.state = 'pending' AND ${decidable(p, input)}`;
    return page(p, rows, `at, id`, input);
  },

  // The overview's behind-schedule table: the analytics statement itself, counted and paged.
  [WorkbenchSectionKey.BEHIND_SCHEDULE]: (input) => {
    const inner = behindScheduleSql({
      cycleId: input.cycleId ?? '00000000-0000-0000-0000-000000000000',
      today: input.today,
      asOf: input.today,
      jurisdiction: input.jurisdiction,
      threshold: DEFAULT_THRESHOLD,
    });
    const p = new SqlParams();
    inner.params.forEach((value) => p.add(value));
    const rows = `SELECT b.code AS id, 'UNIT' AS kind, b.code AS "unitCode", b.name AS "unitName",
        b.tasks AS total, b.verified, b.completion_rate AS "completionRate",
        b.expected, b.gap
      FROM (${inner.sql}) b WHERE b.code IS NOT NULL`;
    return page(p, rows, `gap DESC, id`, input);
  },

  // 督办单 of the operator's tasks still waiting for the answer (urgingNotices state UNANSWERED).
  [WorkbenchSectionKey.URGING_TO_ANSWER]: (input) => urgingRows(input),

  // 待签收: tasks the operator's department leads, not acknowledged yet (task-assignment).
  [WorkbenchSectionKey.AWAITING_ACKNOWLEDGEMENT]: (input) => {
    const p = new SqlParams();
    const department = p.add(input.departmentId);
    const rows = taskRows(
      p,
      input,
      `, t.created_at AS at`,
      `t.acknowledged_at IS NULL AND t.lead_department_id = ${department}`,
    );
    return page(p, rows, `"dueDate", id`, input);
  },

  // 待回复, as unansweredComments defines it: on the operator's tasks of open cycles, written
  // outside the unit, with no later comment from the unit on that task; oldest first.
  [WorkbenchSectionKey.UNANSWERED_COMMENTS]: (input) => {
    const p = new SqlParams();
    const own = p.add(input.unitCode);
    const rows = `SELECT c.id::text AS id, c.kind AS kind, ${TASK_COLUMNS},
        left(c.body, 200) AS note, c.author_username AS actor, c.created_at AS at, c.pinned
      FROM task_comment c JOIN task t ON t.id = c.task_id
      ${TASK_JOINS}
      JOIN assessment_cycle y ON y.id = t.cycle_id AND y.state = 'open'
     WHERE t.retired_at IS NULL AND c.author_unit_code IS DISTINCT FROM ${own}
       AND NOT EXISTS (SELECT 1 FROM task_comment r WHERE r.task_id = c.task_id
             AND r.author_unit_code = ${own} AND (r.created_at, r.id) > (c.created_at, c.id))
       AND ${taskJurisdictionSql(input.jurisdiction, p.bind)}`;
    return page(p, rows, `at, id`, input);
  },

  // 转办 requests waiting for the supervisor over the unit, oldest first.
  [WorkbenchSectionKey.REASSIGNMENT_REQUESTS]: (input) => {
    const p = new SqlParams();
    const rows = `SELECT r.id::text AS id, 'REASSIGNMENT_REQUEST' AS kind, ${TASK_COLUMNS},
        td.name AS "toDepartmentName",
        r.reason AS note, r.requested_by AS actor, r.requested_at AS at
      FROM task_reassignment r JOIN task t ON t.id = r.task_id
      ${TASK_JOINS}
      JOIN department td ON td.id = r.to_department_id
     WHERE r.status = 'PENDING' AND ${decidable(p, input)}`;
    return page(p, rows, `at, id`, input);
  },

  // 不适用 requests waiting for the supervisor over the unit, oldest first.
  [WorkbenchSectionKey.NOT_APPLICABLE_REQUESTS]: (input) => {
    const p = new SqlParams();
    const rows = `SELECT r.id::text AS id, 'NOT_APPLICABLE_REQUEST' AS kind, ${TASK_COLUMNS},
        r.reason AS note, r.requested_by AS actor, r.requested_at AS at
      FROM task_not_applicable_request r JOIN task t ON t.id = r.task_id
      ${TASK_JOINS}
     WHERE r.status = 'PENDING' AND ${decidable(p, input)}`;
    return page(p, rows, `at, id`, input);
  },

  // 督办单 issued in the jurisdiction and not answered yet.
  [WorkbenchSectionKey.URGING_UNANSWERED]: (input) => urgingRows(input),

  // The user's own successful pack downloads (security audit log) of the last 30 days.
  [WorkbenchSectionKey.RECENT_PACKS]: (input) => {
    const p = new SqlParams();
    const since = p.add(new Date(input.now.getTime() - RECENT_PACK_DAYS * 86_400_000));
    const rows = `SELECT l.id::text AS id, 'EVIDENCE_PACK' AS kind, l.occurred_at AS at,
        l.actor_username AS actor, l.detail ->> 'unitCode' AS "unitCode",
        COALESCE(pu.name, '全部') AS "unitName", c.title AS note,
        NULLIF(l.detail ->> 'files', '')::int AS total, l.detail ->> 'cycleId' AS "cycleId"
      FROM security_audit_log l
      LEFT JOIN admin_unit pu ON pu.code = l.detail ->> 'unitCode'
      LEFT JOIN assessment_cycle c ON c.id::text = l.detail ->> 'cycleId'
     WHERE l.action = 'EVIDENCE_PACK_DOWNLOADED' AND l.result = 'success'
       AND l.actor_user_id = ${p.add(input.userId)} AND l.occurred_at >= ${since}`;
    return page(p, rows, `at DESC, id DESC`, input);
  },

  // Damaged evidence files in the jurisdiction; for province-wide auditors also the latest
  // storage check and the latest hash-chain verification when they failed.
  [WorkbenchSectionKey.INTEGRITY_PROBLEMS]: (input) => {
    const p = new SqlParams();
    const scope = taskJurisdictionSql(input.jurisdiction, p.bind);
    const provinceWide = isProvinceWide(input.jurisdiction) ? 'TRUE' : 'FALSE';
    const rows = `SELECT 'evidence:' || e.id AS id, 'CORRUPT_EVIDENCE' AS kind, e.corrupt_at AS at,
        e.original_name AS note, NULL::int AS total, ${TASK_COLUMNS}
      FROM evidence e JOIN task t ON t.id = e.task_id
      ${TASK_JOINS}
     WHERE e.integrity_status = 'corrupt' AND e.withdrawn_at IS NULL AND ${scope}
    UNION ALL
    SELECT 'storage:' || r.id, 'STORAGE_CHECK', r.finished_at,
        r.source, (r.missing + r.corrupt + r.unreferenced)::int,
        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM (SELECT * FROM evidence_integrity_run ORDER BY id DESC LIMIT 1) r
     WHERE NOT r.ok AND ${provinceWide}
    UNION ALL
    SELECT 'chain:' || c.id || ':' || (b.value ->> 'table'), 'CHAIN_BREAK', c.finished_at,
        b.value ->> 'table', NULLIF(b.value ->> 'seq', '')::int,
        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM (SELECT * FROM integrity_chain_run ORDER BY id DESC LIMIT 1) c
      CROSS JOIN LATERAL jsonb_array_elements(c.breaks) b
     WHERE NOT c.ok AND ${provinceWide}`;
    return page(p, rows, `at DESC, id`, input);
  },
};

export function sectionSql(key: WorkbenchSectionKey, input: SectionInput): Statement {
  return SECTIONS[key](input);
}
