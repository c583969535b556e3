import { useMutation, useQuery } from '@apollo/client/react';
import {
  AssessmentAdjustMeasureDocument,
  AssessmentReportMeasureDocument,
  AssessmentUnitMeasuresDocument,
  UnitEvidenceChoicesDocument,
  type AdjustMeasureInput,
  type ReportMeasureInput,
} from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';

/** The measured indicators that apply to a unit, with its values and their record. */
export function useUnitMeasures(cycleId: string, unitCode: string) {
  return useAppQuery(AssessmentUnitMeasuresDocument, { cycleId, unitCode });
}

/**
 * The unit's current evidence files of the cycle, offered as a value's source (to the unit's
 * own operators too). Withdrawn files are not offered.
 */
export function useMeasureEvidence(cycleId: string, unitCode: string, skip: boolean) {
  const { data } = useQuery(UnitEvidenceChoicesDocument, {
    variables: { cycleId, unitCode },
    skip,
    errorPolicy: 'ignore',
  });
  return (data?.unitEvidenceChoices ?? []).filter((e) => !e.withdrawn);
}

// A value changes the unit's score, breakdown and ranking.
const AFTER_CHANGE = ['AssessmentUnitMeasures', 'UnitsAssessment', 'AssessmentScores'];

export function useMeasureActions() {
  const [report, reporting] = useMutation(AssessmentReportMeasureDocument, {
    refetchQueries: AFTER_CHANGE,
    awaitRefetchQueries: true,
  });
  const [adjust, adjusting] = useMutation(AssessmentAdjustMeasureDocument, {
    refetchQueries: AFTER_CHANGE,
    awaitRefetchQueries: true,
  });
  return {
    reportValue: (input: ReportMeasureInput) => report({ variables: { input } }),
    adjustValue: (input: AdjustMeasureInput) => adjust({ variables: { input } }),
    saving: reporting.loading || adjusting.loading,
  };
}
