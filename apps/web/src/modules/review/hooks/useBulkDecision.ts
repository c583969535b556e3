import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { ReviewBulkDecideDocument } from '../../../graphql/generated/graphql';
import type { Decision } from './useReviewDecision';

/**
 * 批量核验 / 批量退回 (one reason for all) through `bulkUpdateTasks`: all or nothing, each task
 * with the row version it was shown with. A refused item comes back as `details.taskId`.
 */
export function useBulkDecision(): {
  decideAll: (
    tasks: readonly { id: string; rowVersion: number }[],
    decision: Decision,
  ) => Promise<AppError | undefined>;
  deciding: boolean;
} {
  const [mutate, { loading }] = useMutation(ReviewBulkDecideDocument);
  const decideAll = useCallback(
    async (tasks: readonly { id: string; rowVersion: number }[], decision: Decision) => {
      try {
        await mutate({
          variables: {
            input: {
              changes: tasks.map((task) => ({
                taskId: task.id,
                expectedRowVersion: task.rowVersion,
                ...(decision.kind === 'verify'
                  ? { status: 'VERIFIED' as const }
                  : { status: 'RETURNED' as const, reason: decision.reason }),
              })),
            },
          },
        });
        return undefined;
      } catch (error) {
        return toAppError(error);
      }
    },
    [mutate],
  );
  return { decideAll, deciding: loading };
}

/** The task a refused bulk change names (the API adds `taskId` and `index` to the error). */
export function refusedTaskId(error: AppError): string | undefined {
  const taskId = error.details?.taskId;
  return typeof taskId === 'string' ? taskId : undefined;
}
