import { useQuery } from '@apollo/client/react';
import { TasksFilterOptionsDocument } from '../../../graphql/generated/graphql';
import type { DepartmentKindOption, FilterUnit } from '../graphql/types';

export interface TaskFilterOptions {
  departmentKinds: DepartmentKindOption[];
  /** Units of the user's jurisdiction (empty when `withUnits` is false). */
  units: FilterUnit[];
  loading: boolean;
}

/**
 * Options of the filter bar. The lists are a convenience: when they fail to load the filters
 * still work from the URL, so no error is shown for them.
 */
export function useTaskFilterOptions(withUnits: boolean): TaskFilterOptions {
  const { data, loading } = useQuery(TasksFilterOptionsDocument, { variables: { withUnits } });
  return {
    departmentKinds: data?.departmentKinds ?? [],
    units: data?.adminUnits ?? [],
    loading,
  };
}
