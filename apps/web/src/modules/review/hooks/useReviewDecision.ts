import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { ReviewDecideDocument } from '../../../graphql/generated/graphql';

export type Decision = { kind: 'verify' } | { kind: 'return'; reason: string };

/** 核验通过 (VERIFIED) or 退回 (RETURNED with a reason); resolves to an error or undefined. */
export function useReviewDecision(): {
  decide: (
    task: { id: string; rowVersion: number },
    decision: Decision,
  ) => Promise<AppError | undefined>;
  deciding: boolean;
} {
  const [mutate, { loading }] = useMutation(ReviewDecideDocument);
  const decide = useCallback(
    async (task: { id: string; rowVersion: number }, decision: Decision) => {
      try {
        await mutate({
          variables: {
            input: {
              taskId: task.id,
              expectedRowVersion: task.rowVersion,
              ...(decision.kind === 'verify'
                ? { status: 'VERIFIED' as const }
                : { status: 'RETURNED' as const, reason: decision.reason }),
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
  return { decide, deciding: loading };
}
