import { useMutation, useQuery } from '@apollo/client/react';
import {
  AssessmentAddAdjustmentDocument,
  AssessmentRevokeAdjustmentDocument,
  AssessmentUnitAdjustmentsDocument,
  AssessmentUnitsDocument,
} from '../../../graphql/generated/graphql';
import type { AdjustmentKind, AssessmentUnit } from '../graphql/types';
import { useQueryState } from './useQueryState';

/** Units of the signed-in user's jurisdiction. */
export function useAssessmentUnits() {
  const { data, loading, error, refetch } = useQuery(AssessmentUnitsDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const state = useQueryState(error, refetch);
  const units: AssessmentUnit[] = data?.adminUnits ?? [];
  return { units, loading, ...state };
}

/** One unit's score and its adjustments (revoked ones included). */
export function useUnitAdjustments(cycleId: string, unitCode: string | undefined) {
  const { data, loading, error, refetch } = useQuery(AssessmentUnitAdjustmentsDocument, {
    variables: { cycleId, unitCode: unitCode ?? '' },
    skip: !unitCode,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const state = useQueryState(error, refetch);
  return { unit: data?.unitAssessment, loading, ...state };
}

const AFTER_ADJUSTMENT = ['AssessmentUnitAdjustments', 'AssessmentScores'];

export interface NewAdjustment {
  unitCode: string;
  kind: AdjustmentKind;
  points: number;
  reason: string;
}

export function useAdjustmentActions(cycleId: string) {
  const [add, adding] = useMutation(AssessmentAddAdjustmentDocument, {
    refetchQueries: AFTER_ADJUSTMENT,
    awaitRefetchQueries: true,
  });
  const [revoke, revoking] = useMutation(AssessmentRevokeAdjustmentDocument, {
    refetchQueries: AFTER_ADJUSTMENT,
    awaitRefetchQueries: true,
  });
  return {
    addAdjustment: (input: NewAdjustment) => add({ variables: { input: { cycleId, ...input } } }),
    revokeAdjustment: (id: string, reason: string) => revoke({ variables: { id, reason } }),
    adding: adding.loading,
    revoking: revoking.loading,
  };
}
