import { useQuery } from '@apollo/client/react';
import { toAppError } from '../../../graphql/errors';
import { TasksReturnedDocument } from '../../../graphql/generated/graphql';
import type { ReturnedTask } from '../graphql/types';

/**
 * The operator's returned tasks of a cycle, each with the supervisor's latest return (reason,
 * who, when), so they can be listed first; skipped for other roles.
 */
export function useReturnedTasks(cycleId: string | undefined, enabled: boolean) {
  const { data, error, refetch } = useQuery(TasksReturnedDocument, {
    variables: { filter: { cycleId, statuses: ['RETURNED'] } },
    skip: !enabled || !cycleId,
    fetchPolicy: 'cache-and-network',
  });
  return {
    tasks: data?.tasks.nodes ?? ([] as ReturnedTask[]),
    totalCount: data?.tasks.totalCount ?? 0,
    error: error ? toAppError(error) : undefined,
    retry: () => void refetch(),
  };
}
