import type { EntityManager } from 'typeorm';
import type { NotificationRequest } from './notification.service';

interface TaskLike {
  id: string;
  unitCode: string;
  leadDepartmentId: string;
  cycleId: string;
}

/** 「第12条 … （武昌区）」: what a notification calls a task. */
export async function taskLabel(manager: EntityManager, taskId: string): Promise<string> {
  const [row] = (await manager.query(
    `SELECT u.name AS unit_name, a.number AS article, d.subject
       FROM task t JOIN admin_unit u ON u.code = t.unit_code
       JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
      WHERE t.id = $1`,
    [taskId],
  )) as Array<TaskLabelParts>;
  return formatTaskLabel(row);
}

/** What {@link taskLabel} reads: the unit's name, the article's number, the duty's subject. */
export interface TaskLabelParts {
  unit_name: string;
  article: number;
  subject: string | null;
}

/** The label of a task from parts read with it (none: the generic「任务」). */
export function formatTaskLabel(row: TaskLabelParts | undefined): string {
  if (!row || row.article === null || row.article === undefined) return '任务';
  return `第${row.article}条 ${shorten(row.subject ?? '', 30)}（${row.unit_name}）`;
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const operatorsOf = (task: TaskLike) => ({
  unitOperators: [{ unitCode: task.unitCode, departmentId: task.leadDepartmentId }],
});

/** A supervisor returned (退回) or verified (审核通过) a task: its operators hear it. */
export async function taskReviewedNotification(
  manager: EntityManager,
  task: TaskLike,
  status: 'RETURNED' | 'VERIFIED',
  reason: string | undefined,
  actor: string,
  /** The task's label when the caller read it already (formatTaskLabel). */
  knownLabel?: string,
): Promise<NotificationRequest> {
  const label = knownLabel ?? (await taskLabel(manager, task.id));
  if (status === 'RETURNED') {
    return {
      kind: 'TASK_RETURNED',
      recipients: operatorsOf(task),
      title: `任务被退回：${label}`,
      body: `督导 ${actor} 退回了任务「${label}」，原因：${reason?.trim() || '（未填写）'}。请按意见修改后重新提交。`,
      link: `/tasks/${task.id}`,
      taskId: task.id,
      unitCode: task.unitCode,
    };
  }
  return {
    kind: 'TASK_VERIFIED',
    recipients: operatorsOf(task),
    title: `任务审核通过：${label}`,
    body: `督导 ${actor} 审核通过了任务「${label}」，该任务已办结。`,
    link: `/tasks/${task.id}`,
    taskId: task.id,
    unitCode: task.unitCode,
  };
}

/** An extension request (延期申请) was approved or refused: the task's operators hear it. */
export async function extensionDecidedNotification(
  manager: EntityManager,
  task: TaskLike,
  decision: { approved: boolean; dueDate: string; note?: string | null; actor: string },
): Promise<NotificationRequest> {
  const label = await taskLabel(manager, task.id);
  const note = decision.note?.trim() ? `，意见：${decision.note.trim()}` : '';
  return {
    kind: 'EXTENSION_DECIDED',
    recipients: operatorsOf(task),
    title: `延期申请${decision.approved ? '已批准' : '未批准'}：${label}`,
    body: decision.approved
      ? `督导 ${decision.actor} 批准了任务「${label}」的延期申请，新的截止日期为 ${decision.dueDate}${note}。`
      : `督导 ${decision.actor} 未批准任务「${label}」的延期申请，截止日期仍为 ${decision.dueDate}${note}。`,
    link: `/tasks/${task.id}`,
    taskId: task.id,
    unitCode: task.unitCode,
  };
}

/**
 * A cycle opened (tasks generated): one TASK_ASSIGNED per unit and lead department to its
 * operators — 「本周期为您生成了 N 项任务」, not one per task — and CYCLE_OPENED to the
 * supervisors over the units. Dedupe keys make a repeated call (regeneration) add nothing for
 * departments already told.
 */
export async function cycleOpenedNotifications(
  manager: EntityManager,
  cycle: { id: string; title: string; dueDate: string },
): Promise<NotificationRequest[]> {
  const groups = (await manager.query(
    `SELECT t.unit_code, t.lead_department_id, count(*)::int AS n, min(t.due_date)::text AS first_due
       FROM task t WHERE t.cycle_id = $1 AND t.retired_at IS NULL
      GROUP BY t.unit_code, t.lead_department_id`,
    [cycle.id],
  )) as Array<{ unit_code: string; lead_department_id: string; n: number; first_due: string }>;
  const requests: NotificationRequest[] = groups.map((g) => ({
    kind: 'TASK_ASSIGNED',
    recipients: { unitOperators: [{ unitCode: g.unit_code, departmentId: g.lead_department_id }] },
    title: `新的考核任务：${cycle.title}`,
    body: `本周期为您生成了 ${g.n} 项任务（${cycle.title}），最早截止日期 ${g.first_due}。请在任务列表中签收并按期办理。`,
    link: '/tasks',
    unitCode: g.unit_code,
    dedupeKey: `assigned:${cycle.id}:${g.unit_code}:${g.lead_department_id}`,
  }));
  const units = [...new Set(groups.map((g) => g.unit_code))];
  if (units.length > 0) {
    requests.push({
      kind: 'CYCLE_OPENED',
      recipients: { supervisorsOf: units },
      title: `考核周期已开启：${cycle.title}`,
      body: `「${cycle.title}」已生成 ${groups.reduce((s, g) => s + g.n, 0)} 项任务，截止日期 ${cycle.dueDate}。`,
      link: '/tasks',
      dedupeKey: `cycle-opened:${cycle.id}`,
    });
  }
  return requests;
}

/** A cycle closed: everyone with tasks in it (operators) and the supervisors over them. */
export async function cycleClosedNotifications(
  manager: EntityManager,
  cycle: { id: string; title: string },
  closedAt: Date,
): Promise<NotificationRequest[]> {
  const units = (
    (await manager.query(
      `SELECT DISTINCT unit_code FROM task WHERE cycle_id = $1 AND retired_at IS NULL`,
      [cycle.id],
    )) as Array<{ unit_code: string }>
  ).map((r) => r.unit_code);
  if (units.length === 0) return [];
  const body = `「${cycle.title}」已关闭，任务转为只读，考核结果已固化。`;
  const key = `cycle-closed:${cycle.id}:${closedAt.toISOString()}`;
  return [
    {
      kind: 'CYCLE_CLOSED',
      recipients: { unitOperators: units.map((unitCode) => ({ unitCode })) },
      title: `考核周期已关闭：${cycle.title}`,
      body,
      link: '/tasks',
      dedupeKey: key,
    },
    {
      kind: 'CYCLE_CLOSED',
      recipients: { supervisorsOf: units },
      title: `考核周期已关闭：${cycle.title}`,
      body,
      link: '/tasks',
      dedupeKey: key,
    },
  ];
}
