import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { ReviewTaskDocument, type ReviewTaskQuery } from '../../../graphql/generated/graphql';

export type ReviewTask = ReviewTaskQuery['task'];

/** The chosen task with its evidence, fresh from the server (its rowVersion is sent back). */
export function useReviewTask(taskId: string | undefined): {
  task: ReviewTask | undefined;
  loading: boolean;
  error: AppError | undefined;
  refetch: () => void;
} {
  const { data, loading, error, refetch } = useQuery(ReviewTaskDocument, {
    variables: { id: taskId ?? '' },
    skip: !taskId,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  // Only the chosen task: a previous one must not show while the next loads.
  const task = data?.task && data.task.id === taskId ? data.task : undefined;
  return { task, loading, error: appError, refetch: retry };
}
