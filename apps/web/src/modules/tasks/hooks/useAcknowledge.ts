import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  AcknowledgeCountsDocument,
  AcknowledgeTasksDocument,
} from '../../../graphql/generated/graphql';

/** 签收 of one or several tasks; resolves with how many the server returned. */
export function useAcknowledgeTasks() {
  const [mutate, state] = useMutation(AcknowledgeTasksDocument);
  const acknowledge = useCallback(
    async (ids: string[]) => {
      const result = await mutate({ variables: { ids } });
      return result.data?.acknowledgeTasks.length ?? 0;
    },
    [mutate],
  );
  return { acknowledge, acknowledging: state.loading };
}

/** 待签收 tasks per unit of a cycle (supervisors). */
export function useAcknowledgeCounts(cycleId: string | undefined, skip: boolean) {
  const { data, loading, error, refetch } = useQuery(AcknowledgeCountsDocument, {
    variables: { cycleId: cycleId ?? '' },
    skip: skip || !cycleId,
    fetchPolicy: 'cache-and-network',
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  return {
    counts: data?.unacknowledgedTaskCounts ?? [],
    loading: loading && !data,
    error: appError,
    retry: () => void refetch().catch(() => undefined),
  };
}
