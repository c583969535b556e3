import { useMutation, useQuery } from '@apollo/client/react';
import {
  AssessmentCloseCycleDocument,
  AssessmentReopenCycleDocument,
  AssessmentResultSetsDocument,
} from '../../../graphql/generated/graphql';
import type { ResultSet } from '../graphql/types';
import { useQueryState } from './useQueryState';

export function useResultSets(cycleId: string) {
  const { data, loading, error, refetch } = useQuery(AssessmentResultSetsDocument, {
    variables: { cycleId },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const state = useQueryState(error, refetch);
  const resultSets: ResultSet[] = data?.assessmentResultSets ?? [];
  return { resultSets, loaded: !!data, loading, ...state };
}

/** Everything a close or reopen changes. */
const AFTER_CYCLE_CHANGE = ['Cycles', 'AssessmentResultSets', 'AssessmentScores', 'AssessmentPlan'];

/** closeCycle / reopenCycle (provincial supervisors). */
export function useCycleActions(cycleId: string) {
  const [close, closing] = useMutation(AssessmentCloseCycleDocument, {
    refetchQueries: AFTER_CYCLE_CHANGE,
    awaitRefetchQueries: true,
  });
  const [reopen, reopening] = useMutation(AssessmentReopenCycleDocument, {
    refetchQueries: AFTER_CYCLE_CHANGE,
    awaitRefetchQueries: true,
  });
  return {
    closeCycle: () => close({ variables: { cycleId } }),
    reopenCycle: (reason: string) => reopen({ variables: { cycleId, reason } }),
    closing: closing.loading,
    reopening: reopening.loading,
  };
}
