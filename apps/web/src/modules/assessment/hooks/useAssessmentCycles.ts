import { useQuery } from '@apollo/client/react';
import { AssessmentCyclesDocument } from '../../../graphql/generated/graphql';
import type { AssessmentCycle } from '../graphql/types';
import { useQueryState } from './useQueryState';

export function useAssessmentCycles() {
  const { data, loading, error, refetch } = useQuery(AssessmentCyclesDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const state = useQueryState(error, refetch);
  const cycles: AssessmentCycle[] = data?.cycles ?? [];
  return { cycles, loaded: !!data, loading, ...state };
}
