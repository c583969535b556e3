import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  WorkbenchDocument,
  WorkbenchSectionDocument,
  type WorkbenchSectionKey,
} from '../../../graphql/generated/graphql';

/** Items shown per section on the workbench. */
export const ITEMS_PER_SECTION = 5;

/** The signed-in user's workbench, fresh on every visit (it is a to-do list). */
export function useWorkbench(cycleId: string | undefined) {
  const { data, loading, error, refetch } = useQuery(WorkbenchDocument, {
    variables: { cycleId: cycleId ?? null, first: ITEMS_PER_SECTION },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return { workbench: data?.workbench, loading, error: appError, retry };
}

/** One page of a section in full. */
export function useWorkbenchSection(
  key: WorkbenchSectionKey,
  cycleId: string | undefined,
  page: number,
  pageSize: number,
) {
  const { data, previousData, loading, error, refetch } = useQuery(WorkbenchSectionDocument, {
    variables: { key, cycleId: cycleId ?? null, first: pageSize, offset: (page - 1) * pageSize },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    section: (data ?? previousData)?.workbenchSection,
    loading,
    error: appError,
    retry,
  };
}
