import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  NotApplicableDecideDocument,
  NotApplicableRequestDocument,
  NotApplicableRevokeDocument,
  NotApplicableStateDocument,
  type NotApplicableStateQuery,
} from '../../../graphql/generated/graphql';

export type TaskApplicability = NotApplicableStateQuery['taskApplicability'];
export type NotApplicableRequestItem = TaskApplicability['requests'][number];

/**
 * A task's 不适用 state and its three actions. `onChanged` runs after each (the task page reloads
 * the task: its row version and history changed).
 */
export function useNotApplicable(taskId: string, onChanged: () => void) {
  const { data, loading, error, refetch } = useQuery(NotApplicableStateDocument, {
    variables: { taskId },
    fetchPolicy: 'cache-and-network',
  });
  const [requestMutation, requesting] = useMutation(NotApplicableRequestDocument);
  const [decideMutation, deciding] = useMutation(NotApplicableDecideDocument);
  const [revokeMutation, revoking] = useMutation(NotApplicableRevokeDocument);
  const after = useCallback(async () => {
    await refetch().catch(() => undefined);
    onChanged();
  }, [refetch, onChanged]);

  const request = useCallback(
    async (input: { reason: string; documentReference?: string; evidenceIds: string[] }) => {
      await requestMutation({ variables: { input: { taskId, ...input } } });
      await after();
    },
    [requestMutation, after, taskId],
  );
  const decide = useCallback(
    async (requestId: string, approve: boolean, reason: string) => {
      await decideMutation({ variables: { input: { requestId, approve, reason } } });
      await after();
    },
    [decideMutation, after],
  );
  const revoke = useCallback(
    async (requestId: string, reason: string) => {
      await revokeMutation({ variables: { input: { requestId, reason } } });
      await after();
    },
    [revokeMutation, after],
  );
  return {
    state: data?.taskApplicability,
    loading: loading && !data,
    error: useMemo(() => (error ? toAppError(error) : undefined), [error]),
    retry: () => void refetch(),
    request,
    decide,
    revoke,
    busy: requesting.loading || deciding.loading || revoking.loading,
  };
}
