import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { TasksCyclesDocument } from '../../../graphql/generated/graphql';
import type { TaskCycle } from '../graphql/types';

export interface UseTaskCyclesResult {
  cycles: TaskCycle[];
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/** Assessment cycles, newest first. */
export function useTaskCycles(): UseTaskCyclesResult {
  const { data, loading, error, refetch } = useQuery(TasksCyclesDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return { cycles: data?.cycles ?? [], loading: loading && !data, error: appError, retry };
}
