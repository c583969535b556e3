import { UnitsAssessmentDocument } from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';

/** One unit's score, breakdown and adjustments for a cycle (NOT_FOUND outside the jurisdiction). */
export function useUnitAssessment(cycleId: string | undefined, unitCode: string) {
  return useAppQuery(UnitsAssessmentDocument, cycleId ? { cycleId, unitCode } : null);
}
