import { useQuery } from '@apollo/client/react';
import { AssessmentScoresDocument } from '../../../graphql/generated/graphql';
import type { RankLevel, UnitScore } from '../graphql/types';
import { useQueryState } from './useQueryState';

/** Live scores while the cycle is open, frozen ones once closed (the API decides). */
export function useAssessmentScores(cycleId: string, level: RankLevel) {
  const { data, previousData, loading, error, refetch } = useQuery(AssessmentScoresDocument, {
    variables: { cycleId, level },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const state = useQueryState(error, refetch);
  const shown = data ?? previousData;
  const scores: UnitScore[] = shown?.assessmentScores ?? [];
  return { scores, loaded: !!shown, loading, ...state };
}
