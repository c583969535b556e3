import { EntityManager } from 'typeorm';
import { NotificationService } from '../notification/notification.service';
import { AppliedLeadChange, departmentNames } from './lead-change';

/** What a notification says about a task: its unit and duty, short. */
export async function taskLabels(
  manager: EntityManager,
  taskIds: string[],
): Promise<Map<string, string>> {
  if (taskIds.length === 0) return new Map();
  const rows: Array<{ id: string; unit: string; subject: string }> = await manager.query(
    `SELECT t.id, u.name AS unit, d.subject
       FROM task t JOIN admin_unit u ON u.code = t.unit_code JOIN duty d ON d.id = t.duty_id
      WHERE t.id = ANY ($1::uuid[])`,
    [taskIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      `${r.unit}：${r.subject.length > 40 ? `${r.subject.slice(0, 40)}…` : r.subject}`,
    ]),
  );
}

/** TASK_REASSIGNED to the new lead department's operators, one per moved task. */
export async function notifyLeadChanges(
  notifications: NotificationService,
  manager: EntityManager,
  applied: AppliedLeadChange[],
  why: string,
  dedupePrefix?: string,
): Promise<void> {
  if (applied.length === 0) return;
  const labels = await taskLabels(
    manager,
    applied.map((a) => a.taskId),
  );
  const names = await departmentNames(
    manager,
    applied.flatMap((a) => [a.fromDepartmentId, a.toDepartmentId]),
  );
  await notifications.notify(
    manager,
    applied.map((a) => ({
      kind: 'TASK_REASSIGNED' as const,
      recipients: { unitOperators: [{ unitCode: a.unitCode, departmentId: a.toDepartmentId }] },
      title: `任务转办：${labels.get(a.taskId) ?? ''}`,
      body: `${why}：该任务的牵头部门由“${names.get(a.fromDepartmentId) ?? ''}”改为“${names.get(a.toDepartmentId) ?? ''}”，请及时签收并办理。`,
      link: `/tasks/${a.taskId}`,
      taskId: a.taskId,
      unitCode: a.unitCode,
      ...(dedupePrefix ? { dedupeKey: `${dedupePrefix}:${a.taskId}` } : {}),
    })),
  );
}
