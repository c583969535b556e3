import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { AdminUnit, Department } from '../../auth/graphql/types';
import { AdminUnitsDocument, DepartmentsDocument } from '../../../graphql/generated/graphql';

export interface Loaded<T> {
  items: T[];
  loading: boolean;
}

const NONE: never[] = [];

/** The provinces of the signed-in user's jurisdiction (several in a national deployment). */
export function useProvinces(skip: boolean): Loaded<AdminUnit> {
  const { data, loading } = useQuery(AdminUnitsDocument, {
    variables: { level: 'PROVINCE' },
    skip,
  });
  return { items: data?.adminUnits ?? NONE, loading };
}

/** The prefectures (市州) of the signed-in user's jurisdiction. */
export function usePrefectures(skip: boolean): Loaded<AdminUnit> {
  const { data, loading } = useQuery(AdminUnitsDocument, {
    variables: { level: 'PREFECTURE' },
    skip,
  });
  return { items: data?.adminUnits ?? NONE, loading };
}

/**
 * The county-level units under a unit. Under the province these are the units it administers
 * directly (省直管); the prefectures among its children are left out.
 */
export function useCountyUnits(parentCode: string | undefined): Loaded<AdminUnit> {
  const { data, loading } = useQuery(AdminUnitsDocument, {
    variables: { parentCode },
    skip: !parentCode,
  });
  const items = useMemo(
    () => (data?.adminUnits ?? NONE).filter((unit) => unit.level === 'COUNTY'),
    [data],
  );
  return { items, loading };
}

export function useDepartments(unitCode: string | undefined): Loaded<Department> {
  const { data, loading } = useQuery(DepartmentsDocument, {
    variables: { unitCode: unitCode ?? '' },
    skip: !unitCode,
  });
  return { items: data?.departments ?? NONE, loading };
}
