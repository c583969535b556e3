import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  OpenCycleProvincesDocument,
  RegisterCreateCycleDocument,
  RegisterCyclesDocument,
  RegisterMoveCycleToVersionDocument,
  RegisterRegenerateCycleTasksDocument,
  type CreateCycleInput,
  type CycleDutyDueDateInput,
  type RegisterCreateCycleMutation,
  type RegisterCyclesQuery,
  type RegisterMoveCycleToVersionMutation,
  type RegisterRegenerateCycleTasksMutation,
} from '../../../graphql/generated/graphql';

export type RegulationCycle = RegisterCyclesQuery['cycles'][number];
export type CreatedCycle = RegisterCreateCycleMutation['createCycle'];

/**
 * The assessment cycles over any version of the regulation `code`, newest first, with their
 * task counts. `skip` for readers without access to cycles (the system administrator).
 */
export function useRegulationCycles(code: string, skip = false) {
  const { data, loading, error, refetch } = useQuery(RegisterCyclesDocument, {
    skip,
    notifyOnNetworkStatusChange: true,
  });
  const cycles = useMemo(
    () => (data?.cycles ?? []).filter((c) => c.regulationCode === code),
    [data, code],
  );
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return { cycles, loaded: !!data, loading, error: appError, retry };
}

/**
 * The provinces of the deployment the reader sees, by code: a cycle is for one of them, named in
 * the open-cycle dialog only when there are several; a regulation may be owned by one.
 */
export function useOpenCycleProvinces(skip = false) {
  const { data } = useQuery(OpenCycleProvincesDocument, { skip });
  return useMemo(
    () => [...(data?.adminUnits ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
    [data],
  );
}

/**
 * createCycle (开启考核年度), with any per-duty due dates: the cycle, its tasks by level and what
 * the generation did.
 */
export function useCreateCycle() {
  const [mutate, { loading }] = useMutation(RegisterCreateCycleDocument, {
    update(cache) {
      // Every page's cycle selector (`cycles`) and the library's open-cycle counts
      // (`regulations`) now miss the new cycle: drop them, so open pages fetch them again and
      // others do when they are next shown.
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'cycles' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'regulations' });
      cache.gc();
    },
  });
  const create = useCallback(
    async (
      input: CreateCycleInput,
      dutyDueDates: CycleDutyDueDateInput[] = [],
    ): Promise<CreatedCycle> => {
      const result = await mutate({
        variables: dutyDueDates.length ? { input, dutyDueDates } : { input },
      });
      if (!result.data) throw new Error('createCycle returned no data');
      return result.data.createCycle;
    },
    [mutate],
  );
  return { create, creating: loading };
}

export type Regeneration = RegisterRegenerateCycleTasksMutation['regenerateCycleTasks'];
export type CycleMove = RegisterMoveCycleToVersionMutation['moveCycleToVersion'];

/**
 * The jobs a provincial supervisor runs on an open cycle from the register page: regenerate its
 * tasks after duty reviews, and move it to a newer version of its regulation. Task counts, the
 * cycle selectors and the task lists are fetched again afterwards.
 */
export function useCycleJobs() {
  const update = (cache: ApolloCache) => {
    for (const fieldName of ['cycles', 'regulations', 'tasks']) {
      cache.evict({ id: 'ROOT_QUERY', fieldName });
    }
    cache.gc();
  };
  const [regenerateMutation, regenerating] = useMutation(RegisterRegenerateCycleTasksDocument, {
    update,
  });
  const [moveMutation, moving] = useMutation(RegisterMoveCycleToVersionDocument, { update });
  const regenerate = useCallback(
    async (cycleId: string): Promise<Regeneration> => {
      const result = await regenerateMutation({ variables: { cycleId } });
      if (!result.data) throw new Error('regenerateCycleTasks returned no data');
      return result.data.regenerateCycleTasks;
    },
    [regenerateMutation],
  );
  const move = useCallback(
    async (cycleId: string, versionId: string): Promise<CycleMove> => {
      const result = await moveMutation({ variables: { cycleId, versionId } });
      if (!result.data) throw new Error('moveCycleToVersion returned no data');
      return result.data.moveCycleToVersion;
    },
    [moveMutation],
  );
  return { regenerate, move, busy: regenerating.loading || moving.loading };
}
