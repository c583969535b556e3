import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { ReviewQueueDocument, type ReviewQueueQuery } from '../../../graphql/generated/graphql';
import type { QueueOrder } from '../utils/queueParams';

export type QueueTask = ReviewQueueQuery['tasks']['nodes'][number];

export interface QueuePageRequest {
  cycleId: string;
  search: string;
  order: QueueOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/**
 * One page of the submitted tasks of a cycle in the user's jurisdiction, sorted by submission
 * time (a submitted task's last change) as the user chose: one request, paged by the server.
 */
export function useReviewQueue(request: QueuePageRequest): {
  tasks: QueueTask[];
  totalCount: number;
  /** Whether the page shown is the one asked for (not the previous one while it loads). */
  current: boolean;
  loading: boolean;
  error: AppError | undefined;
  reload: () => void;
} {
  const { cycleId, search, order, page, pageSize } = request;
  const term = search.trim();
  const { data, previousData, loading, error, refetch } = useQuery(ReviewQueueDocument, {
    variables: {
      filter: { cycleId, statuses: ['SUBMITTED'], ...(term ? { search: term } : {}) },
      first: pageSize,
      offset: (page - 1) * pageSize,
      direction: order === 'newest' ? 'DESC' : 'ASC',
    },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const reload = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    tasks: shown?.tasks.nodes ?? [],
    totalCount: shown?.tasks.totalCount ?? 0,
    current: data !== undefined,
    loading,
    error: appError,
    reload,
  };
}
