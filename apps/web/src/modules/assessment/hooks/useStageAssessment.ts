import { useMutation } from '@apollo/client/react';
import {
  AssessmentStageScheduleDocument,
  PreliminaryReviewScoreDocument,
  ReturnSelfAssessmentDocument,
  SaveSelfAssessmentDocument,
  StageAssessmentUnitsDocument,
  SubmitSelfAssessmentDocument,
  UnitStageAssessmentDocument,
  type ReturnSelfAssessmentInput,
  type SaveSelfAssessmentInput,
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

// The unit's view has no id for the cache to merge a mutation's answer into: refetch it, and
// the list that shows its state and score.
const AFTER_CHANGE = ['UnitStageAssessment', 'StageAssessmentUnits'];

export function useStageActions() {
  const options = { refetchQueries: AFTER_CHANGE, awaitRefetchQueries: true };
  const [save, saving] = useMutation(SaveSelfAssessmentDocument, options);
  const [submit, submitting] = useMutation(SubmitSelfAssessmentDocument, options);
  const [review, reviewing] = useMutation(PreliminaryReviewScoreDocument, options);
  const [giveBack, returning] = useMutation(ReturnSelfAssessmentDocument, options);
  return {
    saveSelf: (input: SaveSelfAssessmentInput) => save({ variables: { input } }),
    submitSelf: (cycleId: string, unitCode: string) =>
      submit({ variables: { input: { cycleId, unitCode } } }),
    reviewScore: (input: StageReviewScoreInput) => review({ variables: { input } }),
    returnUnit: (input: ReturnSelfAssessmentInput) => giveBack({ variables: { input } }),
    busy: saving.loading || submitting.loading || reviewing.loading || returning.loading,
  };
}
