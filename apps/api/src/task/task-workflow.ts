/** Task status (任务状态). OVERDUE is derived (past due, not submitted or verified), never stored. */
export enum TaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  VERIFIED = 'VERIFIED',
}

export const TASK_STATUS_ZH: Record<TaskStatus, string> = {
  NOT_STARTED: '未开始',
  IN_PROGRESS: '推进中',
  SUBMITTED: '已提交',
  RETURNED: '已退回',
  VERIFIED: '已核验',
};

/** Who acts on a task in a transition. */
export type TaskActor = 'operator' | 'verifier' | 'provincial';

interface Transition {
  from: TaskStatus;
  to: TaskStatus;
  by: TaskActor;
  /** A reason is required (return, reopen). */
  reason?: boolean;
}

/**
 * The status workflow. Operators (the task's unit and lead department) move their task up to
 * SUBMITTED; the supervisor of the unit's jurisdiction verifies or returns it; a verified task
 * is frozen unless a provincial supervisor reopens it with a reason.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: TaskStatus.NOT_STARTED, to: TaskStatus.IN_PROGRESS, by: 'operator' },
  { from: TaskStatus.NOT_STARTED, to: TaskStatus.SUBMITTED, by: 'operator' },
  { from: TaskStatus.IN_PROGRESS, to: TaskStatus.SUBMITTED, by: 'operator' },
  { from: TaskStatus.RETURNED, to: TaskStatus.IN_PROGRESS, by: 'operator' },
  { from: TaskStatus.SUBMITTED, to: TaskStatus.VERIFIED, by: 'verifier' },
  { from: TaskStatus.SUBMITTED, to: TaskStatus.RETURNED, by: 'verifier', reason: true },
  { from: TaskStatus.VERIFIED, to: TaskStatus.IN_PROGRESS, by: 'provincial', reason: true },
];

export function findTransition(from: TaskStatus, to: TaskStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The capacities a principal has on one task (computed from role, unit and department). */
export interface TaskCapacities {
  operator: boolean;
  verifier: boolean;
  provincial: boolean;
}

export function mayTransition(capacities: TaskCapacities, transition: Transition): boolean {
  return capacities[transition.by];
}

/** Derived: past due and neither submitted nor verified. */
export function isOverdue(status: TaskStatus, dueDate: string, today: string): boolean {
  return dueDate < today && status !== TaskStatus.SUBMITTED && status !== TaskStatus.VERIFIED;
}
