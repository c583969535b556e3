import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  TasksListDocument,
  type TasksListQueryVariables,
} from '../../../graphql/generated/graphql';
import { prefetchQuery, usePrefetchedPolicy } from '../../../graphql/prefetch';
import type { SortDirection, TaskFilterInput, TaskListRow, TaskSort } from '../graphql/types';
import {
  DEFAULT_PAGE_SIZE,
  pageOffset,
  parseTaskFilters,
  toTaskFilterInput,
  type TaskListFilters,
} from '../utils/taskFilters';

export interface TaskListPageRequest {
  sort: TaskSort;
  direction: SortDirection;
  /** Rows per page. */
  pageSize: number;
  /** Rows before the page (page-number paging on the server). */
  offset: number;
}

export interface UseTaskListResult {
  /** The cycle of the rows (the one asked for, or the current one the server chose). */
  cycleId: string | undefined;
  /** An answer (rows or none) for the current request or an earlier one is there. */
  answered: boolean;
  tasks: TaskListRow[];
  totalCount: number;
  /** The first answer has not arrived yet (later pages keep showing the previous rows). */
  initialLoading: boolean;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/**
 * The filter and page the list asks for: the cycle in the address (`listCycleId`), or else the
 * server's current cycle (`currentCycle`), which the answer names.
 */
export function taskListRequest(
  filters: TaskListFilters,
  listCycleId: string | undefined,
): { filter: TaskFilterInput; page: TaskListPageRequest } {
  return {
    filter: listCycleId
      ? toTaskFilterInput(filters, listCycleId)
      : { ...toTaskFilterInput(filters, undefined), currentCycle: true },
    page: {
      sort: filters.sort ?? 'DUE_DATE',
      direction: filters.direction ?? 'ASC',
      pageSize: filters.pageSize ?? DEFAULT_PAGE_SIZE,
      offset: pageOffset(filters),
    },
  };
}

function listVariables(
  filter: TaskFilterInput,
  page: TaskListPageRequest,
): TasksListQueryVariables {
  return {
    filter,
    first: page.pageSize,
    offset: page.offset,
    sort: page.sort,
    direction: page.direction,
  };
}

/** /tasks opened from its address: its first page is asked for while the app starts. */
export function prefetchTaskList(client: ApolloClient, search: URLSearchParams): void {
  const filters = parseTaskFilters(search);
  const { filter, page } = taskListRequest(filters, filters.cycleId);
  prefetchQuery(client, TasksListDocument, listVariables(filter, page));
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
  const variables = listVariables(filter, page);
  const fetchPolicy = usePrefetchedPolicy(TasksListDocument, variables, 'cache-and-network');
  const { data, previousData, loading, error, refetch } = useQuery(TasksListDocument, {
    variables,
    skip,
    fetchPolicy,
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    cycleId: shown?.tasks.cycleId ?? undefined,
    answered: !!shown,
    tasks: shown?.tasks.nodes ?? [],
    totalCount: shown?.tasks.totalCount ?? 0,
    initialLoading: loading && !shown,
    loading,
    error: appError,
    retry,
  };
}
