import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { UsersDocument } from '../../../graphql/generated/graphql';
import type { PageInput, UserAccount, UserFilterInput } from '../graphql/types';

export interface UseUsersResult {
  users: UserAccount[];
  totalCount: number;
  /** True until the first page arrives. */
  initialLoading: boolean;
  /** True while any page (or a refetch) loads. */
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/** One page of users; the previous page stays on screen while the next one loads. */
export function useUsers(filter: UserFilterInput, page: PageInput): UseUsersResult {
  const { data, previousData, loading, error, refetch } = useQuery(UsersDocument, {
    variables: { filter, page },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    users: shown?.users.nodes ?? [],
    totalCount: shown?.users.totalCount ?? 0,
    initialLoading: !shown && loading,
    loading,
    error: appError,
    retry,
  };
}
