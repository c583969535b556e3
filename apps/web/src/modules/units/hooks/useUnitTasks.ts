import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { UnitsTasksDocument } from '../../../graphql/generated/graphql';
import type { UnitTask } from '../graphql/types';

/** Tasks per request (the API's maximum). */
export const UNIT_TASKS_PAGE_SIZE = 100;

export interface UseUnitTasksResult {
  tasks: readonly UnitTask[];
  totalCount: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: AppError | undefined;
  retry: () => void;
  loadMore: () => void;
}

/** The unit's tasks of a cycle, 100 at a time (`after` the last cursor on "load more"). */
export function useUnitTasks(cycleId: string | undefined, unitCode: string): UseUnitTasksResult {
  const { data, loading, error, refetch, fetchMore } = useQuery(UnitsTasksDocument, {
    variables: { filter: { cycleId, unitCode }, first: UNIT_TASKS_PAGE_SIZE },
    skip: !cycleId,
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<AppError>();
  const endCursor = data?.tasks.pageInfo.endCursor;

  const loadMore = useCallback(() => {
    if (!endCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        tasks: {
          ...fetchMoreResult.tasks,
          nodes: [...(previous.tasks?.nodes ?? []), ...fetchMoreResult.tasks.nodes],
        },
      }),
    })
      .catch((e: unknown) => setMoreError(toAppError(e)))
      .finally(() => setLoadingMore(false));
  }, [endCursor, fetchMore]);

  const retry = useCallback(() => {
    setMoreError(undefined);
    refetch().catch(() => undefined);
  }, [refetch]);
  const appError = useMemo(() => (error ? toAppError(error) : moreError), [error, moreError]);

  return {
    tasks: data?.tasks.nodes ?? [],
    totalCount: data?.tasks.totalCount ?? 0,
    hasMore: !!data?.tasks.pageInfo.hasNextPage,
    loading: loading && !loadingMore,
    loadingMore,
    error: appError,
    retry,
    loadMore,
  };
}
