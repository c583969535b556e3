import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  ReassignDecideDocument,
  ReassignDirectDocument,
  ReassignRequestDocument,
  ReassignTargetsDocument,
  ReassignTaskStateDocument,
} from '../../../graphql/generated/graphql';

/** The task's 签收/转办 state (lead, acknowledgement, records, what the user may do). */
export function useReassignState(taskId: string) {
  const { data, loading, error, refetch } = useQuery(ReassignTaskStateDocument, {
    variables: { id: taskId },
    fetchPolicy: 'cache-and-network',
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const reload = useCallback(async () => {
    await refetch().catch(() => undefined);
  }, [refetch]);
  return { task: data?.task, loading: loading && !data, error: appError, reload };
}

/** The departments the task may move to (loaded when a form opens). */
export function useReassignTargets(taskId: string, skip: boolean) {
  const { data, loading } = useQuery(ReassignTargetsDocument, {
    variables: { taskId },
    skip,
    fetchPolicy: 'network-only',
  });
  return { targets: data?.reassignmentTargets ?? [], loading };
}

export function useReassignMutations(taskId: string) {
  const [request, requestState] = useMutation(ReassignRequestDocument);
  const [decide, decideState] = useMutation(ReassignDecideDocument);
  const [direct, directState] = useMutation(ReassignDirectDocument);
  return {
    requestReassignment: useCallback(
      (toDepartmentId: string, reason: string) =>
        request({ variables: { input: { taskId, toDepartmentId, reason } } }),
      [request, taskId],
    ),
    decideReassignment: useCallback(
      (requestId: string, approve: boolean, reason?: string) =>
        decide({
          variables: { input: { requestId, approve, ...(reason ? { reason } : {}) } },
        }),
      [decide],
    ),
    reassign: useCallback(
      (toDepartmentId: string, reason: string, expectedRowVersion: number) =>
        direct({
          variables: { input: { taskId, toDepartmentId, reason, expectedRowVersion } },
        }),
      [direct, taskId],
    ),
    saving: requestState.loading || decideState.loading || directState.loading,
  };
}
