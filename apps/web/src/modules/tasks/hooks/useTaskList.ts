import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { TasksListDocument } from '../../../graphql/generated/graphql';
import type { TaskFilterInput, TaskListRow, TaskSort } from '../graphql/types';

export const TASK_PAGE_SIZE = 50;

export interface UseTaskListResult {
  tasks: TaskListRow[];
  totalCount: number;
  /** 1-based. */
  page: number;
  hasNext: boolean;
  next: () => void;
  prev: () => void;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/**
 * One page of tasks with cursor pagination: the cursors of the pages seen so far are kept, so
 * "previous" goes back without the API offering backward cursors. A new filter or sort starts
 * again at the first page.
 */
export function useTaskList(
  filter: TaskFilterInput,
  sort: TaskSort,
  skip: boolean,
): UseTaskListResult {
  const key = JSON.stringify([filter, sort]);
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | null> }>({
    key,
    cursors: [null],
  });
  const cursors = useMemo(() => (paging.key === key ? paging.cursors : [null]), [paging, key]);
  const after = cursors[cursors.length - 1];
  const { data, previousData, loading, error, refetch } = useQuery(TasksListDocument, {
    variables: { filter, first: TASK_PAGE_SIZE, after, sort },
    skip,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const endCursor = data?.tasks.pageInfo.endCursor ?? null;
  const hasNext = !!data?.tasks.pageInfo.hasNextPage && !!endCursor;
  const next = useCallback(() => {
    if (!endCursor) return;
    setPaging({ key, cursors: [...cursors, endCursor] });
  }, [key, cursors, endCursor]);
  const prev = useCallback(() => {
    if (cursors.length > 1) setPaging({ key, cursors: cursors.slice(0, -1) });
  }, [key, cursors]);
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    tasks: shown?.tasks.nodes ?? [],
    totalCount: shown?.tasks.totalCount ?? 0,
    page: cursors.length,
    hasNext,
    next,
    prev,
    loading,
    error: appError,
    retry,
  };
}
