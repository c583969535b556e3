import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';

export interface AppQueryResult<TData> {
  data: TData | undefined;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/**
 * A query with the app's error shape and a retry; skipped while `variables` is null (e.g. no
 * cycle chosen yet). While new variables load, the previous answer stays on screen.
 */
export function useAppQuery<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables | null,
): AppQueryResult<TData> {
  const { data, previousData, loading, error, refetch } = useQuery<TData, TVariables>(
    document as TypedDocumentNode<TData, TVariables>,
    {
      variables: (variables ?? undefined) as TVariables,
      skip: variables === null,
      notifyOnNetworkStatusChange: true,
    } as useQuery.Options<TData, TVariables>,
  );
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    // A failed retry shows up in `error`; nothing more to do with the rejected promise.
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    data: (data ?? previousData) as TData | undefined,
    loading,
    error: appError,
    retry,
  };
}
