import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { SystemInfoDocument } from '../../../graphql/generated/graphql';
import type { SystemInfo } from '../graphql/types';

export interface UseSystemInfoResult {
  systemInfo: SystemInfo | undefined;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

export function useSystemInfo(): UseSystemInfoResult {
  const { data, loading, error, refetch } = useQuery(SystemInfoDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    // A failed retry shows up in `error`; nothing more to do with the rejected promise.
    refetch().catch(() => undefined);
  }, [refetch]);
  return { systemInfo: data?.systemInfo, loading, error: appError, retry };
}
