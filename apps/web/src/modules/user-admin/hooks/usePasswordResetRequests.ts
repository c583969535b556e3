import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  ApprovePasswordResetDocument,
  PasswordResetRequestsDocument,
  RejectPasswordResetDocument,
  RequestPasswordResetDocument,
} from '../../../graphql/generated/graphql';
import type { ApprovedPasswordReset, PasswordResetRequest } from '../graphql/types';

/** The pending requests as the server has them after a change, and the users list too. */
const REFETCH = { refetchQueries: ['PasswordResetRequests', 'Users'] };

export interface UsePendingPasswordResetsResult {
  requests: PasswordResetRequest[];
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/** Pending reset requests: every one for a security administrator, one's own for others. */
export function usePendingPasswordResets(): UsePendingPasswordResetsResult {
  const { data, loading, error, refetch } = useQuery(PasswordResetRequestsDocument, {
    variables: { filter: { status: 'PENDING' }, page: { first: 100, offset: 0 } },
    fetchPolicy: 'cache-and-network',
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    requests: data?.passwordResetRequests.nodes ?? [],
    loading,
    error: appError,
    retry,
  };
}

export function useRequestPasswordReset() {
  const [mutate, { loading }] = useMutation(RequestPasswordResetDocument, REFETCH);
  const requestPasswordReset = useCallback(
    async (userId: string, reason: string) => {
      await mutate({ variables: { input: { userId, reason } } });
    },
    [mutate],
  );
  return { requestPasswordReset, loading };
}

export function useApprovePasswordReset() {
  const [mutate, { loading }] = useMutation(ApprovePasswordResetDocument, REFETCH);
  const approvePasswordReset = useCallback(
    async (requestId: string): Promise<ApprovedPasswordReset> => {
      const result = (await mutate({ variables: { requestId } })).data?.approvePasswordReset;
      if (!result) throw new Error('approvePasswordReset returned no data');
      return result;
    },
    [mutate],
  );
  return { approvePasswordReset, loading };
}

export function useRejectPasswordReset() {
  const [mutate, { loading }] = useMutation(RejectPasswordResetDocument, REFETCH);
  const rejectPasswordReset = useCallback(
    async (requestId: string, reason: string) => {
      await mutate({ variables: { input: { requestId, reason } } });
    },
    [mutate],
  );
  return { rejectPasswordReset, loading };
}
