import { DEFAULT_LEAD_DEPARTMENT_CODE } from '@duty/regulation/duties';
import { EntityManager } from 'typeorm';
import { updateReturning } from '../common/query-helpers';
import { recordTaskEvents } from '../task/task-events';
import {
  BEHIND_DUTY_LEAD_JOINS,
  BEHIND_DUTY_LEAD_WHERE,
  followDutyLeads,
} from '../task-assignment/lead-change';

export interface GenerationResult {
  /** Tasks that now point at their duty's successor in the cycle's version (same lineage). */
  followed: number;
  /** Existing tasks whose lead department followed their duty's reviewed lead (not after a 转办). */
  leadsFollowed: number;
  created: number;
  retired: number;
  restored: number;
  total: number;
}

/*
 * The rules of (re)generation, shared by `generateTasks` (which applies them) and
 * `planRegeneration` (which only reads what they would do): SQL fragments over the placeholders
 * the caller passes for the cycle id, its regulation version id and the default lead department.
 */

/**
 * FROM/WHERE of the tasks the cycle should have: tracked government duty × unit of the cycle's
 * province at its levels, with its lead department and due date. The province is the unit code's
 * first two digits (GB/T 2260 codes are hierarchical).
 */
const PLANNED_TASKS = (cycle: string, version: string, defaultLead: string, province: string) => `
       FROM duty d
       JOIN admin_unit u ON u.level = ANY (d.levels) AND left(u.code, 2) = left(${province}::text, 2)
       LEFT JOIN duty_department lead ON lead.duty_id = d.id AND lead.role = 'lead'
       JOIN department dep ON dep.unit_code = u.code AND dep.kind_code = coalesce(lead.department_code, ${defaultLead})
       LEFT JOIN cycle_duty_due_date o ON o.cycle_id = ${cycle} AND o.duty_lineage_id = d.lineage_id
      WHERE d.version_id = ${version} AND d.tracked AND d.government_duty`;

/** Lineages of the version's tracked government duties. */
const TRACKED_LINEAGES = (version: string) =>
  `SELECT d.lineage_id FROM duty d WHERE d.version_id = ${version} AND d.tracked AND d.government_duty`;

/** Active tasks (alias `t`) whose duty is no longer tracked or has no successor in the version. */
const TO_RETIRE = (t: string, cycle: string, version: string) =>
  `${t}.cycle_id = ${cycle} AND ${t}.retired_at IS NULL AND ${t}.duty_lineage_id NOT IN (${TRACKED_LINEAGES(version)})`;

/** Retired tasks (alias `t`) whose duty is tracked again. */
const TO_RESTORE = (t: string, cycle: string, version: string) =>
  `${t}.cycle_id = ${cycle} AND ${t}.retired_at IS NOT NULL AND ${t}.duty_lineage_id IN (${TRACKED_LINEAGES(version)})`;

/** Whether a task (alias `t`) to retire has a duty in the version (untracked) or none (not continued). */
const CONTINUED = (t: string, version: string) =>
  `EXISTS (SELECT 1 FROM duty d WHERE d.version_id = ${version} AND d.lineage_id = ${t}.duty_lineage_id)`;

/** A task (alias `t`) whose lineage continues in the version's duty `d`, another than its own. */
const LINEAGE_MOVES = (t: string, d: string, cycle: string, version: string) =>
  `${t}.cycle_id = ${cycle} AND ${d}.version_id = ${version} AND ${d}.lineage_id = ${t}.duty_lineage_id AND ${d}.id <> ${t}.duty_id`;

const retiredReason = (continued: boolean) =>
  continued
    ? '职责已不再纳入跟踪'
    : '法规新版本中没有延续该职责（条文删除，或修改后的职责映射未确认）';
const RESTORED_REASON = '职责重新纳入跟踪';

/**
 * Generates the cycle's tasks: every tracked government duty of the cycle's regulation version
 * × every unit of the cycle's province at a level the duty applies to. Idempotent and incremental: existing tasks keep
 * their progress and departments; new tracked duties add tasks; tasks whose duty is no longer
 * tracked, or has no successor in the cycle's version, are retired (never deleted) and restored
 * if it is tracked again.
 *
 * Tasks follow their duty's lineage: after the cycle moved to a newer version (or a mapping
 * gave a duty an older lineage), a task whose lineage continues in the cycle's version points at
 * that version's duty, keeping its status, history and evidence.
 *
 * Existing tasks also follow their duty's lead department: a review that changed it after the
 * tasks were generated would otherwise never reach them (the INSERT below only creates missing
 * tasks). Tasks a person placed (an approved or direct 转办) and verified tasks stay where they are.
 *
 * `at` dates the new tasks' 'created' events (default now()): a data set built after the fact
 * (the analytics benchmark) records when its cycle was generated, as the append-only history
 * cannot be corrected later.
 */
export async function generateTasks(
  manager: EntityManager,
  cycle: { id: string; regulationVersionId: string; dueDate: string; provinceCode: string },
  actor: string,
  at?: Date,
): Promise<GenerationResult> {
  const followed = await followLineages(manager, cycle, actor);
  const leadsFollowed = await followDutyLeads(
    manager,
    { cycleId: cycle.id },
    {
      actor,
      via: 'REGENERATION',
      reason: '职责的牵头部门已调整，重新生成任务时任务随之转由新的牵头部门办理',
    },
  );
  const created: Array<{ id: string; unit_code: string; duty_id: string; due_date: string }> =
    await manager.query(
      `INSERT INTO task (id, cycle_id, duty_lineage_id, duty_id, unit_code, lead_department_id, status, due_date, created_by, updated_by)
     SELECT gen_random_uuid(), $1, d.lineage_id, d.id, u.code, dep.id, 'NOT_STARTED', coalesce(o.due_date, $3::date), $4, $4
       ${PLANNED_TASKS('$1', '$2', '$5', '$6')}
     ON CONFLICT (cycle_id, duty_lineage_id, unit_code) DO NOTHING
     RETURNING id, unit_code, duty_id, due_date::text`,
      [
        cycle.id,
        cycle.regulationVersionId,
        cycle.dueDate,
        actor,
        DEFAULT_LEAD_DEPARTMENT_CODE,
        cycle.provinceCode,
      ],
    );
  if (created.length) {
    await manager.query(
      `INSERT INTO task_assist (task_id, department_id)
       SELECT t.id, dep.id
         FROM task t
         JOIN duty_department a ON a.duty_id = t.duty_id AND a.role = 'assist'
         JOIN department dep ON dep.unit_code = t.unit_code AND dep.kind_code = a.department_code
        WHERE t.id = ANY ($1::uuid[])
       ON CONFLICT DO NOTHING`,
      [created.map((t) => t.id)],
    );
    await recordTaskEvents(
      manager,
      created.map((t) => ({
        taskId: t.id,
        unitCode: t.unit_code,
        cycleId: cycle.id,
        actorUsername: actor,
        kind: 'created',
        after: { status: 'NOT_STARTED', dueDate: t.due_date, dutyId: t.duty_id },
        occurredAt: at,
      })),
    );
  }
  const retired = await updateReturning<{ id: string; unit_code: string; continued: boolean }>(
    manager,
    `UPDATE task SET retired_at = now(), row_version = row_version + 1, updated_by = $3, updated_at = now()
      WHERE ${TO_RETIRE('task', '$1', '$2')}
     RETURNING id, unit_code, ${CONTINUED('task', '$2')} AS continued`,
    [cycle.id, cycle.regulationVersionId, actor],
  );
  const restored = await updateReturning<{ id: string; unit_code: string }>(
    manager,
    `UPDATE task SET retired_at = NULL, row_version = row_version + 1, updated_by = $3, updated_at = now()
      WHERE ${TO_RESTORE('task', '$1', '$2')}
     RETURNING id, unit_code`,
    [cycle.id, cycle.regulationVersionId, actor],
  );
  const events = [
    ...retired.map((t) => ({
      ...t,
      kind: 'retired',
      reason: retiredReason(t.continued),
    })),
    ...restored.map((t) => ({ ...t, kind: 'restored', reason: RESTORED_REASON })),
  ];
  await recordTaskEvents(
    manager,
    events.map((t) => ({
      taskId: t.id,
      unitCode: t.unit_code,
      cycleId: cycle.id,
      actorUsername: actor,
      kind: t.kind,
      reason: t.reason,
    })),
  );
  const [{ total }] = await manager.query(
    `SELECT count(*)::int AS total FROM task WHERE cycle_id = $1 AND retired_at IS NULL`,
    [cycle.id],
  );
  return {
    followed,
    leadsFollowed: leadsFollowed.length,
    created: created.length,
    retired: retired.length,
    restored: restored.length,
    total,
  };
}

/**
 * Points every task of the cycle (retired ones too, so a restored task shows the current text)
 * at the duty of the cycle's version with the task's lineage, where that is another duty; one
 * `duty_followed` event per task. Returns how many tasks moved.
 */
async function followLineages(
  manager: EntityManager,
  cycle: { id: string; regulationVersionId: string },
  actor: string,
): Promise<number> {
  const moved = await updateReturning<{
    id: string;
    unit_code: string;
    before_duty: string;
    after_duty: string;
    before_version: number;
    after_version: number;
  }>(
    manager,
    `UPDATE task t SET duty_id = d.id, row_version = t.row_version + 1, updated_by = $3, updated_at = now()
       FROM task old, duty d, duty od, regulation_version nv, regulation_version ov
      WHERE old.id = t.id AND ${LINEAGE_MOVES('t', 'd', '$1', '$2')}
        AND od.id = old.duty_id AND nv.id = d.version_id AND ov.id = od.version_id
     RETURNING t.id, t.unit_code, old.duty_id AS before_duty, d.id AS after_duty,
               ov.version_number AS before_version, nv.version_number AS after_version`,
    [cycle.id, cycle.regulationVersionId, actor],
  );
  await recordTaskEvents(
    manager,
    moved.map((t) => ({
      taskId: t.id,
      unitCode: t.unit_code,
      cycleId: cycle.id,
      actorUsername: actor,
      kind: 'duty_followed',
      before: { dutyId: t.before_duty, versionNumber: t.before_version },
      after: { dutyId: t.after_duty, versionNumber: t.after_version },
      reason: '职责在法规新版本中延续，任务改为对应新版本的职责，进展和佐证材料保留',
    })),
  );
  return moved.length;
}

/** One duty whose tasks a regeneration would add, retire or restore. */
export interface PlannedDutyChange {
  dutyId: string;
  lineageId: string;
  articleNumber: number;
  text: string;
  /** Tasks concerned (one per unit). */
  tasks: number;
  /** Why the tasks retire (the reason their history will record); null for added and restored. */
  reason: string | null;
}

/** Tasks of one duty whose lead department (牵头部门) a regeneration would move, by kind. */
export interface PlannedLeadChange {
  dutyId: string;
  lineageId: string;
  articleNumber: number;
  text: string;
  /** The department kind leading them now, e.g. 市场监督管理. */
  fromDepartment: string;
  /** The duty's reviewed lead department kind they move to. */
  toDepartment: string;
  tasks: number;
}

export interface RegenerationPlan {
  /** Tasks that would point at their duty's successor in the cycle's version. */
  followed: number;
  /** Tasks whose lead department would follow their duty's reviewed lead. */
  leadsFollowed: number;
  created: number;
  retired: number;
  restored: number;
  /** Active tasks after the regeneration. */
  total: number;
  added: PlannedDutyChange[];
  retiring: PlannedDutyChange[];
  restoring: PlannedDutyChange[];
  /** By duty and department: the lead department changes (after duty reviews). */
  leadChanges: PlannedLeadChange[];
}

/**
 * What `generateTasks` would do to the cycle now, by duty, without writing anything: the same
 * rules (the fragments above), read instead of applied. Run it in a read-only transaction to
 * see one snapshot.
 */
export async function planRegeneration(
  manager: EntityManager,
  cycle: { id: string; regulationVersionId: string; provinceCode: string },
): Promise<RegenerationPlan> {
  const params = [cycle.id, cycle.regulationVersionId];
  type Row = {
    duty_id: string;
    lineage_id: string;
    article_number: number;
    text: string;
    tasks: number;
    continued?: boolean;
  };
  // The INSERT's rows that its ON CONFLICT (cycle, lineage, unit) would not skip.
  const added: Row[] = await manager.query(
    `SELECT d.id AS duty_id, d.lineage_id, d.text,
            (SELECT a.number FROM regulation_article a WHERE a.id = d.article_id) AS article_number,
            count(DISTINCT u.code)::int AS tasks
       ${PLANNED_TASKS('$1', '$2', '$3', '$4')}
        AND NOT EXISTS (SELECT 1 FROM task x
                         WHERE x.cycle_id = $1 AND x.duty_lineage_id = d.lineage_id AND x.unit_code = u.code)
      GROUP BY d.id
      ORDER BY article_number, d.item_number, d.sequence`,
    [...params, DEFAULT_LEAD_DEPARTMENT_CODE, cycle.provinceCode],
  );
  // Tasks shown by the duty they will point at (their lineage's duty in the cycle's version,
  // where there is one), else by their own.
  const byDuty = (where: string, extra = '') => `
      SELECT coalesce(vd.id, td.id) AS duty_id, t.duty_lineage_id AS lineage_id,
             a.number AS article_number, coalesce(vd.text, td.text) AS text,
             count(*)::int AS tasks${extra}
        FROM task t
        JOIN duty td ON td.id = t.duty_id
        LEFT JOIN duty vd ON vd.version_id = $2 AND vd.lineage_id = t.duty_lineage_id
        JOIN regulation_article a ON a.id = coalesce(vd.article_id, td.article_id)
       WHERE ${where}
       GROUP BY 1, 2, 3, 4
       ORDER BY a.number, min(coalesce(vd.item_number, td.item_number)), min(coalesce(vd.sequence, td.sequence))`;
  const retiring: Row[] = await manager.query(
    byDuty(TO_RETIRE('t', '$1', '$2'), `, bool_or(${CONTINUED('t', '$2')}) AS continued`),
    params,
  );
  const restoring: Row[] = await manager.query(byDuty(TO_RESTORE('t', '$1', '$2')), params);
  // generateTasks moves leads after the tasks followed their lineage: the rule is applied to
  // the duty each task will point at (its lineage's duty in the cycle's version, else its own).
  const leadChanges: Array<{
    duty_id: string;
    lineage_id: string;
    article_number: number;
    text: string;
    from_department: string;
    to_department: string;
    tasks: number;
  }> = await manager.query(
    `SELECT d.id AS duty_id, t.duty_lineage_id AS lineage_id, a.number AS article_number, d.text,
            fk.name AS from_department, tk.name AS to_department, count(*)::int AS tasks
       FROM task t
       JOIN LATERAL (SELECT coalesce((SELECT vd.id FROM duty vd
                                       WHERE vd.version_id = $2 AND vd.lineage_id = t.duty_lineage_id),
                                     t.duty_id) AS id) eff ON true
       ${BEHIND_DUTY_LEAD_JOINS('eff.id', '$3')}
       JOIN duty d ON d.id = eff.id
       JOIN regulation_article a ON a.id = d.article_id
       JOIN department_kind fk ON fk.code = od.kind_code
       JOIN department_kind tk ON tk.code = nd.kind_code
      WHERE t.cycle_id = $1 AND ${BEHIND_DUTY_LEAD_WHERE}
      GROUP BY d.id, t.duty_lineage_id, a.number, d.text, fk.name, tk.name, fk.sort_order, tk.sort_order
      ORDER BY a.number, min(d.item_number), min(d.sequence), fk.sort_order, tk.sort_order`,
    [...params, DEFAULT_LEAD_DEPARTMENT_CODE],
  );
  const [{ followed, active }] = await manager.query(
    `SELECT (SELECT count(*)::int FROM task t, duty d WHERE ${LINEAGE_MOVES('t', 'd', '$1', '$2')}) AS followed,
            (SELECT count(*)::int FROM task WHERE cycle_id = $1 AND retired_at IS NULL) AS active`,
    params,
  );
  const change =
    (retire: boolean) =>
    (r: Row): PlannedDutyChange => ({
      dutyId: r.duty_id,
      lineageId: r.lineage_id,
      articleNumber: r.article_number,
      text: r.text,
      tasks: r.tasks,
      reason: retire ? retiredReason(!!r.continued) : null,
    });
  const sum = (rows: ReadonlyArray<{ tasks: number }>) => rows.reduce((n, r) => n + r.tasks, 0);
  const [created, retired, restored] = [sum(added), sum(retiring), sum(restoring)];
  return {
    followed,
    leadsFollowed: sum(leadChanges),
    created,
    retired,
    restored,
    total: active + created + restored - retired,
    added: added.map(change(false)),
    retiring: retiring.map(change(true)),
    restoring: restoring.map(change(false)),
    leadChanges: leadChanges.map((r) => ({
      dutyId: r.duty_id,
      lineageId: r.lineage_id,
      articleNumber: r.article_number,
      text: r.text,
      fromDepartment: r.from_department,
      toDepartment: r.to_department,
      tasks: r.tasks,
    })),
  };
}
