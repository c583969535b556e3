import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { ReviewCyclesDocument, type ReviewCyclesQuery } from '../../../graphql/generated/graphql';

export type ReviewCycle = ReviewCyclesQuery['cycles'][number];

/** The assessment cycles, newest first. */
export function useReviewCycles(): {
  cycles: ReviewCycle[];
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
} {
  const { data, loading, error, refetch } = useQuery(ReviewCyclesDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return { cycles: data?.cycles ?? [], loading, error: appError, retry };
}
