import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { TasksDetailDocument } from '../../../graphql/generated/graphql';
import type { TaskDetail } from '../graphql/types';

export interface UseTaskDetailResult {
  task: TaskDetail | undefined;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
  /** Reloads the task (e.g. after an upload over REST); resolves when done. */
  refresh: () => Promise<void>;
}

export function useTaskDetail(id: string): UseTaskDetailResult {
  const { data, loading, error, refetch } = useQuery(TasksDetailDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const refresh = useCallback(async () => {
    await refetch().catch(() => undefined);
  }, [refetch]);
  const retry = useCallback(() => void refresh(), [refresh]);
  return { task: data?.task, loading: loading && !data, error: appError, retry, refresh };
}
