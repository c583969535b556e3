import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { TaskLogEventsDocument } from '../../../graphql/generated/graphql';
import type { TaskEventFilterInput, TaskLogEvent } from '../graphql/types';

export const TASK_LOG_PAGE_SIZE = 50;

interface Page {
  nodes: TaskLogEvent[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The pages loaded with "load more" for one filter. */
interface MorePages {
  key: string;
  pages: Page[];
  loading: boolean;
  error: AppError | undefined;
}

export interface UseTaskLogResult {
  events: TaskLogEvent[];
  totalCount: number;
  hasMore: boolean;
  loadMore: () => void;
  /** The first page is loading. */
  loading: boolean;
  /** The first page failed. */
  error: AppError | undefined;
  retry: () => void;
  loadingMore: boolean;
  /** "Load more" failed (retried with loadMore). */
  moreError: AppError | undefined;
}

const pageOf = (data: {
  taskEvents: {
    nodes: TaskLogEvent[];
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}): Page => ({
  nodes: data.taskEvents.nodes,
  totalCount: data.taskEvents.totalCount,
  endCursor: data.taskEvents.pageInfo.endCursor,
  hasNextPage: data.taskEvents.pageInfo.hasNextPage,
});

/** By the time each event occurred, newest first; the same instant by id (the later entry first). */
export function newestFirst(a: TaskLogEvent, b: TaskLogEvent): number {
  const byTime = Date.parse(b.occurredAt) - Date.parse(a.occurredAt);
  if (byTime !== 0) return byTime;
  const [x, y] = [a.id, b.id];
  if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
    return x.length !== y.length ? y.length - x.length : y < x ? -1 : y > x ? 1 : 0;
  }
  return y < x ? -1 : y > x ? 1 : 0;
}

/**
 * The task log, newest first (by when each event occurred, as the server orders it), with cursor pagination: the first page by query, later pages
 * appended by "load more". A new filter starts again at the first page. Always asks the
 * server: the log grows while it is open.
 */
export function useTaskLog(filter: TaskEventFilterInput, skip: boolean): UseTaskLogResult {
  const client = useApolloClient();
  const key = JSON.stringify(filter);
  const { data, loading, error, refetch } = useQuery(TaskLogEventsDocument, {
    variables: { filter, first: TASK_LOG_PAGE_SIZE },
    skip,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState<MorePages>({
    key,
    pages: [],
    loading: false,
    error: undefined,
  });
  const current = useMemo<MorePages>(
    () => (more.key === key ? more : { key, pages: [], loading: false, error: undefined }),
    [more, key],
  );
  const first = data && !loading ? pageOf(data) : undefined;
  const last = current.pages.at(-1) ?? first;
  const cursor = last?.hasNextPage ? last.endCursor : null;

  const events = useMemo(() => {
    const seen = new Set<string>();
    return [first?.nodes ?? [], ...current.pages.map((p) => p.nodes)]
      .flat()
      .filter((event) => !seen.has(event.id) && !!seen.add(event.id))
      .sort(newestFirst);
  }, [first?.nodes, current.pages]);

  const loadMore = useCallback(() => {
    if (!cursor || current.loading) return;
    setMore({ ...current, loading: true, error: undefined });
    client
      .query({
        query: TaskLogEventsDocument,
        variables: { filter, first: TASK_LOG_PAGE_SIZE, after: cursor },
        fetchPolicy: 'network-only',
      })
      .then((result) => {
        if (!result.data) throw result.error ?? new Error('taskEvents: no data');
        const page = pageOf(result.data);
        setMore((prev) =>
          prev.key === key
            ? { key, pages: [...prev.pages, page], loading: false, error: undefined }
            : prev,
        );
      })
      .catch((failure: unknown) => {
        setMore((prev) =>
          prev.key === key ? { ...prev, loading: false, error: toAppError(failure) } : prev,
        );
      });
  }, [client, filter, key, cursor, current]);

  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    setMore({ key, pages: [], loading: false, error: undefined });
    refetch().catch(() => undefined);
  }, [refetch, key]);

  return {
    events,
    totalCount: last?.totalCount ?? 0,
    hasMore: !!cursor,
    loadMore,
    loading,
    error: appError,
    retry,
    loadingMore: current.loading,
    moreError: current.error,
  };
}
