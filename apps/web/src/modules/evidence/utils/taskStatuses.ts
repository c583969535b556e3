import type { TaskStatus } from '../../../graphql/generated/graphql';

/** The task statuses in workflow order. */
export const TASK_STATUSES: readonly TaskStatus[] = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'SUBMITTED',
  'RETURNED',
  'VERIFIED',
];

export function isTaskStatus(value: string | null | undefined): value is TaskStatus {
  return !!value && (TASK_STATUSES as readonly string[]).includes(value);
}
