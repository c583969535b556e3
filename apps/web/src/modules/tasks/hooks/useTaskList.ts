import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { TasksListDocument } from '../../../graphql/generated/graphql';
import type { SortDirection, TaskFilterInput, TaskListRow, TaskSort } from '../graphql/types';

export interface TaskListPageRequest {
  sort: TaskSort;
  direction: SortDirection;
  /** Rows per page. */
  pageSize: number;
  /** Rows before the page (page-number paging on the server). */
  offset: number;
}

export interface UseTaskListResult {
  tasks: TaskListRow[];
  totalCount: number;
  /** The first answer has not arrived yet (later pages keep showing the previous rows). */
  initialLoading: boolean;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/**
 * One page of tasks, found, sorted and paged by the server (`offset` + `first`): any page
 * number can be opened directly, and the page is part of the URL. While the next page loads the
 * previous rows stay on screen.
 */
export function useTaskList(
  filter: TaskFilterInput,
  page: TaskListPageRequest,
  skip: boolean,
): UseTaskListResult {
  const { data, previousData, loading, error, refetch } = useQuery(TasksListDocument, {
    variables: {
      filter,
      first: page.pageSize,
      offset: page.offset,
      sort: page.sort,
      direction: page.direction,
    },
    skip,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    tasks: shown?.tasks.nodes ?? [],
    totalCount: shown?.tasks.totalCount ?? 0,
    initialLoading: loading && !shown,
    loading,
    error: appError,
    retry,
  };
}
