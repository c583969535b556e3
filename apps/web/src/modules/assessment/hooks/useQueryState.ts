import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';

/** The loading / error / retry triple every data hook of the module returns. */
export function useQueryState(
  error: unknown,
  refetch: () => Promise<unknown>,
): { error: AppError | undefined; retry: () => void } {
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    // A failed retry shows up in `error`; nothing more to do with the rejected promise.
    refetch().catch(() => undefined);
  }, [refetch]);
  return { error: appError, retry };
}
