import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../graphql/errors';
import { CyclesDocument, type CyclesQuery } from '../graphql/generated/graphql';
import { chooseCycle } from '../utils/cycles';

/** An assessment cycle (考核年度). */
export type Cycle = CyclesQuery['cycles'][number];

export interface UseCyclesResult {
  /** Every cycle, newest first. */
  cycles: Cycle[];
  /** The cycle to show (see {@link chooseCycle}); undefined until loaded, or when there is none. */
  cycle: Cycle | undefined;
  /** The list has arrived (it may be empty). */
  loaded: boolean;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/**
 * The assessment cycles and the one to show: `requestedId` when it exists, else the newest
 * open cycle, else the newest.
 */
export function useCycles(requestedId?: string | null): UseCyclesResult {
  const { data, loading, error, refetch } = useQuery(CyclesDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const cycles = useMemo(() => data?.cycles ?? [], [data]);
  const cycle = useMemo(() => chooseCycle(cycles, requestedId), [cycles, requestedId]);
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    // A failed retry shows up in `error`; nothing more to do with the rejected promise.
    refetch().catch(() => undefined);
  }, [refetch]);
  return { cycles, cycle, loaded: !!data, loading, error: appError, retry };
}
