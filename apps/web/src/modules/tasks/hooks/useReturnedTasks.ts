import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { TasksReturnedDocument } from '../../../graphql/generated/graphql';
import type { ReturnedTask, TaskHistoryEvent } from '../graphql/types';
import { latestReturn } from '../utils/history';

export interface ReturnedTaskWithReason {
  task: ReturnedTask;
  /** The supervisor's latest return event (reason, who, when). */
  returnEvent: Pick<TaskHistoryEvent, 'reason' | 'actorUsername' | 'occurredAt'> | undefined;
}

/**
 * The operator's returned tasks of a cycle with the supervisor's latest return reason, so they
 * can be listed first; skipped for other roles.
 */
export function useReturnedTasks(cycleId: string | undefined, enabled: boolean) {
  const { data } = useQuery(TasksReturnedDocument, {
    variables: { filter: { cycleId, statuses: ['RETURNED'] } },
    skip: !enabled || !cycleId,
    fetchPolicy: 'cache-and-network',
  });
  return useMemo<ReturnedTaskWithReason[]>(
    () =>
      (data?.tasks.nodes ?? []).map((task) => ({
        task,
        returnEvent: latestReturn(task.history),
      })),
    [data],
  );
}
