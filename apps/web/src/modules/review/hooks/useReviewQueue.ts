import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  ReviewQueueDocument,
  type ReviewQueueQuery,
  type ReviewQueueQueryVariables,
} from '../../../graphql/generated/graphql';
import { prefetchQuery, usePrefetchedPolicy } from '../../../graphql/prefetch';
import { readQueueParams, type QueueOrder } from '../utils/queueParams';

export type QueueTask = ReviewQueueQuery['tasks']['nodes'][number];

export interface QueuePageRequest {
  /** The cycle asked for; undefined: the current cycle, chosen by the server. */
  cycleId: string | undefined;
  search: string;
  order: QueueOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
}

function queueVariables({
  cycleId,
  search,
  order,
  page,
  pageSize,
}: QueuePageRequest): ReviewQueueQueryVariables {
  const term = search.trim();
  return {
    filter: {
      ...(cycleId ? { cycleId } : { currentCycle: true }),
      statuses: ['SUBMITTED'],
      // Only what this reviewer may decide: a prefecture's own tasks are the province's.
      reviewable: true,
      ...(term ? { search: term } : {}),
    },
    first: pageSize,
    offset: (page - 1) * pageSize,
    direction: order === 'newest' ? 'DESC' : 'ASC',
  };
}

/** /review opened from its address: its first page is asked for while the app starts. */
export function prefetchReviewQueue(client: ApolloClient, search: URLSearchParams): void {
  const cycleId = search.get('cycleId') ?? undefined;
  prefetchQuery(
    client,
    ReviewQueueDocument,
    queueVariables({ cycleId, ...readQueueParams(search) }),
  );
}

/**
 * One page of the submitted tasks of a cycle in the user's jurisdiction, sorted by submission
 * time (`submittedAt`) as the user chose: one request, paged by the server. Without a cycle the
 * server takes the current one, so the request need not wait for the list of cycles.
 */
export function useReviewQueue(request: QueuePageRequest): {
  /** The cycle the page is of (as asked, or the server's current cycle). */
  cycleId: string | undefined;
  tasks: QueueTask[];
  totalCount: number;
  /** Whether the page shown is the one asked for (not the previous one while it loads). */
  current: boolean;
  loading: boolean;
  error: AppError | undefined;
  reload: () => void;
} {
  const variables = queueVariables(request);
  const fetchPolicy = usePrefetchedPolicy(ReviewQueueDocument, variables, 'network-only');
  const { data, previousData, loading, error, refetch } = useQuery(ReviewQueueDocument, {
    variables,
    fetchPolicy,
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const reload = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    cycleId: shown?.tasks.cycleId ?? undefined,
    tasks: shown?.tasks.nodes ?? [],
    totalCount: shown?.tasks.totalCount ?? 0,
    current: data !== undefined,
    loading,
    error: appError,
    reload,
  };
}
