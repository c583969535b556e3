import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  SystemSearchDutiesDocument,
  SystemSearchTasksDocument,
  SystemSearchUnitsDocument,
  type SystemSearchDutiesQuery,
  type SystemSearchTasksQuery,
  type SystemSearchUnitsQuery,
} from '../../../graphql/generated/graphql';
import { matchUnits, type SearchScope } from '../utils/searchScope';

/** Results shown per kind; the task list and the register show the rest. */
export const RESULTS_PER_KIND = 10;

export interface Section<T> {
  enabled: boolean;
  items: T[];
  totalCount: number;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
}

export type FoundTask = SystemSearchTasksQuery['tasks']['nodes'][number];
export type FoundDuty = SystemSearchDutiesQuery['duties']['nodes'][number] & {
  regulationCode: string | undefined;
};
export type FoundUnit = SystemSearchUnitsQuery['adminUnits'][number];

function errorOf(error: unknown): AppError | undefined {
  return error ? toAppError(error) : undefined;
}

/**
 * 全局搜索: tasks of the cycle, duties of the regulations and units, each asked only of the
 * roles that may read them (the API checks again).
 */
export function useSystemSearch(
  text: string,
  cycleId: string | undefined,
  scope: SearchScope,
): { tasks: Section<FoundTask>; duties: Section<FoundDuty>; units: Section<FoundUnit> } {
  const search = text.trim();
  const tasks = useQuery(SystemSearchTasksDocument, {
    variables: { filter: { search, ...(cycleId ? { cycleId } : {}) }, first: RESULTS_PER_KIND },
    skip: !scope.tasks || !search || !cycleId,
    notifyOnNetworkStatusChange: true,
  });
  const duties = useQuery(SystemSearchDutiesDocument, {
    variables: { filter: { search }, page: { first: RESULTS_PER_KIND, offset: 0 } },
    skip: !scope.duties || !search,
    notifyOnNetworkStatusChange: true,
  });
  const units = useQuery(SystemSearchUnitsDocument, {
    skip: !scope.units || !search,
  });

  const codes = useMemo(
    () => new Map((duties.data?.regulations ?? []).map((r) => [r.id, r.code])),
    [duties.data],
  );
  const matchedUnits = useMemo(
    () => matchUnits(units.data?.adminUnits ?? [], search, RESULTS_PER_KIND),
    [units.data, search],
  );
  const unitTotal = useMemo(
    () => matchUnits(units.data?.adminUnits ?? [], search, Number.MAX_SAFE_INTEGER).length,
    [units.data, search],
  );

  const retry = (refetch: () => Promise<unknown>) => () => {
    refetch().catch(() => undefined);
  };
  return {
    tasks: {
      enabled: scope.tasks,
      items: tasks.data?.tasks.nodes ?? [],
      totalCount: tasks.data?.tasks.totalCount ?? 0,
      loading: tasks.loading,
      error: errorOf(tasks.error),
      retry: retry(tasks.refetch),
    },
    duties: {
      enabled: scope.duties,
      items: (duties.data?.duties.nodes ?? []).map((duty) => ({
        ...duty,
        regulationCode: codes.get(duty.version.regulationId),
      })),
      totalCount: duties.data?.duties.totalCount ?? 0,
      loading: duties.loading,
      error: errorOf(duties.error),
      retry: retry(duties.refetch),
    },
    units: {
      enabled: scope.units,
      items: matchedUnits,
      totalCount: unitTotal,
      loading: units.loading,
      error: errorOf(units.error),
      retry: retry(units.refetch),
    },
  };
}
