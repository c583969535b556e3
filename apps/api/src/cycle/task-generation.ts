import { DEFAULT_LEAD_DEPARTMENT_CODE } from '@duty/regulation/duties';
import { EntityManager } from 'typeorm';
import { updateReturning } from '../common/query-helpers';
import { recordTaskEvents } from '../task/task-events';
import { followDutyLeads } from '../task-assignment/lead-change';

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

/**
 * Generates the cycle's tasks: every tracked government duty of the cycle's regulation version
 * × every unit at a level the duty applies to. Idempotent and incremental: existing tasks keep
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
  cycle: { id: string; regulationVersionId: string; dueDate: string },
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
       FROM duty d
       JOIN admin_unit u ON u.level = ANY (d.levels)
       LEFT JOIN duty_department lead ON lead.duty_id = d.id AND lead.role = 'lead'
       JOIN department dep ON dep.unit_code = u.code AND dep.kind_code = coalesce(lead.department_code, $5)
       LEFT JOIN cycle_duty_due_date o ON o.cycle_id = $1 AND o.duty_lineage_id = d.lineage_id
      WHERE d.version_id = $2 AND d.tracked AND d.government_duty
     ON CONFLICT (cycle_id, duty_lineage_id, unit_code) DO NOTHING
     RETURNING id, unit_code, duty_id, due_date::text`,
      [cycle.id, cycle.regulationVersionId, cycle.dueDate, actor, DEFAULT_LEAD_DEPARTMENT_CODE],
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
  const tracked = `SELECT d.lineage_id FROM duty d WHERE d.version_id = $2 AND d.tracked AND d.government_duty`;
  const retired = await updateReturning<{ id: string; unit_code: string; continued: boolean }>(
    manager,
    `UPDATE task SET retired_at = now(), row_version = row_version + 1, updated_by = $3, updated_at = now()
      WHERE cycle_id = $1 AND retired_at IS NULL AND duty_lineage_id NOT IN (${tracked})
     RETURNING id, unit_code,
               EXISTS (SELECT 1 FROM duty d WHERE d.version_id = $2 AND d.lineage_id = task.duty_lineage_id) AS continued`,
    [cycle.id, cycle.regulationVersionId, actor],
  );
  const restored = await updateReturning<{ id: string; unit_code: string }>(
    manager,
    `UPDATE task SET retired_at = NULL, row_version = row_version + 1, updated_by = $3, updated_at = now()
      WHERE cycle_id = $1 AND retired_at IS NOT NULL AND duty_lineage_id IN (${tracked})
     RETURNING id, unit_code`,
    [cycle.id, cycle.regulationVersionId, actor],
  );
  const events = [
    ...retired.map((t) => ({
      ...t,
      kind: 'retired',
      reason: t.continued
        ? '职责已不再纳入跟踪'
        : '法规新版本中没有延续该职责（条文删除，或修改后的职责映射未确认）',
    })),
    ...restored.map((t) => ({ ...t, kind: 'restored', reason: '职责重新纳入跟踪' })),
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
      WHERE old.id = t.id AND t.cycle_id = $1
        AND d.version_id = $2 AND d.lineage_id = t.duty_lineage_id AND d.id <> t.duty_id
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
