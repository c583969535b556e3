import { useQuery } from '@apollo/client/react';
import { ErrorCode } from '@duty/shared/errors';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import { MeDocument } from '../../../graphql/generated/graphql';
import type { CurrentUser } from '../graphql/types';

export interface UseCurrentUserResult {
  /** The signed-in user; null when signed out, undefined while not known yet. */
  user: CurrentUser | null | undefined;
  loading: boolean;
  /** A failure to find out (server down…); UNAUTHENTICATED counts as signed out instead. */
  error: AppError | undefined;
  retry: () => void;
}

/** The cached `me` without asking the server (for pages shown by the auth gate). */
export function useSignedInUserIfAny(): CurrentUser | null {
  const { data } = useQuery(MeDocument, { fetchPolicy: 'cache-only' });
  return data?.me ?? null;
}

/** The signed-in user (`me`), kept in the Apollo cache and refetched when the store resets. */
export function useCurrentUser(): UseCurrentUserResult {
  const { data, previousData, loading, error, refetch } = useQuery(MeDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);

  if (appError?.code === ErrorCode.UNAUTHENTICATED) {
    return { user: null, loading: false, error: undefined, retry };
  }
  // While `me` is asked again (the store was reset on sign-in, sign-out or expiry) the last
  // answer stands, so the page on screen (and e.g. its error message) is not replaced by a
  // spinner in between.
  const known = data ?? (loading ? previousData : undefined);
  return { user: known ? known.me : undefined, loading, error: appError, retry };
}
