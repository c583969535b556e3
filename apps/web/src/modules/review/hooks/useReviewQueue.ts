import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { ReviewQueueDocument, type ReviewQueueQuery } from '../../../graphql/generated/graphql';
import { oldestFirst } from '../utils/queue';

export type QueueTask = ReviewQueueQuery['tasks']['nodes'][number];

/** The API's largest page. */
const PAGE_SIZE = 100;
/** Enough for any real queue; beyond it the oldest of those loaded are shown (and a note). */
const MAX_PAGES = 20;

interface QueueState {
  tasks: QueueTask[];
  totalCount: number;
  loading: boolean;
  error: AppError | undefined;
}

/**
 * Every submitted task of a cycle in the user's jurisdiction, oldest submission first. The API
 * sorts by last change newest first, so all pages are read and the order reversed here.
 * Mount it once per cycle (e.g. under a `key`).
 */
export function useReviewQueue(cycleId: string): QueueState & {
  reload: () => void;
  remove: (taskId: string) => void;
} {
  const client = useApolloClient();
  const [round, setRound] = useState(0);
  const [state, setState] = useState<QueueState>({
    tasks: [],
    totalCount: 0,
    loading: true,
    error: undefined,
  });

  useEffect(() => {
    let active = true;
    const load = async () => {
      const tasks: QueueTask[] = [];
      let totalCount = 0;
      let after: string | null | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const { data } = await client.query({
          query: ReviewQueueDocument,
          variables: {
            filter: { cycleId, statuses: ['SUBMITTED'] },
            first: PAGE_SIZE,
            ...(after ? { after } : {}),
          },
          fetchPolicy: 'network-only',
        });
        if (!data) break;
        tasks.push(...data.tasks.nodes);
        totalCount = data.tasks.totalCount;
        if (!data.tasks.pageInfo.hasNextPage) break;
        after = data.tasks.pageInfo.endCursor;
        if (!after) break;
      }
      return { tasks: oldestFirst(tasks), totalCount };
    };
    load().then(
      ({ tasks, totalCount }) => {
        if (active) setState({ tasks, totalCount, loading: false, error: undefined });
      },
      (error: unknown) => {
        if (active) setState((s) => ({ ...s, loading: false, error: toAppError(error) }));
      },
    );
    return () => {
      active = false;
    };
  }, [client, cycleId, round]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    setRound((r) => r + 1);
  }, []);
  const remove = useCallback(
    (taskId: string) =>
      setState((s) => {
        if (!s.tasks.some((task) => task.id === taskId)) return s;
        return {
          ...s,
          tasks: s.tasks.filter((task) => task.id !== taskId),
          totalCount: Math.max(0, s.totalCount - 1),
        };
      }),
    [],
  );
  return { ...state, reload, remove };
}
