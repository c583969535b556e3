import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import {
  AssessmentStageScheduleDocument,
  EvidenceUnitsDocument,
  PreliminaryReviewScoreDocument,
  ProvincialReviewScoreDocument,
  ReturnSelfAssessmentDocument,
  SaveSelfAssessmentDocument,
  SetAssessmentStageScheduleDocument,
  StageAssessmentUnitsDocument,
  SubmitSelfAssessmentDocument,
  UnitStageAssessmentDocument,
  type ReturnSelfAssessmentInput,
  type SaveSelfAssessmentInput,
  type SetAssessmentStageScheduleInput,
  type StageReviewScoreInput,
} from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';

/** The windows of a cycle's assessment stages. */
export function useStageSchedule(cycleId: string | undefined) {
  return useAppQuery(AssessmentStageScheduleDocument, cycleId ? { cycleId } : null);
}

/** One unit's staged assessment: indicators, scores per stage, record of changes. */
export function useUnitStageAssessment(cycleId: string | undefined, unitCode: string | undefined) {
  return useAppQuery(
    UnitStageAssessmentDocument,
    cycleId && unitCode ? { cycleId, unitCode } : null,
  );
}

/** The units of the caller's jurisdiction taking part in the cycle, with state and score. */
export function useStageUnits(cycleId: string | undefined) {
  return useAppQuery(StageAssessmentUnitsDocument, cycleId ? { cycleId } : null);
}

/**
 * The prefectures of the province by code (to filter and label units), and the codes of the
 * province-level units (whose children are directly under the province). A failure leaves the
 * maps empty: the page then filters by code only.
 */
export function usePrefectures() {
  const { data } = useQuery(EvidenceUnitsDocument, { errorPolicy: 'ignore' });
  return useMemo(() => {
    const units = data?.adminUnits ?? [];
    return {
      prefectures: units.filter((u) => u.level === 'PREFECTURE'),
      provinceCodes: new Set(units.filter((u) => u.level === 'PROVINCE').map((u) => u.code)),
    };
  }, [data]);
}

/** Sets stage windows of a cycle (provincial supervisors). */
export function useSetStageSchedule() {
  const [set, state] = useMutation(SetAssessmentStageScheduleDocument, {
    refetchQueries: ['AssessmentStageSchedule', 'UnitStageAssessment'],
    awaitRefetchQueries: true,
  });
  return {
    setSchedule: (input: SetAssessmentStageScheduleInput) => set({ variables: { input } }),
    busy: state.loading,
  };
}

// The unit's view has no id for the cache to merge a mutation's answer into: refetch it, and
// the list that shows its state and score.
const AFTER_CHANGE = ['UnitStageAssessment', 'StageAssessmentUnits'];

export function useStageActions() {
  const options = { refetchQueries: AFTER_CHANGE, awaitRefetchQueries: true };
  const [save, saving] = useMutation(SaveSelfAssessmentDocument, options);
  const [submit, submitting] = useMutation(SubmitSelfAssessmentDocument, options);
  const [review, reviewing] = useMutation(PreliminaryReviewScoreDocument, options);
  const [giveBack, returning] = useMutation(ReturnSelfAssessmentDocument, options);
  const [provincial, scoring] = useMutation(ProvincialReviewScoreDocument, options);
  return {
    saveSelf: (input: SaveSelfAssessmentInput) => save({ variables: { input } }),
    submitSelf: (cycleId: string, unitCode: string) =>
      submit({ variables: { input: { cycleId, unitCode } } }),
    reviewScore: (input: StageReviewScoreInput) => review({ variables: { input } }),
    provincialScore: (input: StageReviewScoreInput) => provincial({ variables: { input } }),
    returnUnit: (input: ReturnSelfAssessmentInput) => giveBack({ variables: { input } }),
    busy:
      saving.loading ||
      submitting.loading ||
      reviewing.loading ||
      returning.loading ||
      scoring.loading,
  };
}
