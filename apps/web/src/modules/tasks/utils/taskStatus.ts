import type { TaskStatus } from '../graphql/types';

/** Every stored status, in workflow order (OVERDUE is derived, see Task.overdue). */
export const TASK_STATUSES: readonly TaskStatus[] = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'SUBMITTED',
  'RETURNED',
  'VERIFIED',
];

export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

/** Tag colours: a returned task stands out in red, a verified one in green. */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'gold',
  RETURNED: 'red',
  VERIFIED: 'green',
};

/** Returning and reopening need a reason (the API refuses them without one). */
export function transitionNeedsReason(from: TaskStatus, to: TaskStatus): boolean {
  return to === 'RETURNED' || (from === 'VERIFIED' && to === 'IN_PROGRESS');
}

/** The kind of a transition, which names its button. */
export type TransitionAction = 'start' | 'submit' | 'verify' | 'return' | 'reopen' | 'resume';

export function transitionAction(from: TaskStatus, to: TaskStatus): TransitionAction {
  if (to === 'SUBMITTED') return 'submit';
  if (to === 'VERIFIED') return 'verify';
  if (to === 'RETURNED') return 'return';
  if (from === 'VERIFIED') return 'reopen';
  if (from === 'RETURNED') return 'resume';
  return 'start';
}

/** Evidence cannot change while the task waits for or has passed verification. */
export function evidenceFrozen(status: TaskStatus): boolean {
  return status === 'SUBMITTED' || status === 'VERIFIED';
}
