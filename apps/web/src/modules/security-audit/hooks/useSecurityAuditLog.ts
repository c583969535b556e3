import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { SecurityAuditLogDocument } from '../../../graphql/generated/graphql';
import type { SecurityAuditEntry, SecurityAuditFilterInput } from '../graphql/types';

export interface UseSecurityAuditLogResult {
  entries: SecurityAuditEntry[];
  totalCount: number;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/** One page of the log, newest first (the API's order); always asks the server. */
export function useSecurityAuditLog(
  filter: SecurityAuditFilterInput,
  page: { first: number; offset: number },
): UseSecurityAuditLogResult {
  const { data, previousData, loading, error, refetch } = useQuery(SecurityAuditLogDocument, {
    variables: { filter, page },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    entries: shown?.securityAuditLog.nodes ?? [],
    totalCount: shown?.securityAuditLog.totalCount ?? 0,
    loading,
    error: appError,
    retry,
  };
}
