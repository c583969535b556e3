import { useMutation, useQuery } from '@apollo/client/react';
import {
  AssessmentPlanDocument,
  AssessmentSavePlanDocument,
} from '../../../graphql/generated/graphql';
import type { SaveAssessmentPlanInput } from '../graphql/types';
import { useQueryState } from './useQueryState';

export function useAssessmentPlan(cycleId: string) {
  const { data, loading, error, refetch } = useQuery(AssessmentPlanDocument, {
    variables: { cycleId },
    notifyOnNetworkStatusChange: true,
  });
  const state = useQueryState(error, refetch);
  return { plan: data?.assessmentPlan, loading, reload: refetch, ...state };
}

/** Saves the next plan version; the scores of the cycle change with it. */
export function useSaveAssessmentPlan() {
  const [mutate, { loading }] = useMutation(AssessmentSavePlanDocument, {
    refetchQueries: ['AssessmentPlan', 'AssessmentScores'],
  });
  const save = async (input: SaveAssessmentPlanInput) => {
    const result = await mutate({ variables: { input } });
    return result.data?.saveAssessmentPlan;
  };
  return { save, saving: loading };
}
