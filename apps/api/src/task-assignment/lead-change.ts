import { DEFAULT_LEAD_DEPARTMENT_CODE } from '@duty/regulation/duties';
import { EntityManager } from 'typeorm';
import { updateReturning } from '../common/query-helpers';
import { recordTaskEvents } from '../task/task-events';

/** Why a task's lead department changed (recorded in the `reassigned` history event). */
export type LeadChangeVia = 'REQUEST' | 'DIRECT' | 'DUTY_REVIEW' | 'REGENERATION';

export interface LeadChange {
  taskId: string;
  fromDepartmentId: string;
  toDepartmentId: string;
}

export interface AppliedLeadChange extends LeadChange {
  unitCode: string;
  cycleId: string;
  /** The new lead was an assisting department: the former lead now assists instead. */
  swappedWithAssist: boolean;
}

export interface LeadChangeContext {
  actor: string;
  via: LeadChangeVia;
  reason: string;
  ip?: string | null;
  reassignmentId?: string;
  /** Extra facts for the history entry (e.g. the reviewed duty). */
  detail?: Record<string, unknown>;
}

/**
 * Moves tasks' lead department (牵头部门), the one way it ever changes after generation:
 * - only where the task is still led by `fromDepartmentId` (a concurrent move wins, nothing is
 *   overwritten: such a task is left out of the result);
 * - the row version goes up and the acknowledgement (签收) is reset: the new department has to
 *   acknowledge the task itself;
 * - when the new lead was an assisting department (配合), it stops assisting and the former lead
 *   assists in its place, so nobody who worked on the task loses sight of it;
 * - one `reassigned` history event per task, with before/after and the reason.
 */
export async function applyLeadChanges(
  manager: EntityManager,
  changes: LeadChange[],
  context: LeadChangeContext,
): Promise<AppliedLeadChange[]> {
  if (changes.length === 0) return [];
  const rows = await updateReturning<{
    id: string;
    unit_code: string;
    cycle_id: string;
    from_dep: string;
    to_dep: string;
    acknowledged_at: Date | null;
    acknowledged_by: string | null;
    was_assisting: boolean;
  }>(
    manager,
    `UPDATE task t
        SET lead_department_id = c.to_dep, acknowledged_at = NULL, acknowledged_by = NULL,
            row_version = t.row_version + 1, updated_by = $4, updated_at = now()
       FROM task old, unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS c(task_id, from_dep, to_dep)
      WHERE old.id = t.id AND t.id = c.task_id AND t.lead_department_id = c.from_dep
     RETURNING t.id, t.unit_code, t.cycle_id, c.from_dep, c.to_dep,
               old.acknowledged_at, old.acknowledged_by,
               EXISTS (SELECT 1 FROM task_assist a WHERE a.task_id = t.id AND a.department_id = c.to_dep) AS was_assisting`,
    [
      changes.map((c) => c.taskId),
      changes.map((c) => c.fromDepartmentId),
      changes.map((c) => c.toDepartmentId),
      context.actor,
    ],
  );
  if (rows.length === 0) return [];
  const swapped = rows.filter((r) => r.was_assisting);
  if (swapped.length) {
    // The former lead keeps its view of the task as an assisting department.
    await manager.query(
      `DELETE FROM task_assist a USING unnest($1::uuid[], $2::uuid[]) AS s(task_id, dep)
        WHERE a.task_id = s.task_id AND a.department_id = s.dep`,
      [swapped.map((r) => r.id), swapped.map((r) => r.to_dep)],
    );
    await manager.query(
      `INSERT INTO task_assist (task_id, department_id, updated_by, updated_at)
       SELECT s.task_id, s.dep, $3, now() FROM unnest($1::uuid[], $2::uuid[]) AS s(task_id, dep)
       ON CONFLICT DO NOTHING`,
      [swapped.map((r) => r.id), swapped.map((r) => r.from_dep), context.actor],
    );
  }
  const names = await departmentNames(
    manager,
    rows.flatMap((r) => [r.from_dep, r.to_dep]),
  );
  await recordTaskEvents(
    manager,
    rows.map((r) => ({
      taskId: r.id,
      unitCode: r.unit_code,
      cycleId: r.cycle_id,
      actorUsername: context.actor,
      kind: 'reassigned',
      before: {
        leadDepartmentId: r.from_dep,
        leadDepartment: names.get(r.from_dep) ?? null,
        acknowledgedAt: r.acknowledged_at,
        acknowledgedBy: r.acknowledged_by,
      },
      after: {
        leadDepartmentId: r.to_dep,
        leadDepartment: names.get(r.to_dep) ?? null,
        via: context.via,
        formerLeadAssists: r.was_assisting,
        ...(context.reassignmentId ? { reassignmentId: context.reassignmentId } : {}),
        ...(context.detail ?? {}),
      },
      reason: context.reason,
      ip: context.ip ?? null,
    })),
  );
  return rows.map((r) => ({
    taskId: r.id,
    unitCode: r.unit_code,
    cycleId: r.cycle_id,
    fromDepartmentId: r.from_dep,
    toDepartmentId: r.to_dep,
    swappedWithAssist: r.was_assisting,
  }));
}

export async function departmentNames(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, string>> {
  const rows: Array<{ id: string; name: string }> = await manager.query(
    `SELECT id, name FROM department WHERE id = ANY ($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The rule of lead propagation as SQL over a task `t` (JOINs, then the WHERE conditions):
 * `od` is the task's lead department, `nd` the department of its unit that should lead it.
 * `duty` is the SQL expression of the task's duty id: `t.duty_id`, or for a preview the duty
 * the task will point at once it followed its lineage. Shared by the propagation and the
 * regeneration preview, so the preview predicts exactly what the regeneration moves.
 */
export const BEHIND_DUTY_LEAD_JOINS = (duty: string, defaultLead: string) => `
       JOIN assessment_cycle c ON c.id = t.cycle_id AND c.state = 'open'
       JOIN department od ON od.id = t.lead_department_id
       LEFT JOIN duty_department lead ON lead.duty_id = ${duty} AND lead.role = 'lead'
       JOIN department nd ON nd.unit_code = t.unit_code
                         AND nd.kind_code = coalesce(lead.department_code, ${defaultLead})`;
export const BEHIND_DUTY_LEAD_WHERE = `t.retired_at IS NULL AND t.status <> 'VERIFIED'
        AND od.kind_code <> nd.kind_code
        AND NOT EXISTS (SELECT 1 FROM task_reassignment r
                         WHERE r.task_id = t.id AND r.status IN ('APPROVED', 'APPLIED'))`;

/**
 * The tasks whose lead department should follow their duty's lead department kind: tasks of
 * open cycles, not retired, not yet verified (办结 work stays credited to who did it), never
 * placed by a person (no approved or applied 转办), led by a department of another kind than
 * the duty's lead (the default lead kind when the duty names none), in a unit that has a
 * department of the duty's lead kind. `fromKind` restricts to tasks still led by that kind
 * (a review moves only tasks still at the previous duty-level lead).
 */
export async function tasksBehindDutyLead(
  manager: EntityManager,
  scope: { dutyId?: string; cycleId?: string; fromKind?: string },
): Promise<LeadChange[]> {
  const rows: Array<{ id: string; from_dep: string; to_dep: string }> = await manager.query(
    `SELECT t.id, t.lead_department_id AS from_dep, nd.id AS to_dep
       FROM task t
       ${BEHIND_DUTY_LEAD_JOINS('t.duty_id', '$4')}
      WHERE ${BEHIND_DUTY_LEAD_WHERE}
        AND ($1::uuid IS NULL OR t.duty_id = $1)
        AND ($2::uuid IS NULL OR t.cycle_id = $2)
        AND ($3::text IS NULL OR od.kind_code = $3)
      ORDER BY t.id`,
    [
      scope.dutyId ?? null,
      scope.cycleId ?? null,
      scope.fromKind ?? null,
      DEFAULT_LEAD_DEPARTMENT_CODE,
    ],
  );
  return rows.map((r) => ({
    taskId: r.id,
    fromDepartmentId: r.from_dep,
    toDepartmentId: r.to_dep,
  }));
}

/**
 * Pending 转办 requests of tasks whose lead moved under them no longer make sense: they are
 * closed as REJECTED with the reason, so the requester sees why.
 */
export async function closeStaleRequests(
  manager: EntityManager,
  taskIds: string[],
  actor: string,
  reason: string,
): Promise<Array<{ id: string; task_id: string; requested_by: string }>> {
  if (taskIds.length === 0) return [];
  return updateReturning(
    manager,
    `UPDATE task_reassignment r SET status = 'REJECTED', decided_by = $2, decided_at = now(), decision_reason = $3
       FROM task t
      WHERE r.task_id = ANY ($1::uuid[]) AND r.status = 'PENDING' AND t.id = r.task_id
        AND t.lead_department_id <> r.from_department_id
     RETURNING r.id, r.task_id, r.requested_by`,
    [taskIds, actor, reason],
  );
}

/**
 * Lead propagation: the tasks behind their duty's lead department (see `tasksBehindDutyLead`)
 * move to it, each with a history entry; stale pending requests on them are closed.
 */
export async function followDutyLeads(
  manager: EntityManager,
  scope: { dutyId?: string; cycleId?: string; fromKind?: string },
  context: LeadChangeContext,
): Promise<AppliedLeadChange[]> {
  const behind = await tasksBehindDutyLead(manager, scope);
  const applied = await applyLeadChanges(manager, behind, context);
  await closeStaleRequests(
    manager,
    applied.map((a) => a.taskId),
    context.actor,
    '任务的牵头部门已随职责审核调整，本转办申请自动失效；如仍需转办，请重新申请。',
  );
  return applied;
}
