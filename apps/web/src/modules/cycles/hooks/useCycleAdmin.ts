import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  CycleAdminRegulationsDocument,
  CycleDutyDueDatesDocument,
  CycleRegenerationPreviewDocument,
  CycleVersionDutiesDocument,
  RegisterCyclesDocument,
  RemoveCycleDutyDueDateDocument,
  SetCycleDutyDueDateDocument,
  type CycleAdminRegulationsQuery,
  type CycleDutyDueDatesQuery,
  type CycleRegenerationPreviewQuery,
  type CycleVersionDutiesQuery,
  type RegisterCyclesQuery,
} from '../../../graphql/generated/graphql';

export type AdminCycle = RegisterCyclesQuery['cycles'][number];
export type AdminRegulation = CycleAdminRegulationsQuery['regulations'][number];
export type RegenerationPreview = CycleRegenerationPreviewQuery['cycleRegenerationPreview'];
export type DutyChange = RegenerationPreview['added'][number];
export type LeadChange = RegenerationPreview['leadChanges'][number];
export type VersionDuty = CycleVersionDutiesQuery['duties']['nodes'][number];

/**
 * Every assessment cycle with its task count, and the regulations with their versions (the
 * version number of each cycle, and the regulations a cycle can be opened over). The cycles
 * come from the same root field as every page's cycle selector, so changes reach them all.
 */
export function useCycleAdmin() {
  const cyclesQuery = useQuery(RegisterCyclesDocument, { notifyOnNetworkStatusChange: true });
  const regulationsQuery = useQuery(CycleAdminRegulationsDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const regulations = useMemo(
    () => regulationsQuery.data?.regulations ?? [],
    [regulationsQuery.data],
  );
  const versionNumber = useMemo(() => {
    const byId = new Map<string, number>();
    for (const r of regulations) for (const v of r.versions) byId.set(v.id, v.versionNumber);
    return (id: string) => byId.get(id);
  }, [regulations]);
  const failed = cyclesQuery.error ?? regulationsQuery.error;
  const error = useMemo(() => (failed ? toAppError(failed) : undefined), [failed]);
  const { refetch: refetchCycles } = cyclesQuery;
  const { refetch: refetchRegulations } = regulationsQuery;
  const retry = useCallback(() => {
    refetchCycles().catch(() => undefined);
    refetchRegulations().catch(() => undefined);
  }, [refetchCycles, refetchRegulations]);
  return {
    cycles: cyclesQuery.data?.cycles ?? [],
    regulations,
    versionNumber,
    loaded: !!cyclesQuery.data && !!regulationsQuery.data,
    loading: cyclesQuery.loading || regulationsQuery.loading,
    error,
    retry,
  };
}

/** The tracked government duties of a version (for per-duty due dates); `skip` until needed. */
export function useVersionDuties(versionId: string | undefined, skip: boolean) {
  const { data, loading, error } = useQuery(CycleVersionDutiesDocument, {
    variables: { versionId: versionId ?? '' },
    skip: skip || !versionId,
  });
  return {
    duties: data?.duties.nodes ?? [],
    total: data?.duties.totalCount ?? 0,
    loading,
    error: error ? toAppError(error) : undefined,
  };
}

/** What regenerating the cycle's tasks would do now; always fetched afresh. */
export function useRegenerationPreview(cycleId: string) {
  const { data, loading, error, refetch } = useQuery(CycleRegenerationPreviewDocument, {
    variables: { cycleId },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return { preview: data?.cycleRegenerationPreview, loading, error: appError, retry };
}

export type CycleDutyDueDateRow = CycleDutyDueDatesQuery['cycleDutyDueDates'][number];

/**
 * The per-duty due dates of a cycle, always read afresh, and the two edits: set (or change) a
 * duty's date, and remove it (its tasks go back to the cycle's date). Each answers the tasks
 * moved; task lists are read again afterwards, as their due dates changed.
 */
export function useCycleDutyDueDates(cycleId: string) {
  const { data, loading, error, refetch } = useQuery(CycleDutyDueDatesDocument, {
    variables: { cycleId },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const update = (cache: ApolloCache) => {
    cache.evict({ id: 'ROOT_QUERY', fieldName: 'tasks' });
    cache.gc();
  };
  const refetchQueries = [{ query: CycleDutyDueDatesDocument, variables: { cycleId } }];
  const [setMutation, setting] = useMutation(SetCycleDutyDueDateDocument, {
    update,
    refetchQueries,
    awaitRefetchQueries: true,
  });
  const [removeMutation, removing] = useMutation(RemoveCycleDutyDueDateDocument, {
    update,
    refetchQueries,
    awaitRefetchQueries: true,
  });
  const set = useCallback(
    async (dutyLineageId: string, dueDate: string): Promise<number> => {
      const result = await setMutation({ variables: { cycleId, dutyLineageId, dueDate } });
      return result.data?.setCycleDutyDueDate ?? 0;
    },
    [setMutation, cycleId],
  );
  const remove = useCallback(
    async (dutyLineageId: string): Promise<number> => {
      const result = await removeMutation({ variables: { cycleId, dutyLineageId } });
      return result.data?.removeCycleDutyDueDate ?? 0;
    },
    [removeMutation, cycleId],
  );
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    rows: data?.cycleDutyDueDates ?? [],
    loaded: !!data,
    loading,
    error: appError,
    retry,
    set,
    remove,
    busy: setting.loading || removing.loading,
  };
}
