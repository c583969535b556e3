import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { SYSTEM_INFO_QUERY, type SystemInfo } from '../graphql/systemInfo';

export interface UseSystemInfoResult {
  systemInfo: SystemInfo | undefined;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

export function useSystemInfo(): UseSystemInfoResult {
  const { data, loading, error, refetch } = useQuery(SYSTEM_INFO_QUERY, {
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    // A failed retry shows up in `error`; nothing more to do with the rejected promise.
    refetch().catch(() => undefined);
  }, [refetch]);
  return { systemInfo: data?.systemInfo, loading, error: appError, retry };
}
