import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  TasksDecideExtensionDocument,
  TasksRequestExtensionDocument,
  TasksSetContributionDocument,
  TasksUpdateTaskDocument,
  TasksWithdrawEvidenceDocument,
} from '../../../graphql/generated/graphql';
import type { TaskStatus } from '../graphql/types';

/**
 * The task's mutations. Each returns the updated task (the cache entry of the task is updated
 * too, so the page re-renders) and rejects with the Apollo error.
 */
export function useTaskMutations(taskId: string) {
  const [updateTask, update] = useMutation(TasksUpdateTaskDocument);
  const [requestExtension, request] = useMutation(TasksRequestExtensionDocument);
  const [decideExtension, decide] = useMutation(TasksDecideExtensionDocument);
  const [withdrawEvidence, withdraw] = useMutation(TasksWithdrawEvidenceDocument);
  const [setContribution, contribute] = useMutation(TasksSetContributionDocument);

  const saveNotes = useCallback(
    (expectedRowVersion: number, notes: { progressNote: string; measures: string }) =>
      updateTask({
        variables: {
          input: {
            taskId,
            expectedRowVersion,
            progressNote: notes.progressNote,
            measures: notes.measures,
          },
        },
      }),
    [updateTask, taskId],
  );
  const changeStatus = useCallback(
    (expectedRowVersion: number, status: TaskStatus, reason?: string) =>
      updateTask({
        variables: {
          input: { taskId, expectedRowVersion, status, ...(reason ? { reason } : {}) },
        },
      }),
    [updateTask, taskId],
  );
  const askExtension = useCallback(
    (expectedRowVersion: number, newDueDate: string, reason: string) =>
      requestExtension({
        variables: { input: { taskId, expectedRowVersion, newDueDate, reason } },
      }),
    [requestExtension, taskId],
  );
  const decideOnExtension = useCallback(
    (expectedRowVersion: number, requestId: string, approve: boolean, note?: string) =>
      decideExtension({
        variables: {
          input: { requestId, expectedRowVersion, approve, ...(note ? { note } : {}) },
        },
      }),
    [decideExtension],
  );
  const withdrawFile = useCallback(
    (evidenceId: string, reason: string) =>
      withdrawEvidence({ variables: { input: { evidenceId, reason } } }),
    [withdrawEvidence],
  );
  const saveContribution = useCallback(
    (note: string) => setContribution({ variables: { taskId, note } }),
    [setContribution, taskId],
  );
  return {
    saveNotes,
    changeStatus,
    askExtension,
    decideOnExtension,
    withdrawFile,
    saveContribution,
    saving: update.loading,
    requesting: request.loading,
    deciding: decide.loading,
    withdrawing: withdraw.loading,
    contributing: contribute.loading,
  };
}

export type TaskMutations = ReturnType<typeof useTaskMutations>;
